/**
 * What a page store knows of the parts it last sealed or verified: each part's version, format,
 * index and size, so that a write reads only the rows it must open (bucket-write.ts), not every
 * row of the buckets it writes to — most writes only add records, and the index tells that a
 * part holds none of them.
 *
 * Known is only what this store sealed and landed, or opened intact at the version the manifest
 * names, and only while the top manifest is the one this store last read or wrote: a version
 * names one state of a part only within one history of the vault, and a write from another
 * context may have come after a restored backup, which starts the write counter again. Forgotten
 * when the vault locks. Id tags, lengths and sizes are in the clear in every stored index: what
 * is kept here is no secret.
 */
import { equalBytes } from '../../shared/bytes';
import { knownPartOf, type KnownPart } from './bucket-write';
import type { PageRow } from './page-codec';
import type { ManifestEntry } from './page-manifest';

export class KnownParts {
  private readonly parts = new Map<string, KnownPart>();
  /** The stored top manifest's nonce this knowledge belongs to. */
  private top: Uint8Array | null = null;

  /**
   * Called with the nonce of the stored top manifest whenever it is read: one this store did
   * not last see was written by another context, and everything known is forgotten.
   */
  readTop(nonce: Uint8Array): void {
    if (this.top && equalBytes(this.top, nonce)) return;
    this.parts.clear();
    this.top = nonce;
  }

  /** The part as known, if the manifest names it, without a problem, at the known version. */
  get(key: string, listed: ManifestEntry | undefined): KnownPart | undefined {
    const known = this.parts.get(key);
    return known && listed?.problem === 'none' && listed.version === known.version ? known : undefined;
  }

  /** A part opened intact at the version its manifest names, read under the top manifest `top`. */
  verified(top: Uint8Array, row: PageRow): void {
    if (this.top && equalBytes(this.top, top)) this.parts.set(row.key, knownPartOf(row));
  }

  /** A part found not as known: its row is read by the next write that may need it. */
  forget(key: string): void {
    this.parts.delete(key);
  }

  /** What a write landed over the top manifest `read`, and the top manifest it saved. */
  landed(read: Uint8Array, saved: Uint8Array, write: { dropGroups: readonly string[]; puts: readonly PageRow[]; deletes: readonly string[] }): void {
    this.readTop(read);
    this.top = saved;
    if (write.dropGroups.length > 0) {
      const dropped = new Set(write.dropGroups);
      for (const key of this.parts.keys()) if (dropped.has(key.slice(0, key.indexOf('.')))) this.parts.delete(key);
    }
    for (const key of write.deletes) this.parts.delete(key);
    for (const row of write.puts) this.parts.set(row.key, knownPartOf(row));
  }

  clear(): void {
    this.parts.clear();
    this.top = null;
  }
}
