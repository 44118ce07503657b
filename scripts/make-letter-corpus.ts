/**
 * Writes the test letters (tests/fixtures/letters/*.pdf) and their expected readings
 * (*.json) from scripts/letters/corpus.ts. The files are committed, so tests never run this;
 * run it again after changing a letter:  node --import tsx scripts/make-letter-corpus.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LETTERS } from './letters/corpus';
import { renderLetter } from './letters/render';

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'letters');

mkdirSync(DIR, { recursive: true });
const ids = new Set<string>();
for (const letter of LETTERS) {
  if (ids.has(letter.id)) throw new Error(`duplicate letter id ${letter.id}`);
  ids.add(letter.id);
  writeFileSync(join(DIR, `${letter.id}.pdf`), await renderLetter(letter));
  const fixture = {
    file: `${letter.id}.pdf`,
    ...(letter.scan ? { scan: true } : {}),
    ...(letter.context ? { context: letter.context } : {}),
    expect: letter.expect,
  };
  writeFileSync(join(DIR, `${letter.id}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
}
console.log(`${LETTERS.length} letters written to ${DIR}`);
