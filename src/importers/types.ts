/**
 * The contract between the importers (pure parsers, src/importers/bank and src/importers/health)
 * and the import screens. Importers are platform-free: bytes in, typed rows and issues out. An
 * importer's `detect` returns `null` for "not my format"; its `parse` reports what it could not
 * read as issues and throws `ImportError` when the file as a whole is unreadable.
 */
import { CodedError } from '../shared/coded-error';

/** A text for the citizen in both languages, and a detail for developers. */
export interface ImportIssue {
  /** Stable code, e.g. `bad-amount`, `bad-date`, `pending-row`, `balance-mismatch`. */
  code: string;
  /** 1-based line (CSV) or element number (XML) the issue is about, when there is one. */
  line?: number;
  severity: 'warning' | 'skipped';
  message: { da: string; en: string };
  detail?: string;
  /** In a file with several accounts (camt.053 `Stmt`, OFX `STMTRS`), the account the issue is about. */
  account?: string;
}

export type ImportErrorCode =
  'empty-file' | 'not-text' | 'unknown-format' | 'damaged-encoding' | 'malformed' | 'truncated' | 'too-large' | 'line-too-long' | 'cancelled';

/** A file the importer cannot read at all. Nothing of it is stored. */
export class ImportError extends CodedError<ImportErrorCode> {
  override readonly name = 'ImportError';
  /** What to tell the citizen: the importer knows best what was wrong with the file. */
  readonly citizenMessage: { da: string; en: string };
  /**
   * For a `truncated` CSV file: how many complete rows come before the cut-off one. The citizen
   * may choose to read those in (the parser's `keepCompleteRows`); absent when nothing can be kept.
   */
  readonly completeRows?: number;
  constructor(
    code: ImportErrorCode,
    detail: string | undefined,
    options: { citizenMessage: { da: string; en: string }; cause?: unknown; completeRows?: number },
  ) {
    super(code, detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.citizenMessage = options.citizenMessage;
    if (options.completeRows !== undefined) this.completeRows = options.completeRows;
  }
}
