/**
 * Lays out a test letter as a PDF with pdf-lib: letterhead (sender left, facts right), the
 * recipient, subject, body blocks in one or two columns, tables of amounts, a closing and a
 * footer with page numbers on every page; or a "scan": an image-only page without any text.
 * Deterministic: the same spec gives the same bytes (fixed dates in the PDF's metadata).
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export type Block =
  | { readonly h: string }
  | { readonly p: string }
  | { readonly table: readonly (readonly [string, string])[]; readonly head?: readonly [string, string] }
  | { readonly fields: readonly (readonly [string, string])[] }
  | { readonly list: readonly string[] };

export interface LetterLayout {
  readonly sender: { readonly name: string; readonly unit?: string; readonly address: readonly string[] };
  /** The letterhead's right-hand facts ("Dato", "Sagsnr.", …), label and value. */
  readonly info: readonly (readonly [string, string])[];
  readonly recipient?: readonly string[];
  /** A date line above the subject instead of (or beside) the info block ("Aarhus, den …"). */
  readonly dateLine?: string;
  readonly subject: string;
  readonly blocks: readonly Block[];
  readonly closing?: readonly string[];
  readonly columns?: 1 | 2;
  readonly footer?: boolean;
  readonly scan?: boolean;
}

const A4 = [595.28, 841.89] as const;
const MARGIN = 56;
const BOTTOM = 64;
const GUTTER = 22;
const FIXED_DATE = new Date('2027-01-01T00:00:00Z');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** A small grey PNG with a few darker rows, like a scanned page of text (no text layer). */
function scanPng(width = 120, height = 170): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const inked = y > 12 && y % 6 < 2 && x > 10 && x < width - 10 - ((y * 7) % 30);
      raw[y * (width + 1) + 1 + x] = inked ? 60 : 235 - ((x * 13 + y * 7) % 9);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export async function renderLetter(spec: LetterLayout): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('handlerum test letters');
  doc.setCreator('scripts/make-letter-corpus.ts');
  if (spec.scan) {
    const image = await doc.embedPng(scanPng());
    for (let i = 0; i < 2; i++) doc.addPage([...A4]).drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
    return doc.save({ useObjectStreams: false });
  }
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const pages: PDFPage[] = [];
  const columns = spec.columns ?? 1;
  const fullWidth = A4[0] - 2 * MARGIN;
  const columnWidth = columns === 2 ? (fullWidth - GUTTER) / 2 : fullWidth;
  let page = doc.addPage([...A4]);
  pages.push(page);

  // Letterhead: sender on the left, facts on the right.
  page.drawText(spec.sender.name, { x: MARGIN, y: 790, size: 15, font: bold });
  let y = 778;
  for (const line of [spec.sender.unit, ...spec.sender.address].filter((l): l is string => !!l)) {
    page.drawText(line, { x: MARGIN, y, size: 9, font: regular });
    y -= 12;
  }
  let infoY = 790;
  for (const [label, value] of spec.info) {
    page.drawText(`${label}: ${value}`, { x: 360, y: infoY, size: 9, font: regular });
    infoY -= 12;
  }
  y = Math.min(y, infoY) - 28;
  for (const line of spec.recipient ?? []) {
    page.drawText(line, { x: MARGIN, y, size: 10, font: regular });
    y -= 13;
  }
  y -= 22;
  if (spec.dateLine) {
    page.drawText(spec.dateLine, { x: A4[0] - MARGIN - regular.widthOfTextAtSize(spec.dateLine, 10), y, size: 10, font: regular });
    y -= 24;
  }
  for (const line of wrap(spec.subject, bold, 13, fullWidth)) {
    page.drawText(line, { x: MARGIN, y, size: 13, font: bold });
    y -= 17;
  }
  y -= 8;

  // Body: flows down a column, then the next column, then a new page.
  const top = y;
  let column = 0;
  const x = () => MARGIN + column * (columnWidth + GUTTER);
  // Two columns are balanced: the first ends about half-way down the body, as a layout program would.
  const bodyHeight = spec.blocks.reduce((sum, block) => {
    if ('p' in block) return sum + wrap(block.p, regular, 10, columnWidth).length * 14 + 6;
    if ('h' in block) return sum + 26;
    if ('list' in block) return sum + block.list.reduce((n, item) => n + wrap(item, regular, 10, columnWidth - 14).length, 0) * 14 + 6;
    return sum + ('fields' in block ? block.fields.length : block.table.length + 1) * 14 + 8;
  }, 0);
  const firstColumnBottom = columns === 2 ? Math.max(BOTTOM, top - bodyHeight / 2 - 14) : BOTTOM;
  const need = (height: number) => {
    const bottom = column === 0 && pages.length === 1 ? firstColumnBottom : BOTTOM;
    if (y - height >= bottom) return;
    if (column + 1 < columns) {
      column += 1;
      y = pages.length === 1 ? top : 780;
      return;
    }
    page = doc.addPage([...A4]);
    pages.push(page);
    column = 0;
    y = 780;
  };
  /** One line at `indent` from the column's left edge, after moving on when the column is full. */
  const text = (line: string, font: PDFFont, size: number, indent = 0) => {
    need(size + 4);
    page.drawText(line, { x: x() + indent, y, size, font });
    y -= size + 4;
  };
  for (const block of spec.blocks) {
    if ('h' in block) {
      y -= 6;
      need(40);
      text(block.h, bold, 11);
    } else if ('p' in block) {
      for (const line of wrap(block.p, regular, 10, columnWidth)) text(line, regular, 10);
      y -= 6;
    } else if ('list' in block) {
      for (const item of block.list) {
        const lines = wrap(item, regular, 10, columnWidth - 14);
        lines.forEach((line, i) => {
          if (i === 0) {
            need(14);
            page.drawText('-', { x: x(), y, size: 10, font: regular });
          }
          text(line, regular, 10, 14);
        });
      }
      y -= 6;
    } else if ('fields' in block) {
      for (const [label, value] of block.fields) {
        need(14);
        page.drawText(`${label}:`, { x: x(), y, size: 10, font: bold });
        text(value, regular, 10, 90);
      }
      y -= 6;
    } else {
      const row = (cells: readonly [string, string], font: PDFFont) => {
        need(14);
        page.drawText(cells[0], { x: x(), y, size: 10, font });
        text(cells[1], font, 10, columnWidth - font.widthOfTextAtSize(cells[1], 10));
      };
      if (block.head) row(block.head, bold);
      for (const cells of block.table) row(cells, regular);
      page.drawLine({ start: { x: x(), y: y + 10 }, end: { x: x() + columnWidth, y: y + 10 }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
      y -= 8;
    }
  }
  if (spec.closing) {
    y -= 10;
    for (const line of spec.closing) text(line, regular, 10);
  }
  if (spec.footer) {
    const left = [spec.sender.name, spec.sender.unit, spec.sender.address[0]].filter(Boolean).join(' · ');
    pages.forEach((p, i) => {
      p.drawText(left, { x: MARGIN, y: 32, size: 8, font: regular });
      const number = `Side ${i + 1} af ${pages.length}`;
      p.drawText(number, { x: A4[0] - MARGIN - regular.widthOfTextAtSize(number, 8), y: 32, size: 8, font: regular });
    });
  }
  return doc.save({ useObjectStreams: false });
}
