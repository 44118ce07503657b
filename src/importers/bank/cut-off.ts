/**
 * Is the last row of a CSV file cut off? A download that stopped, or a file copied out of an
 * email, ends in the middle of a row; read as it is, the half row's amount (`-6` of `-64,00`)
 * looks like a real one. A cut can only shorten the last cell of the last row, so that row is
 * compared with the complete rows before it: fewer cells, an unclosed quote, or a last cell that
 * breaks the pattern every other row keeps (two decimals, a fixed length) mean it is cut.
 */
import type { CsvTable } from './csv';
import type { ColumnPlan } from './csv-layouts';

/** Complete rows the last one is compared with: enough for a pattern, cheap on a large file. */
const COMPARE_ROWS = 50;

/** The shape of a cell's end: digits as 9, letters as a, other characters as they are. */
function tailShape(cell: string): string {
  const end = cell.trimEnd();
  return end.slice(-3).replace(DIGITS, '9').replace(LETTERS, 'a');
}
const DIGITS = /\d/g;
const LETTERS = /\p{L}/gu;

const HAS_DIGIT = /\d/;

function isMoneyColumn(plan: ColumnPlan, col: number): boolean {
  return col === plan.amount || col === plan.balance || col === plan.fee;
}

/** The cell count most of the compared rows have. */
function usualCells(rows: readonly (readonly string[])[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const row of rows) {
    const n = (counts.get(row.length) ?? 0) + 1;
    counts.set(row.length, n);
    if (n > bestCount || (n === bestCount && row.length > best)) {
      best = row.length;
      bestCount = n;
    }
  }
  return best;
}

/** True when the text's last line ends with a line break (blank space after it aside). */
export function endsWithLineBreak(text: string): boolean {
  return LINE_BREAK.test(text.slice(text.trimEnd().length));
}

/**
 * True when the table's last data row is incomplete. `endsMidCharacter`: the bytes stopped
 * inside a UTF-8 character, which no whole file does.
 */
export function lastRowCutOff(text: string, table: CsvTable, plan: ColumnPlan, endsMidCharacter: boolean): boolean {
  const last = table.rows.length - 1;
  if (last <= plan.headerRow) return false;
  if (table.badQuoteLines.includes(table.lines[last]!)) return true;
  if (endsMidCharacter) return true;
  // The row ended where its line did: whatever is missing after it are whole rows.
  if (endsWithLineBreak(text)) return false;

  const row = table.rows[last]!;
  // A headerless file's only row: nothing says how many cells it should have, and a cut Lån &
  // Spar row (7 cells) is a whole Portalbank row (5) to look at.
  if (last === 0) return true;
  const others = table.rows.slice(Math.max(plan.headerRow + 1, last - COMPARE_ROWS), last);
  const header = plan.headerRow >= 0 ? table.rows[plan.headerRow] : undefined;
  const expected = others.length > 0 ? usualCells(others) : (header?.length ?? plan.cells ?? plan.minCells);
  if (row.length < expected) return true;
  // A closing quote at the very end: the last cell was written to its end.
  if (text.trimEnd().endsWith('"')) return false;

  const col = row.length - 1;
  const cell = row[col]!.trim();
  if (cell === '') {
    // Cut right after a delimiter, or a value the row really lacks (a reserved row's balance):
    // rows of the same kind tell; without any, the header naming the column does.
    const peers = others.filter((r) => isReserved(r, plan) === isReserved(row, plan));
    if (peers.length > 0) return peers.some((r) => (r[col] ?? '').trim() !== '');
    return header ? (header[col] ?? '').trim() !== '' : col < (plan.cells ?? 0);
  }
  const column = others.map((r) => (r[col] ?? '').trim()).filter((c) => c !== '');
  if (isMoneyColumn(plan, col)) {
    // Amounts keep one decimal pattern (`,00`); a cut one loses it. The row's own amount is the
    // pattern when no other row is there to show it.
    const pattern = column.length > 0 ? column : col !== plan.amount ? [(row[plan.amount] ?? '').trim()] : [];
    const shapes = new Set(pattern.map(decimalShape));
    if (shapes.size === 1 && !shapes.has(null)) return decimalShape(cell) !== [...shapes][0];
    if (pattern.length === 0) return decimalShape(cell) === null;
  }
  // Nothing whole to compare an unquoted last cell with: it may have been cut anywhere.
  if (others.length === 0) return !isMoneyColumn(plan, col);
  if (column.length === 0 || column.length < others.length) return false;
  const length = column[0]!.length;
  if (column.every((c) => c.length === length)) {
    // A fixed-width column (a currency code, an id): a shorter value is what a cut leaves.
    if (cell.length < length && column.some((c) => c.startsWith(cell))) return true;
    // Only cells with digits keep a width worth trusting (ids, dates); `Nej`/`Ja` do not.
    if (cell.length !== length && column.every((c) => HAS_DIGIT.test(c)) && (column.length >= 2 || col === plan.sourceId)) return true;
  }
  if (!column.every((c) => HAS_DIGIT.test(c))) return false;
  const shape = tailShape(column[0]!);
  return column.every((c) => tailShape(c) === shape) && tailShape(cell) !== shape;
}

function isReserved(row: readonly string[], plan: ColumnPlan): boolean {
  return RESERVED.test((row[plan.date] ?? '').trim());
}
const RESERVED = /^reserveret$/i;

/** `,99` or `.99`: the decimal mark and two decimals a money cell ends with, else null. */
function decimalShape(cell: string): string | null {
  const m = DECIMALS.exec(cell);
  return m ? m[1]! : null;
}
const DECIMALS = /([.,])\d\d$/;

const LINE_BREAK = /[\r\n]/;
