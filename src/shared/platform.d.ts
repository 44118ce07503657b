/**
 * The standard globals src/shared uses (TextEncoder/TextDecoder, present in every browser,
 * worker, Node ≥ 19 and Deno), declared here rather than taken from lib.dom so that the pure
 * folders' own tsconfigs (src/shared, src/bundle, src/receiver) keep `lib: ["ES2022"]` and
 * `types: []` and nothing else sneaks in. Optional speed-ups (WebCrypto's digest, Node's
 * ChaCha20-Poly1305) are found by feature detection and typed where they are used.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(input: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
