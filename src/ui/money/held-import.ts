/**
 * The statement being imported, held in the bank worker from the parse to the save: the worker
 * builds the preview (dedupe keys, record ids and categories, for every account in the file) and
 * then, while the page draws it and the citizen reads it, packs the rows' write as it would go
 * if saved unchanged. The page then sends those few strings instead of turning 100,000 rows
 * into operations and JSON itself. Nothing here is stored: it lives in the worker's memory until
 * the next file, `forget`, or the worker's end.
 */
import type { BankStatement, CategoryRule, ColumnMapping } from '../../importers/bank/index';
import { categorise } from '../../importers/bank/index';
import { packWrites, type WritePart } from '../../messaging/write-parts';
import { buildFilePreview, rowOps, type FilePreview } from './accounts-in-file';
import type { AccountRecord } from './model';
import type { ImportTarget } from './preview';

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

/** The rows' operations of every part, in part order, as `importOps` lists them, packed. */
export const rowParts = (preview: FilePreview, target: ImportTarget): WritePart[] => packWrites(rowOps(preview.parts, target));

export class HeldImport {
  private preview: FilePreview | null = null;
  private packed: { target: ImportTarget; parts: WritePart[] } | null = null;

  constructor(readonly statement: BankStatement) {}

  /** The file's preview for `context`; the rows' write for it is packed next, unless `previewOf` is asked again. */
  previewOf(context: HeldPreviewContext): FilePreview {
    const { rules } = context;
    const preview = buildFilePreview(this.statement, {
      accounts: context.accounts,
      existingIds: context.existingIds,
      categorise: (tx) => categorise(tx, rules),
      ...(context.mapping ? { mapping: context.mapping } : {}),
    });
    this.preview = preview;
    this.packed = null;
    return preview;
  }

  /** Whether `preview` is the last one asked for. */
  isPreviewed(preview: FilePreview): boolean {
    return this.preview === preview;
  }

  /** The packed rows of the last preview, for `target` (packed now unless already done for it). */
  packedRows(target: ImportTarget): WritePart[] {
    if (!this.preview) throw new Error('HeldImport.packedRows: no preview yet');
    if (!this.packed || this.packed.target.profileId !== target.profileId || this.packed.target.importId !== target.importId) {
      this.packed = { target, parts: rowParts(this.preview, target) };
    }
    return this.packed.parts;
  }
}
