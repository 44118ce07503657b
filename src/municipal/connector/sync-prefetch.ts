/**
 * The pages of one feed fetched ahead of the sync. A page's address needs the sync token of the
 * page before it, so each is asked for as soon as that page has arrived — not when the sync gets
 * to it — and the municipality makes the next pages while the sync verifies and stores the
 * earlier ones, up to a batch of pages ahead. A page fetched ahead is the same request the sync
 * would make (see `ConnectionClient.prefetchJson`); one whose address the sync does not ask for
 * (the page before it was refused, the feed was reset) is dropped unread.
 */
import type { ConnectionClient, Prefetched } from './connection-client';

/**
 * How many pages are fetched ahead of the one being verified: about one full batch (see
 * sync-batch.ts), so that while a batch is stored the next one is fetched and verified, instead
 * of the sync waiting on the vault's write once three pages are in. A page of 1,000 records is
 * about 1 MB: this holds some 16 MB of pages at most.
 */
const DEPTH = 16;

export class FeedPrefetch {
  private readonly pages = new Map<string, Promise<Prefetched>>();
  /** The sync token the chain stopped at because enough pages were waiting (undefined: none). */
  private stalled: string | null | undefined = undefined;

  constructor(
    private readonly client: ConnectionClient,
    /** A page's address from the cursor it starts at (null: the feed's start). */
    private readonly urlAt: (cursor: string | null) => string,
  ) {}

  /** The page fetched ahead for `url`, or null when it was not (then the caller fetches it). */
  take(url: string): Promise<Prefetched> | null {
    const page = this.pages.get(url) ?? null;
    this.pages.delete(url);
    if (this.stalled !== undefined && this.pages.size < DEPTH) {
      const token = this.stalled;
      this.stalled = undefined;
      this.after(token);
    }
    return page;
  }

  /**
   * Fetches the page after the one whose sync token is `syncToken` (null: the feed's first page),
   * and the ones after it as they arrive.
   */
  after(syncToken: string | null): void {
    const url = this.urlAt(syncToken);
    if (this.pages.has(url)) return;
    if (this.pages.size >= DEPTH) {
      this.stalled = syncToken;
      return;
    }
    const page = this.client.prefetchJson(url);
    if (!page) return;
    this.pages.set(url, page);
    void page.then((fetched) => {
      const next = nextToken(fetched);
      // Not after a clear: the chain belongs to a feed position the sync has left.
      if (next !== null && this.pages.get(url) === page) this.after(next);
    });
  }

  /** Drops every page fetched ahead (the feed starts again elsewhere). */
  clear(): void {
    this.pages.clear();
    this.stalled = undefined;
  }
}

/** The sync token a fetched page says the feed goes on from, or null at its end (or for anything else). */
function nextToken(fetched: Prefetched): string | null {
  if (!fetched || !('body' in fetched)) return null;
  const body = fetched.body as { nextCursor?: unknown; syncToken?: unknown } | null;
  if (typeof body !== 'object' || body === null || typeof body.nextCursor !== 'string' || typeof body.syncToken !== 'string') return null;
  return body.syncToken;
}
