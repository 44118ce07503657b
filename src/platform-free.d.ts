/**
 * The standard globals that platform-free code may use beyond ES2022, with only the members it
 * uses: all are global alike in browsers, workers and Node. Declared here, not taken from
 * lib.dom, so src/tsconfig.platform-free.json keeps DOM out. That program reads this file alone
 * for its globals: the narrower platform.d.ts files of other folders are left out of it.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(input: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare function atob(data: string): string;
declare function btoa(data: string): string;

type BufferSource = ArrayBufferView | ArrayBuffer;
/** A WebCrypto key: opaque, and never extractable in the vault's use. */
interface CryptoKey {
  readonly type: string;
  readonly extractable: boolean;
}
/** The WebCrypto calls of format 3 pages (vault/crypto/frame-keys.ts) and the bundle's digest. */
interface SubtleCrypto {
  digest(algorithm: 'SHA-256', data: BufferSource): Promise<ArrayBuffer>;
  importKey(format: 'raw', keyData: BufferSource, algorithm: 'HKDF', extractable: false, usages: ['deriveKey']): Promise<CryptoKey>;
  deriveKey(
    algorithm: { name: 'HKDF'; hash: 'SHA-256'; salt: BufferSource; info: BufferSource },
    baseKey: CryptoKey,
    derivedKeyType: { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: ('encrypt' | 'decrypt')[],
  ): Promise<CryptoKey>;
  encrypt(algorithm: { name: 'AES-GCM'; iv: BufferSource; additionalData: BufferSource }, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  decrypt(algorithm: { name: 'AES-GCM'; iv: BufferSource; additionalData: BufferSource }, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
}
declare var crypto: {
  getRandomValues<T extends ArrayBufferView | null>(array: T): T;
  readonly subtle: SubtleCrypto;
};
/** What WebCrypto rejects with: a failed AES-GCM tag is an `OperationError`. */
declare class DOMException extends Error {
  readonly name: string;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  href: string;
  toString(): string;
}

interface AbortSignal {
  readonly aborted: boolean;
}

type ReadableStreamReadResult<T> = { done: true; value?: undefined } | { done: false; value: T };
interface ReadableStreamDefaultReader<T> {
  read(): Promise<ReadableStreamReadResult<T>>;
  cancel(reason?: unknown): Promise<void>;
}
interface ReadableStream<T> {
  getReader(): ReadableStreamDefaultReader<T>;
}
