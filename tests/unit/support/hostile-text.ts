/** Text a hostile sender could sign: for the receiver's fuzz tests (CLI, SDK, page). */
import fc from 'fast-check';

/** Every character a terminal or a bidi renderer would act on. */
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Known attacks: clear screen, OSC 52 clipboard, a forged "Til:" line, 8-bit CSI, a bidi override. */
export const ATTACKS = [
  '\u001b[2J\u001b[H',
  '\u001b]52;c;ZWNobyBwd25lZA==\u0007',
  '\r\nTil: age1forged',
  '\u009b31m',
  '\u202eevil\u202c',
  '\u2066x\u2069',
  '\u007f',
  '\t',
];

/** Strings mixing ordinary text (æøå included) with controls, bidi characters and known attacks. */
export const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('æ', 'ø', 'å', 'Æ', 'Thomas', ' '),
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(
        '\u061c',
        '\u200e',
        '\u200f',
        '\u2028',
        '\u2029',
        '\u202a',
        '\u202b',
        '\u202c',
        '\u202d',
        '\u202e',
        '\u2066',
        '\u2067',
        '\u2068',
        '\u2069',
      ),
      fc.constantFrom(...ATTACKS),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));
