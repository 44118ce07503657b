/**
 * Lines from positioned text pieces. A PDF holds text as pieces placed on the page, in whatever
 * order the producer wrote them; the reader needs lines in reading order. Pieces on one baseline
 * make a line; a wide gap inside a line becomes a tab (table cells, a letterhead's two blocks).
 * A band of lines split by one common gutter, with the left side filled to the gutter like
 * running text, is two columns of prose: it is read column by column.
 */

/** One piece of text as the PDF places it: x, y of its baseline start (y grows upwards). */
export interface TextPiece {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The font size (height of the piece). */
  readonly size: number;
}

interface Segment {
  x0: number;
  x1: number;
  text: string;
}

interface Line {
  y: number;
  size: number;
  segments: Segment[];
}

/** A gap wider than this many font sizes separates cells rather than words. */
const CELL_GAP = 1.5;
/** The narrowest gutter between two columns, in points. */
const MIN_GUTTER = 9;
/** A vertical gap wider than this many font sizes ends a band (letterhead, address, body). */
const BAND_GAP = 3;
/** Lines needed on each side before a band counts as two columns. */
const MIN_COLUMN_LINES = 3;

function toLines(pieces: readonly TextPiece[]): Line[] {
  // pdf.js marks a wide gap with a whitespace piece as wide as the gap: the gap itself tells more.
  const sorted = pieces.filter((p) => p.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; pieces: TextPiece[] }[] = [];
  for (const piece of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - piece.y) <= Math.max(last.size, piece.size) * 0.4) last.pieces.push(piece);
    else lines.push({ y: piece.y, size: piece.size, pieces: [piece] });
  }
  return lines.map(({ y, size, pieces: linePieces }) => {
    const inOrder = linePieces.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const piece of inOrder) {
      const last = segments.at(-1);
      const gap = last ? piece.x - last.x1 : Infinity;
      if (last && gap <= piece.size * CELL_GAP) {
        // Producers that place each word separately leave the space out; one is put back.
        const space = gap > piece.size * 0.15 && !last.text.endsWith(' ') && !piece.text.startsWith(' ') ? ' ' : '';
        last.text += space + piece.text;
        last.x1 = Math.max(last.x1, piece.x + piece.width);
      } else segments.push({ x0: piece.x, x1: piece.x + piece.width, text: piece.text });
    }
    return { y, size, segments: segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text !== '') };
  });
}

const lineText = (line: Line): string => line.segments.map((s) => s.text).join('\t');

/** The gutter of a band: free x-range common to all its lines, or null. */
function commonGutter(band: readonly Line[], left: number, right: number): { from: number; to: number } | null {
  let free: [number, number][] = [[left + (right - left) * 0.2, right - (right - left) * 0.2]];
  for (const line of band) {
    const next: [number, number][] = [];
    for (const [a, b] of free) {
      let start = a;
      for (const s of line.segments) {
        if (s.x1 <= start || s.x0 >= b) continue;
        if (s.x0 - start >= MIN_GUTTER) next.push([start, s.x0]);
        start = Math.max(start, s.x1);
      }
      if (b - start >= MIN_GUTTER) next.push([start, b]);
    }
    free = next;
    if (free.length === 0) return null;
  }
  const widest = free.reduce((best, f) => (f[1] - f[0] > best[1] - best[0] ? f : best));
  return { from: widest[0], to: widest[1] };
}

/** Running text on the left fills its column to near the gutter; table cells do not. */
function looksLikeColumns(band: readonly Line[], gutter: { from: number; to: number }, left: number): boolean {
  const leftEnds = band.flatMap((l) => l.segments.filter((s) => s.x1 <= gutter.from).map((s) => s.x1));
  const rightStarts = band.flatMap((l) => l.segments.filter((s) => s.x0 >= gutter.to).map((s) => s.x0));
  if (leftEnds.length < MIN_COLUMN_LINES || rightStarts.length < MIN_COLUMN_LINES) return false;
  const columnWidth = gutter.from - left;
  const full = leftEnds.filter((end) => end >= gutter.from - columnWidth * 0.25).length;
  const firstRight = Math.min(...rightStarts);
  const aligned = rightStarts.filter((x) => x - firstRight <= 2).length;
  return full >= leftEnds.length * 0.5 && aligned >= rightStarts.length * 0.6;
}

/** The page's text in reading order, lines joined by "\n", cells by "\t". */
export function piecesToText(pieces: readonly TextPiece[]): string {
  const lines = toLines(pieces).filter((l) => l.segments.length > 0);
  if (lines.length === 0) return '';
  const left = Math.min(...lines.map((l) => l.segments[0]!.x0));
  const right = Math.max(...lines.map((l) => l.segments.at(-1)!.x1));
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    // Grow the longest band from line i that shares a gutter and reads as two columns.
    let end = i;
    let gutter: { from: number; to: number } | null = null;
    for (let j = i + 1; j <= lines.length; j++) {
      const previous = lines[j - 2];
      const next = lines[j - 1]!;
      if (previous && previous.y - next.y > BAND_GAP * Math.max(previous.size, next.size)) break;
      const candidate = commonGutter(lines.slice(i, j), left, right);
      if (!candidate) break;
      end = j;
      gutter = candidate;
    }
    const band = lines.slice(i, end);
    if (gutter && band.length >= MIN_COLUMN_LINES && looksLikeColumns(band, gutter, left)) {
      const split = gutter;
      const side = (keep: (s: Segment) => boolean) =>
        band
          .map((l) =>
            l.segments
              .filter(keep)
              .map((s) => s.text)
              .join('\t'),
          )
          .filter((text) => text !== '');
      out.push(...side((s) => s.x1 <= split.from), ...side((s) => s.x0 >= split.to));
      i = end;
    } else {
      out.push(lineText(lines[i]!));
      i += 1;
    }
  }
  return out.join('\n');
}
