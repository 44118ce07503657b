/** Many short texts encoded into shared chunks (src/vault/utf8-batch.ts) give TextEncoder's bytes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Batch } from '../../src/vault/utf8-batch';
import { runs } from './support/setup-vault';

const encoder = new TextEncoder();

describe('Utf8Batch', () => {
  it('equals TextEncoder for any texts, lone surrogates included, and earlier views stay intact', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), { maxLength: 50 }),
        (texts) => {
          const batch = new Utf8Batch();
          const views = texts.map((t) => batch.encode(t));
          views.forEach((view, i) => expect(Array.from(view)).toEqual(Array.from(encoder.encode(texts[i]))));
        },
      ),
      runs(100),
    );
  });

  it('across chunk boundaries and for one text larger than a chunk', () => {
    const batch = new Utf8Batch();
    const texts = Array.from({ length: 9000 }, (_, i) => `{"n":${i},"t":"Ærø ${'ø'.repeat(i % 200)} 😀"}`);
    texts.push('å'.repeat(700_000));
    texts.push('tail');
    const views = texts.map((t) => batch.encode(t));
    expect(new Set(views.map((v) => v.buffer)).size).toBeGreaterThan(2);
    views.forEach((view, i) => expect(Buffer.from(view).equals(Buffer.from(encoder.encode(texts[i])))).toBe(true));
  });
});
