/**
 * The one platform facility the bundle code uses: WHATWG TextEncoder/TextDecoder, global in
 * every browser, worker, Node and Deno. Declared here (not from lib.dom) so the bundle's own
 * tsconfig can keep `lib: ["ES2022"]` and `types: []` and nothing else sneaks in.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
