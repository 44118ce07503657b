/**
 * Sender-chosen text made safe to show. A bundle's texts (the issuer's name, the purpose, the
 * data) are signed, but chosen by the sender: a terminal obeys escape sequences in them (clear
 * the screen, set the clipboard with OSC 52, move the cursor to forge a line), and bidi controls
 * reorder what any screen shows. Every such character is written visibly as an escape instead.
 */

/**
 * C0 controls, DEL, C1 controls (U+0080–U+009F: a terminal reading UTF-8 may take U+009B as
 * CSI), the Unicode line and paragraph separators, and the bidi marks, embeddings, overrides
 * and isolates.
 */
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * `text` with every control and bidi character written as `\xNN` or `\uNNNN`.
 * @param keepLineBreaks - keep `\n` and tab (for a page showing a multi-line note); a terminal
 * line keeps neither.
 */
export const visible = (text: string, keepLineBreaks = false): string =>
  text.replace(UNSAFE_TEXT, (c) => (keepLineBreaks && (c === '\n' || c === '\t') ? c : escape(c)));
