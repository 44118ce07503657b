/**
 * Bytes → text, with the checks that make a file unreadable as a whole: empty, too large, not
 * text, a line longer than any statement line. Valid UTF-8 is UTF-8 (BOM stripped); anything else
 * is Windows-1252, never UTF-8 decoded "leniently" (that turns `ø` into U+FFFD for good).
 */
import { decodeWindows1252 } from './cp1252';
import { importError } from './messages';

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_LINE_BYTES = 1024 * 1024;

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Some lines were UTF-8 and others Windows-1252 (a file pieced together from two exports). */
  mixed: boolean;
  /** The bytes stop inside a UTF-8 character: the file was cut off (the partial character is dropped). */
  endsMidCharacter: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Throws the ImportError that fits (empty, too large, not text), or returns the length without trailing NUL padding. */
export function checkBytes(bytes: Uint8Array): number {
  if (bytes.length > MAX_FILE_BYTES) throw importError('too-large', `${bytes.length} bytes`);
  // Some tools pad files with NULs at the end; the padding is not content.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  let i = 0;
  while (i < end && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (i === end || (end - i === 3 && bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf)) {
    throw importError('empty-file', 'no content');
  }
  // Binary files: a NUL, or more than 1 % control bytes, in the first 64 KiB.
  const sampleEnd = Math.min(end, 65536);
  let controls = 0;
  for (let j = 0; j < sampleEnd; j++) {
    const b = bytes[j]!;
    if (b === 0) throw importError('not-text', `NUL byte at ${j}`);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (controls > sampleEnd / 100) throw importError('not-text', `${controls} control bytes in the first ${sampleEnd}`);
  return end;
}

/**
 * Throws `line-too-long` for a line over 1 MiB: a 100 MB line must fail here, in one native scan,
 * not deep inside the CSV splitter. Only for CSV — XML statements are often written on one line.
 */
export function checkLineLengths(bytes: Uint8Array, end: number): void {
  let lineStart = 0;
  while (lineStart < end) {
    const nl = bytes.indexOf(0x0a, lineStart);
    const lineEnd = nl < 0 || nl >= end ? end : nl;
    if (lineEnd - lineStart > MAX_LINE_BYTES) throw importError('line-too-long', `line of ${lineEnd - lineStart} bytes`);
    lineStart = lineEnd + 1;
  }
}

/**
 * Decodes checked bytes. A declared charset (OFX `CHARSET:1252`) is not needed: real Windows-1252
 * text with any letter above ASCII is practically never valid UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, end: number = bytes.length): DecodedText {
  let start = 0;
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasBom) start = 3;
  const body = bytes.subarray(start, end);
  try {
    return { text: utf8.decode(body), encoding: 'utf-8', mixed: false, endsMidCharacter: false };
  } catch {
    // Not valid UTF-8: perhaps only its last character was cut in two; else Windows-1252.
  }
  const cut = utf8CutInLastCharacter(body);
  if (cut !== null) return { text: cut, encoding: 'utf-8', mixed: false, endsMidCharacter: true };
  const text = decodeWindows1252(body);
  // `Ã¸` is how UTF-8 `ø` reads as Windows-1252: some lines are UTF-8 after all. Decode line by line.
  if (MOJIBAKE.test(text)) return { text: decodeByLine(body), encoding: 'windows-1252', mixed: true, endsMidCharacter: false };
  return { text, encoding: 'windows-1252', mixed: false, endsMidCharacter: false };
}

/**
 * The text of UTF-8 bytes whose only fault is a character cut short at the very end, else null.
 * Read as Windows-1252 instead, every `ø` of a cut UTF-8 file would turn into `Ã¸`.
 */
function utf8CutInLastCharacter(body: Uint8Array): string | null {
  // A streaming decoder holds back an unfinished last sequence instead of failing on it.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(body, { stream: true });
  } catch {
    return null;
  }
}
const MOJIBAKE = /Ã[\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6\u02dc\u20ac\u2122\u0192]/;

function decodeByLine(body: Uint8Array): string {
  const parts: string[] = [];
  let start = 0;
  while (start <= body.length) {
    let nl = body.indexOf(0x0a, start);
    if (nl < 0) nl = body.length;
    const line = body.subarray(start, nl);
    let text: string;
    try {
      text = utf8.decode(line);
    } catch {
      text = decodeWindows1252(line);
    }
    parts.push(text);
    start = nl + 1;
  }
  return parts.join('\n');
}

/** The first few KiB as Latin-1, enough to tell XML and OFX from CSV by their ASCII markers. */
export function peekText(bytes: Uint8Array, end: number, length = 4096): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return latin1.decode(bytes.subarray(start, Math.min(end, start + length)));
}
const latin1 = new TextDecoder('latin1');
