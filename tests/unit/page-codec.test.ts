/**
 * Sealed pages (src/vault/storage/page-codec.ts). What the design promises:
 *  - an intact page opens with one tag check and gives back every record as written;
 *  - when the page tag fails, each record is released only if its own MAC verifies, so a changed
 *    byte damages at most the record it belongs to, and a record is never returned with bytes
 *    other than the ones written for its id tag;
 *  - the nonce and the tag cover the whole page: a changed nonce damages every record (they were
 *    all encrypted with it), a changed tag byte damages none (the records' own MACs still hold);
 *  - the page's version is bound to its tag, and a salvaged page never lists a record twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveVaultKeys, type VaultKeys } from '../../src/vault/crypto/keys';
import { openPage, recordMac, sealPage, type PageEntry, type PageRow } from '../../src/vault/storage/page-codec';
import { sealLegacyPage } from './support/legacy-page';
import { runs } from './support/setup-vault';
import { toBase64Url } from '../../src/shared/base64url';
import { randomBytes } from '../../src/shared/bytes';

const ENTRY_SIZE = 44;
const TAG_SIZE = 16;
const PAGE_KEY = 'groupTag.5';
const GROUP = 'groupTag';
const VERSION = 7;

function entry(keys: VaultKeys, idTag: Uint8Array, bytes: Uint8Array, pageKey = PAGE_KEY): PageEntry {
  return { idTag, bytes, mac: recordMac(keys, pageKey, idTag, bytes), damaged: false };
}

const text = (s: string) => new TextEncoder().encode(s);

/** A small page of three records of different sizes and contents. */
function smallPage(): { keys: VaultKeys; entries: PageEntry[]; row: PageRow } {
  const keys = deriveVaultKeys(randomBytes(32));
  const entries = [
    entry(keys, randomBytes(16), text('{"id":"a","title":"Første"}')),
    entry(keys, randomBytes(16), text('{"id":"bb","body":"Møde på rådhuset kl. 10"}')),
    entry(keys, randomBytes(16), text('{"id":"c"}')),
  ];
  return { keys, entries, row: sealPage(keys, PAGE_KEY, GROUP, VERSION, entries) };
}

const refOf = (e: { idTag: Uint8Array }) => toBase64Url(e.idTag);

/** What came back, by ref: the bytes of intact records and the refs of damaged ones. */
function summary(entries: PageEntry[]) {
  return {
    intact: new Map(entries.filter((e) => !e.damaged).map((e) => [refOf(e), toBase64Url(e.bytes)])),
    damaged: entries.filter((e) => e.damaged).map(refOf),
  };
}

function withByte(data: Uint8Array, at: number, xor: number): Uint8Array {
  const out = data.slice();
  out[at]! ^= xor;
  return out;
}

/** The safety promise, whatever was changed: no record is released with bytes it was not written with. */
function expectNoWrongRecord(original: PageEntry[], opened: PageEntry[]): void {
  const written = new Map(original.map((e) => [refOf(e), toBase64Url(e.bytes)]));
  for (const [ref, bytes] of summary(opened).intact) expect(written.get(ref)).toBe(bytes);
}

describe('sealPage → openPage', () => {
  it('round-trips random entries, in order, with one tag check', () => {
    const entries = fc.uniqueArray(fc.tuple(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ maxLength: 200 })), {
      maxLength: 12,
      selector: ([idTag]) => toBase64Url(idTag),
    });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), entries, (dataKey, list) => {
        const keys = deriveVaultKeys(dataKey);
        const written = list.map(([idTag, bytes]) => entry(keys, idTag, bytes));
        const row = sealPage(keys, PAGE_KEY, GROUP, VERSION, written);
        expect(row.index.length).toBe(written.length * ENTRY_SIZE);
        const opened = openPage(keys, row);
        expect(opened.intact).toBe(true);
        expect(opened.entries.map((e) => [refOf(e), toBase64Url(e.bytes), e.damaged])).toEqual(written.map((e) => [refOf(e), toBase64Url(e.bytes), false]));
      }),
      runs(60),
    );
  });

  it('keeps a damaged entry marked damaged when the page is sealed again', () => {
    const { keys, entries } = smallPage();
    const marked = entries.map((e, i) => (i === 1 ? { ...e, damaged: true } : e));
    const opened = openPage(keys, sealPage(keys, PAGE_KEY, GROUP, VERSION, marked));
    expect(summary(opened.entries).damaged).toEqual([refOf(entries[1]!)]);
  });

  it('opens nothing under another vault key: every record damaged, none released', () => {
    const { entries, row } = smallPage();
    const opened = openPage(deriveVaultKeys(randomBytes(32)), row);
    expect(opened.intact).toBe(false);
    expect(summary(opened.entries).damaged).toEqual(entries.map(refOf));
  });
});

describe('exhaustive single-byte changes of a small page', () => {
  const xors = [0x01, 0x80, 0xff];

  it('body: a byte of record k damages exactly record k; a tag byte damages none', () => {
    const { keys, entries, row } = smallPage();
    const recordBytes = row.body.length - TAG_SIZE;
    let start = 0;
    const owner: number[] = [];
    entries.forEach((e, k) => {
      for (let i = 0; i < e.bytes.length; i++) owner[start + i] = k;
      start += e.bytes.length;
    });
    expect(owner.length).toBe(recordBytes);
    for (let at = 0; at < row.body.length; at++) {
      for (const xor of xors) {
        const opened = openPage(keys, { ...row, body: withByte(row.body, at, xor) });
        expect(opened.intact).toBe(false);
        expectNoWrongRecord(entries, opened.entries);
        const { intact, damaged } = summary(opened.entries);
        if (at < recordBytes) {
          const k = owner[at]!;
          expect(damaged).toEqual([refOf(entries[k]!)]);
          expect(intact.size).toBe(entries.length - 1);
        } else {
          expect(damaged).toEqual([]);
          expect(intact.size).toBe(entries.length);
        }
      }
    }
  });

  it('index: a byte of entry k damages at most record k, and never releases wrong bytes', () => {
    const { keys, entries, row } = smallPage();
    for (let at = 0; at < row.index.length; at++) {
      const k = Math.floor(at / ENTRY_SIZE);
      const field = at % ENTRY_SIZE;
      for (const xor of xors) {
        const opened = openPage(keys, { ...row, index: withByte(row.index, at, xor) });
        expect(opened.intact).toBe(false);
        expectNoWrongRecord(entries, opened.entries);
        const { intact, damaged } = summary(opened.entries);
        // The other records are untouched.
        entries.forEach((e, j) => {
          if (j !== k) expect(intact.get(refOf(e))).toBe(toBase64Url(e.bytes));
        });
        expect(damaged.length).toBeLessThanOrEqual(1);
        const isFlags = field >= 24 && field < 28;
        // The id tag, offset, length and MAC are all bound by the record MAC; only the flags
        // word is free, and a flag can only mark a record damaged, never make it readable.
        const setsDamagedFlag = isFlags && field === 27 && (xor & 1) === 1;
        expect(damaged.length).toBe(!isFlags || setsDamagedFlag ? 1 : 0);
      }
    }
  });

  it('nonce: every record is damaged (all were encrypted under it), none released', () => {
    const { keys, entries, row } = smallPage();
    for (let at = 0; at < row.nonce.length; at++) {
      for (const xor of xors) {
        const opened = openPage(keys, { ...row, nonce: withByte(row.nonce, at, xor) });
        expect(opened.intact).toBe(false);
        expect(summary(opened.entries).damaged).toEqual(entries.map(refOf));
      }
    }
  });
});

describe('moved records', () => {
  it('an entry moved to another id tag is damaged, its neighbours are not', () => {
    const { keys, entries, row } = smallPage();
    const otherTag = randomBytes(16);
    const index = row.index.slice();
    index.set(otherTag, ENTRY_SIZE); // entry 1 now claims another id
    const opened = openPage(keys, { ...row, index });
    const { intact, damaged } = summary(opened.entries);
    expect(damaged).toEqual([toBase64Url(otherTag)]);
    expect(intact.get(refOf(entries[0]!))).toBe(toBase64Url(entries[0]!.bytes));
    expect(intact.get(refOf(entries[2]!))).toBe(toBase64Url(entries[2]!.bytes));
  });

  it('two entries that swap id tags are both damaged', () => {
    const { keys, entries, row } = smallPage();
    const index = row.index.slice();
    index.set(entries[2]!.idTag, 0);
    index.set(entries[0]!.idTag, 2 * ENTRY_SIZE);
    const { damaged, intact } = summary(openPage(keys, { ...row, index }).entries);
    expect(damaged.sort()).toEqual([refOf(entries[0]!), refOf(entries[2]!)].sort());
    expect(intact.size).toBe(1);
  });

  it.each([
    ['another page key (another bucket)', { key: 'groupTag.6' }],
    ['another group (another profile or kind)', { key: 'otherGroup.5', group: 'otherGroup' }],
  ])('a row copied under %s: its records are damaged', (_, move) => {
    const { keys, entries, row } = smallPage();
    const opened = openPage(keys, { ...row, ...move });
    expect(opened.intact).toBe(false);
    expect(summary(opened.entries).damaged).toEqual(entries.map(refOf));
  });
});

describe('pages of another format', () => {
  it('an index that is not a whole number of entries releases nothing and marks the page unreadable', () => {
    const { keys, row } = smallPage();
    const opened = openPage(keys, { ...row, index: row.index.subarray(0, ENTRY_SIZE + 3) });
    expect(opened).toEqual({ entries: [], intact: false, unreadable: true });
  });
});

describe('versions, repeats and cut pages', () => {
  it('a page whose version was changed fails its tag (an older copy cannot pose as the current one)', () => {
    const { keys, entries, row } = smallPage();
    for (const version of [VERSION - 1, VERSION + 1, 0]) {
      const opened = openPage(keys, { ...row, version });
      expect(opened.intact).toBe(false);
      // The records still verify one by one; the store reports the page itself (page-store tests).
      expect(summary(opened.entries).intact.size).toBe(entries.length);
    }
  });

  it('a duplicated index entry is used once; the repeat comes back damaged', () => {
    const { keys, entries, row } = smallPage();
    const index = new Uint8Array(row.index.length + ENTRY_SIZE);
    index.set(row.index);
    index.set(row.index.subarray(ENTRY_SIZE, 2 * ENTRY_SIZE), row.index.length); // entry 1 again
    const opened = openPage(keys, { ...row, index });
    expect(opened.intact).toBe(false);
    expect(opened.entries.filter((e) => !e.damaged).map(refOf)).toEqual(entries.map(refOf));
    expect(summary(opened.entries).damaged).toEqual([refOf(entries[1]!)]);
  });

  it('a removed index entry leaves the others readable, but the page fails its tag', () => {
    const { keys, entries, row } = smallPage();
    const index = row.index.slice(0, 2 * ENTRY_SIZE);
    const opened = openPage(keys, { ...row, index });
    expect(opened.intact).toBe(false);
    expect(summary(opened.entries).intact.size).toBe(2);
    expect(summary(opened.entries).damaged).toEqual([]);
    expect(entries.length).toBe(3);
  });

  it('a cut body damages the records it cut into and releases no wrong bytes', () => {
    const { keys, entries, row } = smallPage();
    const cut = entries[0]!.bytes.length + 3 + TAG_SIZE; // the last 16 bytes left are taken for the tag
    const opened = openPage(keys, { ...row, body: row.body.subarray(0, cut) });
    expect(opened.intact).toBe(false);
    expectNoWrongRecord(entries, opened.entries);
    expect(summary(opened.entries).damaged).toEqual([refOf(entries[1]!), refOf(entries[2]!)]);
  });

  it('opens a format 1 page (no version), as written before the page manifest', () => {
    const { keys, entries } = smallPage();
    const opened = openPage(keys, sealLegacyPage(keys, PAGE_KEY, GROUP, entries));
    expect(opened.intact).toBe(true);
    expect(summary(opened.entries).intact.size).toBe(entries.length);
  });

  it.each([
    ['format 2 without a version', { version: undefined }],
    ['format 2 with a version out of range', { version: 2 ** 32 }],
    ['an unknown format', { v: 9 }],
  ])('%s is unreadable', (_, change) => {
    const { keys, row } = smallPage();
    expect(openPage(keys, { ...row, ...change }).unreadable).toBe(true);
  });
});
