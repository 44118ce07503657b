/**
 * Danish money strings ⇄ integer minor units (øre), done on the string so no float ever holds
 * money. Strict: anything that is not a plain signed number with an optional grouping and at
 * most two decimals is a RangeError, never a guess.
 */

const MINUS = 0x2d;
const PLUS = 0x2b;
const UNICODE_MINUS = 0x2212;
const MAX_UNITS = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

function isSpace(c: number): boolean {
  // ASCII space and tab, NBSP, narrow NBSP, thin space: banks pad and group with all of them.
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function bad(text: string, why: string): RangeError {
  return new RangeError(`parseDanishAmount: ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)} ${why}`);
}

/**
 * Parses `-1.234,56`, `1234,56`, `1 234,56`, ` 12.50` (decimal point) into integer minor units.
 * Without `decimal`, the last `,` is the decimal mark, or the last `.` when there is no comma
 * and it is followed by one or two digits.
 * @throws RangeError when the text is not such a number, or is too large to count exactly.
 */
export function parseDanishAmount(text: string, decimal?: ',' | '.'): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) throw bad(text, 'is empty');
  let negative = false;
  const first = text.charCodeAt(start);
  if (first === MINUS || first === UNICODE_MINUS) {
    negative = true;
    start++;
  } else if (first === PLUS) start++;
  // A space between the sign and the digits (`- 12,00`) occurs in hand-edited files.
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  if (start === end) throw bad(text, 'has no digits');

  // Find the decimal mark.
  let decimalAt = -1;
  const lastComma = text.lastIndexOf(',', end - 1);
  const commaHere = lastComma >= start ? lastComma : -1;
  const lastDot = text.lastIndexOf('.', end - 1);
  const dotHere = lastDot >= start ? lastDot : -1;
  if (decimal === ',') decimalAt = commaHere;
  else if (decimal === '.') decimalAt = dotHere;
  else if (commaHere >= 0) decimalAt = commaHere;
  else if (dotHere >= 0 && end - dotHere - 1 <= 2 && end - dotHere - 1 >= 1) {
    // `1.234` is a thousands group; `12.5` and `12.50` are decimals.
    let dots = 0;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x2e) dots++;
    if (dots === 1) decimalAt = dotHere;
  }
  const intEnd = decimalAt >= 0 ? decimalAt : end;
  const thousandsIsComma = decimal === '.' || (decimal === undefined && decimalAt >= 0 && text.charCodeAt(decimalAt) === 0x2e);

  // Integer part: digits with an optional, consistent grouping of threes.
  let intValue = 0;
  let intDigits = 0;
  let groupSep = -1; // char code of the grouping separator, once seen
  let groupLen = 0; // digits since the last separator
  for (let i = start; i < intEnd; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      // Above this the value in øre is no longer a safe integer: refuse before precision is lost.
      if (intValue > MAX_UNITS) throw bad(text, 'is too large');
      intValue = intValue * 10 + (c - 0x30);
      intDigits++;
      groupLen++;
      continue;
    }
    const isGroupChar = c === 0x2e || (thousandsIsComma && c === 0x2c) || isSpace(c);
    if (!isGroupChar) throw bad(text, `has an unexpected character ${JSON.stringify(text[i])}`);
    const kind = isSpace(c) ? 0x20 : c;
    if (groupSep === -1) {
      groupSep = kind;
      if (groupLen < 1 || groupLen > 3) throw bad(text, 'has a misplaced thousands separator');
    } else if (kind !== groupSep) throw bad(text, 'mixes thousands separators');
    else if (groupLen !== 3) throw bad(text, 'has a misplaced thousands separator');
    groupLen = 0;
  }
  if (groupSep !== -1 && groupLen !== 3) throw bad(text, 'has a misplaced thousands separator');
  if (intDigits === 0 && decimalAt < 0) throw bad(text, 'has no digits');

  let fraction = 0;
  if (decimalAt >= 0) {
    const fracLen = end - decimalAt - 1;
    if (fracLen < 1 || fracLen > 2) throw bad(text, 'needs one or two decimals');
    for (let i = decimalAt + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) throw bad(text, 'has a non-digit in the decimals');
      fraction = fraction * 10 + (c - 0x30);
    }
    if (fracLen === 1) fraction *= 10;
    // `,50` and `-.5` are read as 0,50.
  }
  const value = intValue * 100 + fraction;
  if (!Number.isSafeInteger(value)) throw bad(text, 'is too large');
  if (value === 0) return 0; // never -0
  return negative ? -value : value;
}

/** `-123456` → `-1.234,56`: the Danish way, thousands dots and decimal comma. */
export function formatDanishAmount(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`formatDanishAmount: ${minor} is not a safe integer`);
  const negative = minor < 0;
  const abs = String(negative ? -minor : minor).padStart(3, '0');
  const int = abs.slice(0, -2);
  const frac = abs.slice(-2);
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) {
    const from = Math.max(0, i - 3);
    grouped = grouped === '' ? int.slice(from, i) : `${int.slice(from, i)}.${grouped}`;
  }
  return `${negative ? '-' : ''}${grouped},${frac}`;
}
