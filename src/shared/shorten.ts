/**
 * Shortening a title for a list: cut at a word boundary with an ellipsis, never in the middle of
 * a word unless one word alone is longer than half the room. Counts code points, so æ, ø, å
 * and emoji are one letter each.
 */

const ELLIPSIS = '…';
/** Punctuation and spaces a cut should not leave dangling before the ellipsis. */
const DANGLING = /[\s.,;:!?–—-]+$/u;

/** `text` with its white space collapsed, and no longer than `max` letters (the ellipsis counts). */
export function shortenAtWord(text: string, max: number): string {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`shortenAtWord: max must be a whole number of at least 2, got ${max}`);
  const clean = text.replace(/\s+/g, ' ').trim();
  const letters = [...clean];
  if (letters.length <= max) return clean;
  const room = letters.slice(0, max - 1).join('');
  // The cut lands on a boundary when the first letter left out is a space.
  const atBoundary = letters[max - 1] === ' ';
  const space = room.lastIndexOf(' ');
  const head = atBoundary || space < [...room].length / 2 ? room : room.slice(0, space);
  return `${head.replace(DANGLING, '')}${ELLIPSIS}`;
}
