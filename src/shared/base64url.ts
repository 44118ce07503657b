/**
 * Base64url without padding (RFC 4648 §5), as JOSE, record ids and transfers use it, and the
 * standard alphabet without padding that age headers use. Strict in both directions: decoding
 * refuses padding, whitespace, foreign characters, impossible lengths and non-zero trailing
 * bits, so every byte string has exactly one accepted spelling.
 */
interface Alphabet {
  encode: Uint8Array;
  decode: Int8Array;
}

function alphabet(chars: string): Alphabet {
  const encode = Uint8Array.from(chars, (c) => c.charCodeAt(0));
  const decode = new Int8Array(128).fill(-1);
  encode.forEach((code, i) => (decode[code] = i));
  return { encode, decode };
}

const URL_SAFE = alphabet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
const STANDARD = alphabet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');

// The output is ASCII, so any single-byte decoder turns the code array into text in one call.
const ascii = new TextDecoder('latin1');

function encode(bytes: Uint8Array, { encode: table }: Alphabet): string {
  // Written into a byte array and decoded to text once: building the string a character at a
  // time costs a third of a second per MiB, and attachments run to 25 MiB.
  const whole = bytes.length - (bytes.length % 3);
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = table[n >> 18]!;
    out[o++] = table[(n >> 12) & 63]!;
    out[o++] = table[(n >> 6) & 63]!;
    out[o++] = table[n & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o++] = table[n >> 18]!;
    out[o++] = table[(n >> 12) & 63]!;
    if (rest === 2) out[o++] = table[(n >> 6) & 63]!;
  }
  return ascii.decode(out);
}

function decode(text: string, { decode: table }: Alphabet, what: string): Uint8Array {
  if (text.length % 4 === 1) throw new TypeError(`${what}: impossible length ${text.length}`);
  const value = (i: number): number => {
    const code = text.charCodeAt(i);
    const v = code < 128 ? table[code]! : -1;
    if (v < 0) throw new TypeError(`${what}: character ${JSON.stringify(text[i])} at ${i} is not in the alphabet`);
    return v;
  };
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  const whole = text.length - (text.length % 4);
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = text.length - whole;
  if (rest === 2) {
    const n = (value(whole) << 18) | (value(whole + 1) << 12);
    if (n & 0xffff) throw new TypeError(`${what}: non-canonical final character (trailing bits set)`);
    out[o++] = n >> 16;
  } else if (rest === 3) {
    const n = (value(whole) << 18) | (value(whole + 1) << 12) | (value(whole + 2) << 6);
    if (n & 0xff) throw new TypeError(`${what}: non-canonical final character (trailing bits set)`);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
  }
  return out;
}

export const toBase64Url = (bytes: Uint8Array): string => encode(bytes, URL_SAFE);

/**
 * Each consecutive `width`-byte piece of `bytes` as its own base64url text: what `toBase64Url`
 * gives for each piece, with one decoder call for them all (a browser's decoder costs more per
 * call than 32 bytes do, and an import encodes 100,000 ids).
 * @throws {RangeError} when `width` is not a positive integer dividing the length of `bytes`.
 */
export function toBase64UrlEach(bytes: Uint8Array, width: number): string[] {
  if (!Number.isInteger(width) || width <= 0 || bytes.length % width !== 0) {
    throw new RangeError(`toBase64UrlEach: width ${width} does not divide ${bytes.length} bytes`);
  }
  const chars = Math.ceil((width * 4) / 3);
  const count = bytes.length / width;
  const table = URL_SAFE.encode;
  const out = new Uint8Array(count * chars);
  const whole = width - (width % 3);
  const rest = width - whole;
  let o = 0;
  for (let start = 0; start < bytes.length; start += width) {
    const end = start + whole;
    for (let i = start; i < end; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      out[o++] = table[n >> 18]!;
      out[o++] = table[(n >> 12) & 63]!;
      out[o++] = table[(n >> 6) & 63]!;
      out[o++] = table[n & 63]!;
    }
    if (rest > 0) {
      const n = (bytes[end]! << 16) | (rest === 2 ? bytes[end + 1]! << 8 : 0);
      out[o++] = table[n >> 18]!;
      out[o++] = table[(n >> 12) & 63]!;
      if (rest === 2) out[o++] = table[(n >> 6) & 63]!;
    }
  }
  const text = ascii.decode(out);
  const each = new Array<string>(count);
  for (let i = 0; i < count; i++) each[i] = text.slice(i * chars, (i + 1) * chars);
  return each;
}

/**
 * Decodes canonical unpadded base64url; `what` names the value in the error message.
 * @throws {TypeError} on padding, whitespace, a character outside the alphabet, a length of
 *   4n + 1, or non-zero trailing bits.
 */
export const fromBase64Url = (text: string, what = 'base64url'): Uint8Array => decode(text, URL_SAFE, what);

/** True when `fromBase64Url` accepts the text: for schemas of stored and received values. */
export function isBase64Url(text: string): boolean {
  try {
    fromBase64Url(text);
    return true;
  } catch {
    return false;
  }
}

/** The standard alphabet (`+/`), unpadded, as age headers write it. */
export const toBase64Unpadded = (bytes: Uint8Array): string => encode(bytes, STANDARD);

/** @throws {TypeError} on anything but canonical unpadded standard base64. */
export const fromBase64Unpadded = (text: string, what = 'base64'): Uint8Array => decode(text, STANDARD, what);
