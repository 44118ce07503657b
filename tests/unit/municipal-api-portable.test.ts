import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../src/municipal/api');

describe('the API package runs in browsers too', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports no Node-only modules and uses no Node globals', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    for (const spec of imports)
      expect(
        spec.startsWith('.') ||
          ['zod', 'zod/v4/core', 'canonicalize', '@noble/curves/ed25519.js', '@noble/hashes/sha2.js', '@noble/hashes/legacy.js'].includes(spec),
        spec,
      ).toBe(true);
    expect(text).not.toMatch(/\b(Buffer|process)\.|\brequire\(|globalThis\.process/);
  });
});
