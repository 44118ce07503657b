/**
 * A small, strict, streaming XML tokenizer for Apple Health's export.xml: start tags with their
 * attributes, end tags, and nothing else the importer needs (text, comments, CDATA and processing
 * instructions are checked and passed over). We measured saxes at 10–15 MB/s on this machine,
 * below the 30 MB/s a multi-GB export needs; scanning with indexOf and slicing attribute values
 * out whole is several times faster. It checks well-formedness as far as it matters here: names,
 * quoting, whitespace between attributes, duplicate attributes, entity and character references,
 * `<` in values, tag nesting, one root, nothing but whitespace outside it. It does not read DTDs
 * (the stream is cleaned of them first, see sanitize.ts) or check XML declarations' contents.
 */
import { CodedError } from '../../../shared/coded-error';

export interface XmlHandler {
  /**
   * A start tag. `values[i]` is the value of the i-th of the attribute names the tokenizer was
   * made with (undefined when absent); other attributes are checked but not handed on. The array
   * is reused for the next tag: read it, do not keep it.
   */
  open(name: string, values: readonly (string | undefined)[]): void;
  close(name: string): void;
}

/** Makes a tokenizer that reports the attributes in `names` (the rest are only checked). */
export type TokenizerFactory = (handler: XmlHandler, names: readonly string[]) => XmlTokenizer;

export interface XmlTokenizer {
  write(text: string): void;
  /** The input is complete. */
  end(): void;
}

/** `not-well-formed`; `cut-short`: the input stopped inside a construct. */
export type XmlSyntaxErrorCode = 'not-well-formed' | 'cut-short';

export class XmlSyntaxError extends CodedError<XmlSyntaxErrorCode> {
  override readonly name = 'XmlSyntaxError';
  /** The input stopped inside a construct (it was cut short). */
  get atEnd(): boolean {
    return this.code === 'cut-short';
  }
}

/** Longest tag, comment or other construct kept while waiting for the rest of it. */
const MAX_PENDING = 4 * 1024 * 1024;

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const BANG = 33;
const QM = 63;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** XML 1.0 (5th ed.) NameStartChar; UTF-16 surrogates pass (TextDecoder only makes valid pairs). */
function isNameStart(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

function isNameChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
  return isNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Index after the name starting at `from` (== from when there is none). */
function nameEnd(s: string, from: number): number {
  if (from >= s.length || !isNameStart(s.charCodeAt(from))) return from;
  let j = from + 1;
  while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
  return j;
}

function isXmlChar(cp: number): boolean {
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The text of one reference (between `&` and `;`). */
function entity(ref: string): string {
  switch (ref) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  if (ref.charCodeAt(0) === 35 /* # */) {
    const hex = ref.charCodeAt(1) === 120; /* x */
    const digits = ref.slice(hex ? 2 : 1);
    if (digits.length > 0 && digits.length <= 8 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
      const cp = Number.parseInt(digits, hex ? 16 : 10);
      if (isXmlChar(cp)) return String.fromCodePoint(cp);
    }
    throw new XmlSyntaxError('not-well-formed', 'bad character reference');
  }
  throw new XmlSyntaxError('not-well-formed', 'undefined entity');
}

/** An attribute value as the XML spec reads it: references replaced, literal tabs and newlines as spaces. */
function attributeValue(raw: string): string {
  if (raw.indexOf('<') >= 0) throw new XmlSyntaxError('not-well-formed', '"<" inside an attribute value');
  let v = raw;
  if (v.indexOf('\n') >= 0 || v.indexOf('\t') >= 0 || v.indexOf('\r') >= 0) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
  const amp = v.indexOf('&');
  return amp < 0 ? v : decodeReferences(v, amp);
}

function decodeReferences(v: string, first: number): string {
  let out = '';
  let last = 0;
  for (let k = first; k >= 0; k = v.indexOf('&', last)) {
    const semi = v.indexOf(';', k);
    if (semi < 0) throw new XmlSyntaxError('not-well-formed', '"&" without ";"');
    out += v.slice(last, k) + entity(v.slice(k + 1, semi));
    last = semi + 1;
  }
  return out + v.slice(last);
}

/** Checks the references in text content (the text itself is not needed). */
function checkText(s: string, from: number, to: number): void {
  // A loop over the segment, not indexOf: indexOf would search to the end of the chunk every time.
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === 38 /* & */) {
      let semi = k + 1;
      while (semi < to && s.charCodeAt(semi) !== 59 /* ; */) semi++;
      if (semi >= to) throw new XmlSyntaxError('not-well-formed', '"&" without ";"');
      entity(s.slice(k + 1, semi));
      k = semi;
    } else if (c === 93 /* ] */ && s.startsWith(']]>', k) && k + 3 <= to) {
      throw new XmlSyntaxError('not-well-formed', '"]]>" in text');
    }
  }
}

function onlySpace(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(s.charCodeAt(k))) return false;
  return true;
}

const SPECIAL = /[<&\t\n\r]/;

const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(yes|no)\5)?[ \t\r\n]*\?>$/;

/** Marks "need more input": the construct at the given index continues in the next chunk. */
const MORE = -1;

export class FastXmlTokenizer implements XmlTokenizer {
  private pending = '';
  private readonly stack: string[] = [];
  private rootDone = false;
  /** Characters handled in earlier writes (an XML declaration must be at 0). */
  private consumed = 0;

  /** Wanted attribute names by length, with their index: found in place, without a slice. */
  private readonly byLength: { name: string; index: number }[][] = [];
  private readonly values: (string | undefined)[];
  /** Names of the current tag's other attributes, for the duplicate check. */
  private readonly others: string[] = [];
  private valuesDirty = false;

  constructor(
    private readonly handler: XmlHandler,
    names: readonly string[],
  ) {
    if (names.length > 31) throw new RangeError('FastXmlTokenizer: at most 31 attribute names');
    names.forEach((name, index) => (this.byLength[name.length] ??= []).push({ name, index }));
    this.values = names.map(() => undefined);
  }

  /** Index of the wanted name at s[from, to), or -1. */
  private wanted(s: string, from: number, to: number): number {
    const candidates = this.byLength[to - from];
    if (candidates !== undefined) for (const c of candidates) if (s.startsWith(c.name, from)) return c.index;
    return -1;
  }

  write(text: string): void {
    const s = this.pending.length > 0 ? this.pending + text : text;
    const stop = this.scan(s);
    this.consumed += stop;
    this.pending = stop < s.length ? s.slice(stop) : '';
    if (this.pending.length > MAX_PENDING) throw new XmlSyntaxError('not-well-formed', 'a tag or comment longer than 4 MiB');
  }

  end(): void {
    if (this.pending.length > 0) {
      if (this.stack.length === 0 && this.pending.charCodeAt(0) !== LT) throw new XmlSyntaxError('not-well-formed', 'text outside the root element');
      throw new XmlSyntaxError('cut-short', 'the input ends inside a tag');
    }
    if (this.stack.length > 0 || !this.rootDone) throw new XmlSyntaxError('cut-short', 'the input ends before the root element closes');
  }

  /** Handles every complete construct in `s`; returns where the incomplete rest starts. */
  private scan(s: string): number {
    const len = s.length;
    let i = 0;
    while (i < len) {
      const lt = s.indexOf('<', i);
      const textEnd = lt < 0 ? len : lt;
      if (textEnd > i) {
        if (lt < 0) {
          // A reference may be split between chunks: keep an unfinished one for the next.
          const amp = s.lastIndexOf('&');
          if (amp >= i && s.indexOf(';', amp) < 0) {
            this.text(s, i, amp);
            return amp;
          }
        }
        this.text(s, i, textEnd);
      }
      if (lt < 0) return len;
      const next = this.construct(s, lt);
      if (next === MORE) return lt;
      i = next;
    }
    return len;
  }

  private text(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      if (!onlySpace(s, from, to)) throw new XmlSyntaxError('not-well-formed', this.rootDone ? 'text after the root element' : 'text before the root element');
      return;
    }
    checkText(s, from, to);
  }

  /** One construct starting with `<` at `lt`; returns the index after it, or MORE. */
  private construct(s: string, lt: number): number {
    const len = s.length;
    if (lt + 1 >= len) return MORE;
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) return this.endTag(s, lt);
    if (c === BANG) return this.markup(s, lt);
    if (c === QM) return this.instruction(s, lt);
    const next = this.startTag(s, lt);
    if (next === MORE) this.valuesDirty = true;
    return next;
  }

  private startTag(s: string, lt: number): number {
    const len = s.length;
    const ne = nameEnd(s, lt + 1);
    if (ne === lt + 1) throw new XmlSyntaxError('not-well-formed', 'bad element name');
    if (ne >= len) return MORE;
    if (this.rootDone) throw new XmlSyntaxError('not-well-formed', 'a second root element');
    const name = s.slice(lt + 1, ne);
    const values = this.values;
    if (this.valuesDirty) {
      // Values of an earlier, unfinished attempt at this tag (it continued in the next chunk).
      values.fill(undefined);
      this.valuesDirty = false;
    }
    this.others.length = 0;
    let seen = 0;
    let j = ne;
    for (;;) {
      if (j >= len) return MORE;
      let c = s.charCodeAt(j);
      if (c === GT) {
        this.stack.push(name);
        this.handler.open(name, values);
        if (seen !== 0) values.fill(undefined);
        return j + 1;
      }
      if (c === SLASH) {
        if (j + 1 >= len) return MORE;
        if (s.charCodeAt(j + 1) !== GT) throw new XmlSyntaxError('not-well-formed', '"/" not followed by ">"');
        this.handler.open(name, values);
        if (seen !== 0) values.fill(undefined);
        this.handler.close(name);
        if (this.stack.length === 0) this.rootDone = true;
        return j + 2;
      }
      if (!isSpace(c)) throw new XmlSyntaxError('not-well-formed', 'no space between attributes');
      while (j < len && isSpace(s.charCodeAt(j))) j++;
      if (j >= len) return MORE;
      c = s.charCodeAt(j);
      if (c === GT || c === SLASH) continue;
      const ae = nameEnd(s, j);
      if (ae === j) throw new XmlSyntaxError('not-well-formed', 'bad attribute name');
      if (ae >= len) return MORE;
      const index = this.wanted(s, j, ae);
      let other: string | undefined;
      if (index >= 0) {
        if (seen & (1 << index)) throw new XmlSyntaxError('not-well-formed', 'duplicate attribute');
        seen |= 1 << index;
      } else {
        other = s.slice(j, ae);
      }
      j = ae;
      while (j < len && isSpace(s.charCodeAt(j))) j++;
      if (j >= len) return MORE;
      if (s.charCodeAt(j) !== EQ) throw new XmlSyntaxError('not-well-formed', 'attribute without "="');
      j++;
      while (j < len && isSpace(s.charCodeAt(j))) j++;
      if (j >= len) return MORE;
      const quote = s.charCodeAt(j);
      if (quote !== DQ && quote !== SQ) throw new XmlSyntaxError('not-well-formed', 'attribute value without quotes');
      const close = s.indexOf(quote === DQ ? '"' : "'", j + 1);
      if (close < 0) return MORE;
      const raw = s.slice(j + 1, close);
      // Most values are plain: one regex test is cheaper than looking at each character in JS.
      const value = SPECIAL.test(raw) ? attributeValue(raw) : raw;
      if (other === undefined) {
        values[index] = value;
      } else {
        if (this.others.includes(other)) throw new XmlSyntaxError('not-well-formed', 'duplicate attribute');
        this.others.push(other);
      }
      j = close + 1;
    }
  }

  private endTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return MORE;
    const ne = nameEnd(s, lt + 2);
    if (ne === lt + 2 || !onlySpace(s, ne, gt)) throw new XmlSyntaxError('not-well-formed', 'bad end tag');
    const name = s.slice(lt + 2, ne);
    const open = this.stack.pop();
    if (open !== name)
      throw new XmlSyntaxError('not-well-formed', open === undefined ? 'an end tag without a start tag' : 'end tag does not match its start tag');
    this.handler.close(name);
    if (this.stack.length === 0) this.rootDone = true;
    return gt + 1;
  }

  /** `<!--…-->` anywhere, `<![CDATA[…]]>` inside the root. */
  private markup(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) return MORE;
      if (s.lastIndexOf('--', end - 1) > lt + 3) throw new XmlSyntaxError('not-well-formed', '"--" inside a comment');
      return end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) throw new XmlSyntaxError('not-well-formed', 'CDATA outside the root element');
      const end = s.indexOf(']]>', lt + 9);
      return end < 0 ? MORE : end + 3;
    }
    const rest = s.slice(lt, lt + 9);
    if (rest.length < 9 && ('<!--'.startsWith(rest) || '<![CDATA['.startsWith(rest))) return MORE;
    throw new XmlSyntaxError('not-well-formed', s.startsWith('<!DOCTYPE', lt) ? 'a DOCTYPE where none may be' : 'unknown markup');
  }

  private instruction(s: string, lt: number): number {
    const end = s.indexOf('?>', lt + 2);
    if (end < 0) return MORE;
    const ne = nameEnd(s, lt + 2);
    if (ne === lt + 2 || (ne < end && !isSpace(s.charCodeAt(ne)))) throw new XmlSyntaxError('not-well-formed', 'bad processing instruction');
    const target = s.slice(lt + 2, ne);
    if (target.toLowerCase() === 'xml') {
      if (this.consumed + lt !== 0 || target !== 'xml') throw new XmlSyntaxError('not-well-formed', 'an XML declaration not at the start');
      if (!XML_DECLARATION.test(s.slice(lt, end + 2))) throw new XmlSyntaxError('not-well-formed', 'a malformed XML declaration');
    }
    return end + 2;
  }
}
