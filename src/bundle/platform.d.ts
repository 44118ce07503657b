/**
 * The platform facilities the bundle code uses, all WHATWG/W3C standards that are global in
 * every browser, worker, Node (≥ 19) and Deno: TextEncoder/TextDecoder, and WebCrypto's
 * SHA-256 digest (used when present, for speed; @noble/hashes otherwise). Declared here, not
 * taken from lib.dom, so the bundle's own tsconfig keeps `lib: ["ES2022"]` and `types: []` and
 * nothing else sneaks in. (Where the host is Node, node-builtin.ts also finds its ChaCha20-
 * Poly1305 and CRC-32 by feature detection, for speed; their few members are typed where used.)
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
