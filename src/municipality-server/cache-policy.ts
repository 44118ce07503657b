/**
 * What browsers and proxies may keep of an answer. Everything about a citizen (sign-in page,
 * tokens, /me, the synced pages, PDFs, inboxes) is `no-store`: `private, no-cache` only asks a
 * cache to revalidate, and a browser then still writes the answer to its disk cache in the clear.
 * Only answers that say they are `public` (keys, discovery documents) keep their own header.
 */
import type { MiddlewareHandler } from 'hono';

/** The header this server sent before; a test mode switch restores it to show what it let browsers keep. */
export const OLD_CACHE_CONTROL = 'private, no-cache';

export function cachePolicy(options: { oldHeader?: boolean } = {}): MiddlewareHandler {
  const header = options.oldHeader ? OLD_CACHE_CONTROL : 'no-store';
  return async (c, next) => {
    await next();
    if (!/^public\b/.test(c.res.headers.get('Cache-Control') ?? '')) c.res.headers.set('Cache-Control', header);
  };
}
