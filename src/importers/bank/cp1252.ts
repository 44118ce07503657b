/**
 * Windows-1252 → string with our own table, so the result does not depend on which encodings a
 * platform's TextDecoder ships. 0x80–0x9F are the typographic characters Windows put there
 * (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); the five unassigned bytes map to the C1
 * controls of the same value, as the WHATWG Encoding Standard does.
 */

const HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const TABLE = new Uint16Array(256);
for (let b = 0; b < 256; b++) TABLE[b] = b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : b;

// The WHATWG `latin1` label is Windows-1252 in browsers, but plain ISO-8859-1 in Node builds
// without full ICU. Decoding with it and then mapping any C1 control that is left (0x80–0x9F)
// through the table gives the same text on both, at native speed.
const latin1 = new TextDecoder('latin1');
const C1 = /[\u0080-\u009f]/g;
const HAS_C1 = /[\u0080-\u009f]/;
const mapC1 = (c: string): string => String.fromCharCode(TABLE[c.charCodeAt(0)]!);

/** Decodes Windows-1252 bytes. Every byte maps to one UTF-16 unit, so no byte is ever lost. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = latin1.decode(bytes);
  return HAS_C1.test(text) ? text.replace(C1, mapC1) : text;
}

/** The inverse, for writing test fixtures: throws RangeError for a character 1252 cannot hold. */
export function encodeWindows1252(text: string): Uint8Array {
  const reverse = new Map<number, number>();
  for (let b = 0; b < 256; b++) reverse.set(TABLE[b]!, b);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = reverse.get(text.charCodeAt(i));
    if (b === undefined) throw new RangeError(`encodeWindows1252: ${JSON.stringify(text[i])} has no Windows-1252 byte`);
    out[i] = b;
  }
  return out;
}
