/** Finding patterns in a letter's pages, with the page and offsets every finding carries. */
import type { Found, LetterText } from './types';

export interface PageMatch {
  readonly page: number;
  readonly match: RegExpExecArray;
}

/** Every match of `pattern` (which must have the `g` flag) on every page, in reading order. */
export function* matchAll(text: LetterText, pattern: RegExp): Generator<PageMatch> {
  for (const [page, content] of text.pages.entries()) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
      yield { page, match };
      if (match[0] === '') pattern.lastIndex += 1;
    }
  }
}

/** A page's last line when it is a running footer ("… Side 1 af 2"), which a sentence jumps over. */
const FOOTER = /\n[^\n]*(?:\bSide \d+ af \d+|\bPage \d+ of \d+|\bSeite \d+ von \d+)[^\n]*$/i;

export interface SpanMatch {
  readonly page: number;
  readonly match: RegExpExecArray;
  /** The text `match` indexes into, and where that text starts on `page`. */
  readonly context: string;
  readonly base: number;
}

/**
 * Every match of `pattern` (with the `g` flag), also those running over a page break (a
 * sentence that starts at the foot of one page and ends at the top of the next). Such a match
 * belongs to the page it starts on; its finding ends where that page does.
 */
export function* matchAcrossPages(text: LetterText, pattern: RegExp): Generator<SpanMatch> {
  for (const { page, match } of matchAll(text, pattern)) yield { page, match, context: text.pages[page] ?? '', base: 0 };
  for (let page = 0; page + 1 < text.pages.length; page++) {
    const current = text.pages[page] ?? '';
    const body = current.replace(FOOTER, '');
    const base = Math.max(0, body.length - 400);
    const tail = body.slice(base);
    const context = `${tail}\n${(text.pages[page + 1] ?? '').slice(0, 400)}`;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(context); match; match = pattern.exec(context)) {
      if (match.index < tail.length && match.index + match[0].length > tail.length + 1) yield { page, match, context, base };
      if (match[0] === '') pattern.lastIndex += 1;
    }
  }
}

/** The finding of a match from matchAcrossPages, ending at its page's end when it runs over. */
export const foundSpan = <T>(value: T, { page, match, base }: SpanMatch, text: LetterText): Found<T> =>
  found(value, page, base + match.index, Math.min(base + match.index + match[0].length, (text.pages[page] ?? '').length));

export const found = <T>(value: T, page: number, start: number, end: number): Found<T> => ({ value, page, start, end });

/** A finding spanning the whole match, or one of its groups when `group` is given. */
export function foundAt<T>(value: T, { page, match }: PageMatch, group?: number): Found<T> {
  if (group === undefined || match.indices?.[group] === undefined) return found(value, page, match.index, match.index + match[0].length);
  const [start, end] = match.indices[group];
  return found(value, page, start, end);
}

/**
 * The sentence around `index`: from the last sentence end before it to the next one after it. A
 * sentence ends at ".", "!" or "?" before an upper-case letter, so "kl. 9.45", "stk. 2" and
 * "pr. måned" do not cut it.
 */
export function sentenceAround(content: string, index: number, end = index): { start: number; end: number; text: string } {
  // Also at a line break after a short line (a heading) and before a label line ("Sted: …").
  const boundary = /[.!?](?=\s+[A-ZÆØÅ])|(?<=(?:^|\n)[^\n]{0,39}[^\n,;-])\n(?=[A-ZÆØÅ])|\n(?=[A-ZÆØÅa-zæøå][\wæøå ]{0,40}:)/g;
  let start = 0;
  let stop = content.length;
  for (let m = boundary.exec(content); m; m = boundary.exec(content)) {
    if (m.index < index) start = m.index + m[0].length;
    else if (m.index >= end) {
      stop = m.index + 1;
      break;
    }
  }
  return { start, end: stop, text: content.slice(start, stop) };
}

/** Whitespace (line breaks included) folded to single spaces, for matching across lines. */
export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();
