/** Chromium's non-standard `performance.memory` (precise with --enable-precise-memory-info). */
interface Performance {
  readonly memory?: { readonly usedJSHeapSize: number };
}
