/**
 * What a receiver is willing to hold: a bundle's size and how deeply data.json nests. Both are
 * checked before the expensive or recursive work (decryption, JSON.parse, anything that walks
 * the data), so a hostile bundle is refused instead of exhausting memory or the stack.
 */

/**
 * The largest bundle opened by default: the vault makes at most 100 MiB of data and files
 * (docs/bundle-format.md, "Size"); this leaves room for age's tags and the ZIP's headers.
 */
export const DEFAULT_MAX_BUNDLE_BYTES = 128 * 1024 * 1024;

/**
 * How deeply data.json may nest (objects and arrays). The vault's deepest shape (a case with
 * decisions, their appeal and its address; a FHIR resource inside a health record) is about 8;
 * 64 keeps far from every JavaScript engine's recursion limit, so anything that walks the data
 * recursively (JSON.stringify, a renderer) is safe.
 */
export const MAX_DATA_DEPTH = 64;

/**
 * How deeply a JSON text nests, found in one pass over its bytes without parsing it (so a text
 * nested 100,000 levels deep costs no stack). Brackets inside strings do not count; the text
 * need not be valid JSON (JSON.parse judges that afterwards). The text may come as consecutive
 * parts (a file that spans decrypted chunks), split anywhere.
 */
export function jsonDepth(text: Uint8Array | readonly Uint8Array[]): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  // A backslash was the last byte of the previous part: the next part's first byte is escaped.
  let escaped = false;
  for (const bytes of text instanceof Uint8Array ? [text] : text) {
    const n = bytes.length;
    let i = 0;
    if (escaped && n > 0) {
      i = 1;
      escaped = false;
    }
    while (i < n) {
      if (inString) {
        // Inside a string only its end matters: a loop of its own is about 1.4× faster on a
        // large data.json than one state flag tested for every byte.
        while (i < n) {
          const c = bytes[i++]!;
          if (c === 0x22) {
            inString = false;
            break;
          }
          // A backslash escapes the next byte (a quote or another backslash).
          if (c === 0x5c && i++ === n) escaped = true;
        }
        continue;
      }
      const b = bytes[i++]!;
      if (b === 0x22) inString = true;
      else if (b === 0x5b || b === 0x7b) {
        if (++depth > deepest) deepest = depth;
      } else if (b === 0x5d || b === 0x7d) depth--;
    }
  }
  return deepest;
}

/**
 * The highest scrypt work factor (log2 N, with r = 8, p = 1) made or opened by default. scrypt
 * needs 128 · r · N bytes: 256 MiB at the default 18, 1 GiB at 20. 21 and 22 would need 2 and
 * 4 GiB in one buffer, more than a browser tab can allocate (the receiver page, the vault) and
 * more than a receiver should be made to spend by a stranger's file.
 */
export const MAX_SCRYPT_WORK_FACTOR = 20;

/** The memory scrypt needs at work factor `logN` (r = 8): 128 · 8 · 2^logN bytes. */
export const scryptMemory = (logN: number): number => 1024 * 2 ** logN;
