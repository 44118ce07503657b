/**
 * Output for a terminal: every text from a bundle passes through `visible` (src/bundle/visible.ts),
 * and JSON output escapes what JSON.stringify leaves raw.
 */
import { UNSAFE_TEXT, visible } from '../bundle/visible';

export { visible };

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls already, not DEL, C1 or bidi
 * characters; those are written as `\uNNNN` escapes, which every JSON reader reads back to the
 * same string (they can only occur inside strings).
 */
export const terminalJson = (value: unknown): string =>
  JSON.stringify(value).replace(UNSAFE_TEXT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
