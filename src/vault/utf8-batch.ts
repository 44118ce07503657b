/**
 * UTF-8 for many short texts at once (the records of one write): each is encoded into a large
 * shared chunk and handed out as a view of it, instead of one small buffer per record, which a
 * write of 100,000 records would otherwise leave for the garbage collector. The bytes equal
 * TextEncoder's `encode` of the same text.
 */
const CHUNK = 1 << 20;
const encoder = new TextEncoder();

export class Utf8Batch {
  private chunk = new Uint8Array(0);
  private used = 0;

  encode(text: string): Uint8Array {
    // UTF-16 code units become at most three bytes each.
    if (this.chunk.length - this.used < 3 * text.length) {
      this.chunk = new Uint8Array(Math.max(CHUNK, 3 * text.length));
      this.used = 0;
    }
    const at = this.used;
    const { written } = encoder.encodeInto(text, this.chunk.subarray(at));
    this.used += written;
    return this.chunk.subarray(at, this.used);
  }
}
