/**
 * Cleans Apple Health's XML text on its way to the parser, chunk by chunk:
 * - the internal DTD is cut out whole (iOS 16 exports ship a malformed one: an unclosed ATTLIST
 *   and a stray `>`, so strict parsers fail on it; we never need it);
 * - characters XML 1.0 forbids (a vertical tab `\x0b` has been seen inside attribute values) become
 *   spaces, so one bad character does not make a multi-GB export unreadable.
 * The prolog is buffered only until the root element starts; after that, text passes straight on.
 */
import { healthError } from '../errors';

// XML 1.0 Char excludes C0 controls except tab, LF, CR, and U+FFFE/U+FFFF. TextDecoder already
// turns broken UTF-8 and lone surrogates into U+FFFD.
const ILLEGAL_ONE = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;
const ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

/** A prolog longer than this is not an Apple export (their DTD is about 10 KB). */
const MAX_PROLOG = 1024 * 1024;

export class XmlTextCleaner {
  private prolog: string | null = '';

  /** Cleaned text to hand to the parser (possibly empty while the prolog is buffered). */
  push(text: string): string {
    // Testing first keeps the common case (nothing to replace) free of a copy.
    const clean = ILLEGAL_ONE.test(text) ? text.replace(ILLEGAL, ' ') : text;
    if (this.prolog === null) return clean;
    this.prolog += clean;
    return this.scanProlog(false);
  }

  /** The rest, at the end of the input. */
  end(): string {
    return this.prolog === null ? '' : this.scanProlog(true);
  }

  private scanProlog(atEnd: boolean): string {
    const text = this.prolog ?? '';
    const doctype = text.indexOf('<!DOCTYPE');
    const root = firstElementStart(text);
    if (doctype >= 0 && (root < 0 || doctype < root)) {
      const close = doctypeEnd(text, doctype);
      if (close >= 0) {
        this.prolog = null;
        return text.slice(0, doctype) + text.slice(close);
      }
    } else if (root >= 0 || (atEnd && doctype < 0)) {
      this.prolog = null;
      return text;
    }
    if (atEnd) throw healthError('truncated', 'the file ends inside its DTD');
    if (text.length > MAX_PROLOG) throw healthError('malformed', 'no root element within the first MiB');
    return '';
  }
}

/** Index of the first `<name` (an element, not `<?`, `<!`), or -1. */
function firstElementStart(text: string): number {
  let i = text.indexOf('<');
  while (i >= 0 && i + 1 < text.length) {
    const c = text.charCodeAt(i + 1);
    if (c !== 63 /* ? */ && c !== 33 /* ! */) return i;
    if (text.startsWith('<!--', i)) {
      // A comment may hold `<`; skip it whole (or wait for more text).
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = text.indexOf('<', end + 3);
    } else {
      i = text.indexOf('<', i + 1);
    }
  }
  return -1;
}

/**
 * Index just after the DOCTYPE that starts at `from`, or -1 if it has not ended yet. With an
 * internal subset (`[`), the end is the first `]` followed by optional space and `>`: the stray
 * `>` of iOS 16's DTD sits inside the subset and must not end it.
 */
function doctypeEnd(text: string, from: number): number {
  const bracket = text.indexOf('[', from);
  const gt = text.indexOf('>', from);
  if (gt >= 0 && (bracket < 0 || gt < bracket)) return gt + 1;
  if (bracket < 0) return -1;
  const re = /\]\s*>/g;
  re.lastIndex = bracket;
  const m = re.exec(text);
  return m ? m.index + m[0].length : -1;
}
