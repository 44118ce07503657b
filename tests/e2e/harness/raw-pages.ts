/**
 * The vault's IndexedDB `pages` store read and changed from inside an extension page, behind the
 * background's back: how the tamper tests damage, delete and roll back sealed pages.
 */
import type { Page } from 'playwright-core';

/**
 * The plaintext index's layout by page format: format 2 has 44 bytes a record (id tag, offset,
 * length, flags, MAC); format 3 a u32 frame count, 16 bytes a frame (first record, record count,
 * offset, length in the body) and 24 bytes a record. Passed into the page with the functions.
 */
const LAYOUT = { v2Entry: 44, v3Frame: 16, v3Entry: 24 };

/** A `pages` row as plain arrays, so it crosses page.evaluate unchanged. */
export interface RawRow {
  key: string;
  group: string;
  v: number;
  /** The write counter when the page was last written, bound into its tag (format 2). */
  version: number;
  nonce: number[];
  index: number[];
  body: number[];
}

/** Reads or replaces rows of the vault's IndexedDB from inside the extension page. */
export class RawPages {
  constructor(private readonly page: Page) {}

  all(): Promise<RawRow[]> {
    return this.page.evaluate(async () => {
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('handlerum-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('pages', 'readonly').objectStore('pages').getAll();
          request.onsuccess = () => (db.close(), resolve(request.result as Record<string, unknown>[]));
          request.onerror = () => (db.close(), reject(request.error));
        };
      });
      return rows.map((row) => ({
        key: row.key as string,
        group: row.group as string,
        v: row.v as number,
        version: row.version as number,
        nonce: Array.from(row.nonce as Uint8Array),
        index: Array.from(row.index as Uint8Array),
        body: Array.from(row.body as Uint8Array),
      }));
    });
  }

  /**
   * Every row's key, group and record count, without the bodies: a long history's pages hold
   * megabytes that need not cross into the test to find a page.
   */
  outline(): Promise<{ key: string; group: string; records: number }[]> {
    return this.page.evaluate(
      async (layout) =>
        new Promise<{ key: string; group: string; records: number }[]>((resolve, reject) => {
          const open = indexedDB.open('handlerum-vault');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const out: { key: string; group: string; records: number }[] = [];
            const request = db.transaction('pages', 'readonly').objectStore('pages').openCursor();
            request.onsuccess = () => {
              const cursor = request.result;
              if (!cursor) return (db.close(), resolve(out));
              const row = cursor.value as { key: string; group: string; v: number; index: Uint8Array };
              const frames = row.v === 3 ? new DataView(row.index.buffer, row.index.byteOffset).getUint32(0) : 0;
              const records = row.v === 3 ? (row.index.length - 4 - frames * layout.v3Frame) / layout.v3Entry : row.index.length / layout.v2Entry;
              out.push({ key: row.key, group: row.group, records });
              cursor.continue();
            };
            request.onerror = () => (db.close(), reject(request.error));
          };
        }),
      LAYOUT,
    );
  }

  /**
   * Flips one bit in the middle of one page's ciphertext, inside the page (the body never
   * crosses), and returns how many of its records the flipped byte spoils, by the page's
   * plaintext index: in format 2 the records whose bytes it falls in, in format 3 every record of
   * the frame it falls in — the records the vault cannot give back.
   */
  corruptMiddle(key: string): Promise<number> {
    return this.page.evaluate(
      async ({ key, layout }) =>
        new Promise<number>((resolve, reject) => {
          let hit = 0;
          const open = indexedDB.open('handlerum-vault');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('pages', 'readwrite');
            const store = tx.objectStore('pages');
            const get = store.get(key);
            get.onsuccess = () => {
              const row = get.result as { v: number; index: Uint8Array; body: Uint8Array } | undefined;
              if (!row) return tx.abort();
              const at = Math.floor(row.body.length / 2);
              const index = new DataView(row.index.buffer, row.index.byteOffset, row.index.byteLength);
              if (row.v === 3) {
                const frames = index.getUint32(0);
                for (let f = 0; f < frames; f++) {
                  const e = 4 + f * layout.v3Frame;
                  const offset = index.getUint32(e + 8);
                  if (offset <= at && at < offset + index.getUint32(e + 12)) hit += index.getUint32(e + 4);
                }
              } else {
                for (let e = 0; e < row.index.length; e += layout.v2Entry) {
                  const offset = index.getUint32(e + 16);
                  if (offset <= at && at < offset + index.getUint32(e + 20)) hit++;
                }
              }
              row.body[at] = row.body[at]! ^ 0x01;
              store.put(row);
            };
            tx.oncomplete = () => (db.close(), resolve(hit));
            tx.onabort = () => (db.close(), reject(new Error(`no page ${key}`)));
            tx.onerror = () => (db.close(), reject(tx.error));
          };
        }),
      { key, layout: LAYOUT },
    );
  }

  put(row: RawRow): Promise<void> {
    return this.change({ put: row });
  }

  delete(key: string): Promise<void> {
    return this.change({ delete: key });
  }

  /** One write to the `pages` store, in its own transaction. */
  private change(op: { put: RawRow } | { delete: string }): Promise<void> {
    return this.page.evaluate(async (op) => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('handlerum-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('pages', 'readwrite');
          const store = tx.objectStore('pages');
          if ('put' in op) {
            const raw = op.put;
            store.put({ ...raw, nonce: Uint8Array.from(raw.nonce), index: Uint8Array.from(raw.index), body: Uint8Array.from(raw.body) });
          } else store.delete(op.delete);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      });
    }, op);
  }
}

/** Flips one bit in the first byte of a page's ciphertext. */
export async function corruptPage(raw: RawPages, key: string): Promise<void> {
  const row = (await raw.all()).find((r) => r.key === key);
  if (!row) throw new Error(`no page ${key}`);
  row.body[0] = row.body[0]! ^ 0x01;
  await raw.put(row);
}

/** Removes a page and returns it, to be put back later as an older copy. */
export async function takePage(raw: RawPages, key: string): Promise<RawRow> {
  const row = (await raw.all()).find((r) => r.key === key);
  if (!row) throw new Error(`no page ${key}`);
  await raw.delete(key);
  return row;
}
