/** Reads the shared test vectors in tests/vectors/*.json (data, so other test suites can use them too). */
import { readFileSync } from 'node:fs';

export interface VectorFile<Case> {
  source: string;
  algorithm: string;
  cases: (Case & { name: string; expect: 'success' | 'failure' })[];
}

export function loadVectors<Case>(name: string): VectorFile<Case> {
  const file = new URL(`../../vectors/${name}.json`, import.meta.url);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as VectorFile<Case>;
  if (!parsed.source || !Array.isArray(parsed.cases) || parsed.cases.length === 0) throw new Error(`${name}: not a vector file`);
  for (const c of parsed.cases) {
    if (c.expect !== 'success' && c.expect !== 'failure') throw new Error(`${name}: case "${c.name}" has no expect`);
  }
  return parsed;
}
