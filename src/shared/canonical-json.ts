/**
 * RFC 8785 (JCS) canonical JSON written straight into UTF-8 bytes, for hashing: one pass over the
 * value into one reused buffer, where building the text first (strings per value, joined, then
 * encoded) costs several times more. A synced record's digest is hashed from these bytes.
 *
 * It covers the values JSON.parse gives: null, booleans, finite numbers, well-formed strings,
 * arrays and plain objects. Anything else (NaN, a lone surrogate, `toJSON`, `undefined` in an
 * array, a cycle, …) is handed back as `null`, so the caller can take the reference encoder,
 * which gives the same bytes or the same error as before.
 */

/** A value this writer leaves to the reference encoder. */
class NotPlainJson extends Error {}
const notPlain = new NotPlainJson();

/** Deeper than this is treated as unusual (the reference encoder then finds any cycle). */
const MAX_DEPTH = 200;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEX = '0123456789abcdef';
/** JSON.stringify's short escapes below U+0020; the rest are \u00xx. */
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };

export class CanonicalJsonWriter {
  private buffer = new Uint8Array(4096);
  private length = 0;
  /** A getter that writes again while a write runs would overwrite the buffer in use. */
  private busy = false;

  /**
   * The canonical UTF-8 bytes of `value`, or null when it is not plain JSON. The result is a view
   * into this writer's buffer: use it before the next call.
   */
  write(value: unknown): Uint8Array | null {
    if (this.busy) return null;
    this.busy = true;
    this.length = 0;
    try {
      this.value(value, 0);
    } catch (error) {
      if (error === notPlain) return null;
      throw error;
    } finally {
      this.busy = false;
    }
    return this.buffer.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    const needed = this.length + bytes;
    if (needed <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  private ascii(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.buffer[this.length++] = text.charCodeAt(i);
  }

  private value(value: unknown, depth: number): void {
    if (value === null) return this.ascii('null');
    switch (typeof value) {
      case 'boolean':
        return this.ascii(value ? 'true' : 'false');
      case 'number':
        if (!Number.isFinite(value)) throw notPlain;
        // ECMAScript's Number::toString, as JSON.stringify writes numbers (and -0 as 0).
        return this.ascii(String(value));
      case 'string':
        return this.string(value);
      case 'object':
        if (depth >= MAX_DEPTH) throw notPlain;
        if (Array.isArray(value)) return this.array(value, depth + 1);
        return this.object(value, depth + 1);
      default:
        throw notPlain;
    }
  }

  private array(items: unknown[], depth: number): void {
    if (Object.getPrototypeOf(items) !== Array.prototype) throw notPlain;
    this.byte(0x5b);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.byte(0x2c);
      const item = items[i];
      if (item === undefined) throw notPlain;
      this.value(item, depth);
    }
    this.byte(0x5d);
  }

  private object(object: object, depth: number): void {
    const proto: unknown = Object.getPrototypeOf(object);
    if ((proto !== Object.prototype && proto !== null) || 'toJSON' in object) throw notPlain;
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record);
    // Code-unit order, as Array.prototype.sort compares strings; keys already in order skip the sort.
    for (let i = 1; i < keys.length; i++) {
      if (keys[i - 1]! > keys[i]!) {
        keys.sort();
        break;
      }
    }
    this.byte(0x7b);
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      if (!first) this.byte(0x2c);
      first = false;
      this.string(key);
      this.byte(0x3a);
      this.value(item, depth);
    }
    this.byte(0x7d);
  }

  /** A JSON string as JSON.stringify escapes it, encoded as UTF-8; a lone surrogate is not plain JSON. */
  private string(text: string): void {
    // At most six bytes per UTF-16 code unit (\u00xx), plus the quotes.
    this.reserve(text.length * 6 + 2);
    const out = this.buffer;
    let n = this.length;
    out[n++] = QUOTE;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH) {
          out[n++] = c;
          continue;
        }
        out[n++] = BACKSLASH;
        const short = c === QUOTE || c === BACKSLASH ? c : SHORT_ESCAPES[c];
        if (short !== undefined) {
          out[n++] = short;
        } else {
          out[n++] = 0x75; // u
          out[n++] = 0x30;
          out[n++] = 0x30;
          out[n++] = HEX.charCodeAt(c >> 4);
          out[n++] = HEX.charCodeAt(c & 0xf);
        }
      } else if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6);
        out[n++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        out[n++] = 0xe0 | (c >> 12);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
      } else {
        const low = text.charCodeAt(i + 1);
        if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) throw notPlain;
        const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        out[n++] = 0xf0 | (point >> 18);
        out[n++] = 0x80 | ((point >> 12) & 0x3f);
        out[n++] = 0x80 | ((point >> 6) & 0x3f);
        out[n++] = 0x80 | (point & 0x3f);
      }
    }
    out[n++] = QUOTE;
    this.length = n;
  }
}
