/**
 * The statement being imported, held in the bank worker from the parse to the save: the worker
 * builds the preview (dedupe keys, record ids and categories, for every account in the file),
 * answers the page its counts and one window of rows at a time, applies the citizen's changes
 * (a row left out, another account), and packs the rows' write — ahead of the save, while the
 * page draws the preview. The page never holds every row: a 100,000-row file crossed to it
 * twice (rows, then the preview) cost more than the whole preview. Nothing here is stored: it
 * lives in the worker's memory until the next file, `forget`, or the worker's end.
 */
import type { BankStatement, CategoryRule, ColumnMapping } from '../../importers/bank/index';
import { categorise } from '../../importers/bank/index';
import { packWrites, type WritePart } from '../../messaging/write-parts';
import { windowOf, type RowRequest, type RowWindowAnswer } from '../../shared/row-source';
import { buildFilePreview, rowOps, withAccount, withRows, type AccountPart, type FilePreview, type PreviewContext } from './accounts-in-file';
import type { AccountChoice } from './account-choice';
import type { AccountRecord } from './model';
import { includedCount, setIncluded, type ImportPreview, type ImportTarget, type PreviewRow } from './preview';

/** What the page knows that the preview needs, as plain data (it crosses to the worker). */
export interface HeldPreviewContext {
  accounts: AccountRecord[];
  /** Ids of every stored bank row. */
  existingIds: ReadonlySet<string>;
  rules: CategoryRule[];
  mapping?: ColumnMapping;
  /** Where the rows go if saved unchanged: their operations are packed for it ahead of the save. */
  target: ImportTarget;
}

/** A part's preview as the page sees it: everything but the rows, which it asks for a window at a time. */
export interface PreviewSummary extends Omit<ImportPreview, 'rows'> {
  /** How many rows the part has, and how many of them the save writes. */
  rowCount: number;
  included: number;
  /** The first window of rows, drawn at once. */
  first: RowWindowAnswer<PreviewRow>;
}

export interface PartSummary extends Omit<AccountPart, 'statement' | 'preview'> {
  /** The part's statement without its rows. */
  statement: Omit<BankStatement, 'transactions'>;
  preview: PreviewSummary;
}

export interface FileSummary {
  parts: PartSummary[];
  fileIssues: Omit<ImportPreview, 'rows'> | null;
}

/** The preview table's page, and the first window: a preview row with its checkbox is about a dozen elements. */
export const PREVIEW_PAGE = 50;

const rowKey = (row: PreviewRow) => row.id;

function summaryOf(preview: ImportPreview): PreviewSummary {
  const { rows, ...rest } = preview;
  return { ...rest, rowCount: rows.length, included: includedCount(preview), first: windowOf(rows, rowKey, { start: 0, count: PREVIEW_PAGE }) };
}

/** The file's preview without its rows. */
export function fileSummary(file: FilePreview): FileSummary {
  const parts = file.parts.map((part): PartSummary => {
    const { transactions: _rows, ...statement } = part.statement;
    return { ...part, statement, preview: summaryOf(part.preview) };
  });
  if (!file.fileIssues) return { parts, fileIssues: null };
  const { rows: _none, ...fileIssues } = file.fileIssues;
  return { parts, fileIssues };
}

/** The rows' operations of every part, in part order, as `importOps` lists them, packed. */
export const rowParts = (preview: FilePreview, target: ImportTarget): WritePart[] => packWrites(rowOps(preview.parts, target));

export class HeldImport {
  private preview: FilePreview | null = null;
  private context: PreviewContext | null = null;
  private packed: { target: ImportTarget; parts: WritePart[] } | null = null;

  constructor(readonly statement: BankStatement) {}

  /** The file's preview for `context`; the rows' write for it is packed next, unless the preview changes first. */
  previewOf(context: HeldPreviewContext): FilePreview {
    const { rules } = context;
    this.context = {
      accounts: context.accounts,
      existingIds: context.existingIds,
      categorise: (tx) => categorise(tx, rules),
      ...(context.mapping ? { mapping: context.mapping } : {}),
    };
    return this.changed(buildFilePreview(this.statement, this.context));
  }

  /** One window of part `part`'s rows. */
  rows(part: number, request: RowRequest): RowWindowAnswer<PreviewRow> {
    return windowOf(this.partOf(part).preview.rows, rowKey, request);
  }

  /** Row `row` of part `part` in or out (a duplicate stays out). */
  setIncluded(part: number, row: number, include: boolean): FilePreview {
    const preview = this.current();
    return this.changed(withRows(preview, part, setIncluded(this.partOf(part).preview, row, include)));
  }

  /** Part `part` to the account the page chose for it (`choiceFor`), its rows compared with that account's. */
  setAccount(part: number, choice: AccountChoice): FilePreview {
    const preview = this.current();
    if (!this.context) throw new Error('HeldImport.setAccount: no preview yet');
    return this.changed(withAccount(preview, part, choice, this.context));
  }

  /** Whether `preview` is the last one. */
  isCurrent(preview: FilePreview): boolean {
    return this.preview === preview;
  }

  /** The packed rows of the preview as it is now, for `target` (packed now unless already done for it). */
  packedRows(target: ImportTarget): WritePart[] {
    const preview = this.current();
    if (!this.packed || this.packed.target.profileId !== target.profileId || this.packed.target.importId !== target.importId) {
      this.packed = { target, parts: rowParts(preview, target) };
    }
    return this.packed.parts;
  }

  private changed(preview: FilePreview): FilePreview {
    this.preview = preview;
    this.packed = null;
    return preview;
  }

  private current(): FilePreview {
    if (!this.preview) throw new Error('HeldImport: no preview yet');
    return this.preview;
  }

  private partOf(part: number): AccountPart {
    const found = this.current().parts[part];
    if (!found) throw new RangeError(`HeldImport: no part ${part}`);
    return found;
  }
}
