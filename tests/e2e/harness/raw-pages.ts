/**
 * The vault's IndexedDB `pages` store read and changed from inside an extension page, behind the
 * background's back: how the tamper tests damage, delete and roll back sealed pages.
 */
import type { Page } from 'playwright-core';

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
