/**
 * Node's built-in modules, found by feature detection rather than imported, so the bundle code
 * stays platform-free: `process.getBuiltinModule` (Node ≥ 20.16) hands one out where the host
 * is Node, and everywhere else (browsers, workers) this gives `undefined` and the caller keeps
 * its JavaScript. Used only for speed, where Node's native code gives the very same bytes as
 * the JavaScript: ChaCha20-Poly1305 (chunk-aead.ts) and CRC-32 (zip.ts). Callers describe the
 * few members they use by hand, so no Node types enter the bundle's tsconfig.
 */
export function nodeBuiltin<T>(name: 'node:crypto' | 'node:zlib'): T | undefined {
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    return (host?.getBuiltinModule?.(name) as T | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}
