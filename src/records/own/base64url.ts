/**
 * Base64url without padding for file contents. The API package's encoder builds its string a
 * character at a time, which costs a third of a second per MiB; a file of 25 MiB is encoded in
 * the page while the citizen waits, so this one works on byte arrays and decodes to text once.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ENCODE = new Uint8Array(64).map((_, i) => ALPHABET.charCodeAt(i));
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const ascii = new TextDecoder('latin1');
const encoder = new TextEncoder();

export function encodeBase64Url(bytes: Uint8Array): string {
  const whole = bytes.length - (bytes.length % 3);
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[n >> 18]!;
    out[o++] = ENCODE[(n >> 12) & 63]!;
    out[o++] = ENCODE[(n >> 6) & 63]!;
    out[o++] = ENCODE[n & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o++] = ENCODE[n >> 18]!;
    out[o++] = ENCODE[(n >> 12) & 63]!;
    if (rest === 2) out[o++] = ENCODE[(n >> 6) & 63]!;
  }
  return ascii.decode(out);
}

/**
 * Strict: refuses padding, foreign characters, impossible lengths and non-zero trailing bits,
 * so each byte string has exactly one accepted text.
 * @throws {RangeError} when `text` is not canonical base64url.
 */
export function decodeBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new RangeError('base64url: impossible length');
  const input = encoder.encode(text);
  if (input.length !== text.length) throw new RangeError('base64url: not ASCII');
  const out = new Uint8Array(Math.floor((input.length * 3) / 4));
  const whole = input.length - (input.length % 4);
  let o = 0;
  const value = (i: number) => {
    const v = DECODE[input[i]!]!;
    if (v < 0) throw new RangeError(`base64url: bad character at ${i}`);
    return v;
  };
  for (let i = 0; i < whole; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = input.length - whole;
  if (rest === 2) {
    const n = (value(whole) << 18) | (value(whole + 1) << 12);
    if (n & 0xffff) throw new RangeError('base64url: non-zero trailing bits');
    out[o++] = n >> 16;
  } else if (rest === 3) {
    const n = (value(whole) << 18) | (value(whole + 1) << 12) | (value(whole + 2) << 6);
    if (n & 0xff) throw new RangeError('base64url: non-zero trailing bits');
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
  }
  return out;
}
