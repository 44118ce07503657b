/**
 * Reading a bank statement in: choose a file → read it in the worker (progress, cancel) → map
 * the columns when the layout is unknown → preview what will be added → one atomic write.
 * Nothing is stored before the citizen presses save, and then everything or nothing is.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BankFormat, CategoryRule, ColumnMapping, CsvPreview } from '../../importers/bank/index';
import { writeParts } from '../../messaging/client';
import { packWrites } from '../../messaging/write-parts';
import type { RowRequest, RowWindowAnswer } from '../../shared/row-source';
import { AlertLine, Busy, StatusLine } from '../components/Messages';
import { errorMessage } from '../errors';
import { getLanguage, t, tn } from '../i18n/index';
import { accountOps, choiceFor } from './accounts-in-file';
import type { FileSummary } from './held-import';
import { startBankWorker, type BankWorker, type ParseProgress, type WorkerFailure } from './import-runner';
import type { WorkerResult } from './bank-worker-api';
import { guessMapping, rememberedMapping } from './mapping';
import { MappingScreen } from './MappingScreen';
import type { AccountRecord } from './model';
import { countText } from './money-format';
import type { ImportTarget, PreviewRow } from './preview';
import { PreviewScreen } from './PreviewScreen';
import { danishToday } from '../../shared/danish-time';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes } from '../../shared/bytes';

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; file: File; progress: ParseProgress | null }
  | { step: 'mapping'; file: File; csv: CsvPreview; initial: ColumnMapping; rememberedFrom?: string }
  | { step: 'cut-off'; file: File; mapping?: ColumnMapping; completeRows: number }
  | {
      step: 'preview';
      file: File;
      format: BankFormat;
      mapping?: ColumnMapping;
      /** The preview without its rows: the worker holds them, and answers a window at a time. */
      view: FileSummary;
      importId: string;
    }
  | { step: 'saving'; count: number; sent: number };

export function ImportPanel(props: {
  profileId: string;
  accounts: AccountRecord[];
  /** Ids of every stored bank row, read when a file is: a new row whose id is here is a duplicate. */
  existingIds: () => Promise<ReadonlySet<string>>;
  rules: CategoryRule[];
  onImported: () => Promise<void>;
}) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const worker = useRef<BankWorker | null>(null);
  // The worker's answer to the last change of the preview, and the changes not yet answered.
  const answered = useRef<FileSummary | null>(null);
  const changes = useRef<Promise<void>>(Promise.resolve());
  const saving = useRef<AbortController | null>(null);
  const run = useRef(0);
  // Work that resumes after an await reads the latest props: the stored rows may have changed meanwhile.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => () => worker.current?.close(), []);
  const bankWorker = () => (worker.current ??= startBankWorker());

  const failWith = (file: File, failure: WorkerFailure) => {
    setPhase({ step: 'idle' });
    if (failure.code === 'cancelled') return setDone(t('money.import.cancelled'));
    const what = failure.citizenMessage ? failure.citizenMessage[getLanguage()] : t('money.import.workerFailed');
    setError(`${t('money.import.failed', { file: file.name })} ${what}`);
  };

  const read = async (file: File, mapping?: ColumnMapping, keepCompleteRows = false) => {
    const mine = ++run.current;
    setError(null);
    setDone(null);
    setPhase({ step: 'reading', file, progress: null });
    const request = { ...(mapping ? { mapping } : {}), today: danishToday(), ...(keepCompleteRows ? { keepCompleteRows } : {}) };
    // The stored rows' ids are listed while the worker parses; a failure waits for the parse's answer.
    const listed = latest.current.existingIds().then(
      (ids) => ({ ids }),
      (caught: unknown) => ({ caught }),
    );
    const result = await bankWorker().read(file, request, (progress) => {
      if (run.current === mine) setPhase((p) => (p.step === 'reading' ? { ...p, progress } : p));
    });
    if (run.current !== mine) return;
    if (!result.ok) {
      if (result.code === 'unknown-format' && !mapping) return showMapping(file);
      // A cut-off file: nothing is read in unless the citizen chooses its whole rows.
      if (result.code === 'truncated' && result.completeRows !== undefined && result.completeRows > 0) {
        failWith(file, result);
        return setPhase({ step: 'cut-off', file, ...(mapping ? { mapping } : {}), completeRows: result.completeRows });
      }
      return failWith(file, result);
    }
    const stored = await listed;
    if (run.current !== mine) return;
    if ('caught' in stored) {
      setPhase({ step: 'idle' });
      return setError(`${t('money.import.failed', { file: file.name })} ${errorMessage(stored.caught)}`);
    }
    // Each account in the file is compared with the rows stored now, and categorised by the rules now.
    const importId = toBase64Url(randomBytes(16));
    const { accounts, rules, profileId } = latest.current;
    const preview = await bankWorker().preview({
      accounts,
      existingIds: stored.ids,
      rules,
      ...(mapping ? { mapping } : {}),
      target: { profileId, importId },
    });
    if (run.current !== mine) return;
    if (!preview.ok) return failWith(file, preview);
    answered.current = null;
    setPhase({ step: 'preview', file, format: result.value.format, ...(mapping ? { mapping } : {}), view: preview.value, importId });
  };

  const showMapping = async (file: File) => {
    const mine = run.current;
    const csv = await bankWorker().previewCsv(file);
    if (run.current !== mine) return;
    if (!csv.ok) return failWith(file, csv);
    const remembered = rememberedMapping(csv.value, latest.current.accounts);
    setPhase({
      step: 'mapping',
      file,
      csv: csv.value,
      initial: remembered?.mapping ?? guessMapping(csv.value),
      ...(remembered ? { rememberedFrom: remembered.account.data.label } : {}),
    });
  };

  const cancel = () => {
    run.current++;
    worker.current?.cancel();
    worker.current = null;
    setPhase({ step: 'idle' });
    setDone(t('money.import.cancelled'));
  };

  const onFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again is a new change.
    input.value = '';
    if (file) void read(file);
  };

  const leavePreview = () => {
    worker.current?.forget();
    setPhase({ step: 'idle' });
  };

  /** A change to the preview, made in the worker: the preview as it is then, or the worker's failure. */
  const change = (p: Extract<Phase, { step: 'preview' }>, made: Promise<WorkerResult<FileSummary>>) => {
    const mine = run.current;
    const applied = made.then((result) => {
      if (run.current !== mine) return;
      if (!result.ok) {
        run.current++;
        return failWith(p.file, result);
      }
      answered.current = result.value;
      setPhase((now) => (now.step === 'preview' ? { ...now, view: result.value } : now));
    });
    // A save waits for the changes made before it: its counts are the worker's answers to them.
    changes.current = changes.current.then(() => applied);
  };

  /** Part `index` to another account: shown at once (the save asks for an account first), counted by the worker. */
  const chooseAccount = (p: Extract<Phase, { step: 'preview' }>, index: number, picked: string) => {
    const choice = choiceFor(p.view.parts[index]!, picked, props.accounts);
    setPhase({ ...p, view: { ...p.view, parts: p.view.parts.map((part, i) => (i === index ? { ...part, choice } : part)) } });
    change(p, bankWorker().setAccount(index, choice));
  };

  /** A window of part `part`'s rows, from the worker. */
  const rowsOf =
    (part: number) =>
    async (request: RowRequest): Promise<RowWindowAnswer<PreviewRow>> => {
      const answer = await bankWorker().rows(part, request);
      if (!answer.ok) throw new Error(`the bank worker answered no rows: ${answer.detail}`);
      return answer.value;
    };

  const save = async (clicked: Extract<Phase, { step: 'preview' }>, accountLabels: string[]) => {
    const mine = run.current;
    const abort = new AbortController();
    saving.current = abort;
    setPhase({ step: 'saving', count: clicked.view.parts.reduce((n, part) => n + part.preview.included, 0), sent: 0 });
    // The counts are the worker's answers to the changes made before the click; a change it refused has ended the import.
    await changes.current;
    if (run.current !== mine) {
      saving.current = null;
      return;
    }
    const p = { ...clicked, view: answered.current ?? clicked.view };
    const target: ImportTarget = { profileId: props.profileId, importId: p.importId };
    // The rows of every account in the file, then each account with its last import: one write.
    const totals = p.view.parts.map((part) => ({
      choice: part.choice,
      number: part.number,
      added: part.preview.included,
      duplicates: part.preview.counts.duplicate,
    }));
    const { accounts, savedTo } = accountOps(totals, accountLabels, {
      ...target,
      at: new Date().toISOString(),
      formatId: p.format.id,
      ...(p.mapping ? { mapping: p.mapping } : {}),
      accounts: props.accounts,
    });
    const count = totals.reduce((n, part) => n + part.added, 0);
    setPhase({ step: 'saving', count, sent: 0 });
    try {
      // Packed in the worker, mostly while the citizen looked at the preview.
      const packed = await bankWorker().packedRows(target);
      if (!packed.ok) {
        setPhase(p);
        return failWith(p.file, packed);
      }
      const rows = packed.value;
      // One transaction however many parts it is sent in: the rows and the account's last import are stored together or not at all.
      await writeParts([...rows, ...packWrites(accounts)], {
        signal: abort.signal,
        onProgress: (sent) => setPhase({ step: 'saving', count, sent: Math.min(sent, count) }),
      });
    } catch (caught) {
      if (abort.signal.aborted) {
        setPhase({ step: 'idle' });
        setDone(t('money.import.cancelled'));
        return;
      }
      setPhase(p);
      setError(errorMessage(caught));
      return;
    } finally {
      saving.current = null;
    }
    worker.current?.forget();
    // The list is reloaded before the picker comes back, so the next file is compared with these rows too.
    await props.onImported();
    setPhase({ step: 'idle' });
    setDone(count > 0 ? tn('money.import.done', count, { account: savedTo }) : t('money.import.doneNone'));
  };

  return (
    <section class="money-import" aria-labelledby="money-import-heading">
      <h3 id="money-import-heading">{t('money.import.heading')}</h3>
      {phase.step === 'idle' && (
        <div class="field">
          <label for="money-file">{t('money.import.fileLabel')}</label>
          <input
            autocomplete="off"
            id="money-file"
            type="file"
            accept=".csv,.txt,.xml,.ofx,.qfx,.053,text/csv,application/xml"
            aria-describedby="money-file-hint"
            onChange={onFile}
          />
          <p id="money-file-hint" class="hint">
            {t('money.import.fileHint')}
          </p>
        </div>
      )}
      {phase.step === 'reading' && <ReadProgress file={phase.file} progress={phase.progress} onCancel={cancel} />}
      {phase.step === 'mapping' && (
        <MappingScreen
          file={phase.file}
          csv={phase.csv}
          initial={phase.initial}
          {...(phase.rememberedFrom ? { rememberedFrom: phase.rememberedFrom } : {})}
          worker={bankWorker()}
          onUse={(mapping) => void read(phase.file, mapping)}
          onCancel={() => setPhase({ step: 'idle' })}
        />
      )}
      {phase.step === 'cut-off' && (
        <div class="money-cut-off">
          <p>{t('money.import.cutOff.intro')}</p>
          <button type="button" onClick={() => void read(phase.file, phase.mapping, true)}>
            {tn('money.import.cutOff.keep', phase.completeRows)}
          </button>
          <button type="button" onClick={() => setPhase({ step: 'idle' })}>
            {t('money.import.cutOff.chooseAnother')}
          </button>
        </div>
      )}
      {phase.step === 'preview' && (
        <PreviewScreen
          file={phase.file}
          format={phase.format}
          parts={phase.view.parts}
          fileIssues={phase.view.fileIssues}
          accounts={props.accounts}
          rowsOf={rowsOf}
          onInclude={(index, row, include) => change(phase, bankWorker().setIncluded(index, row, include))}
          onAccount={(index, id) => chooseAccount(phase, index, id)}
          onSave={(labels) => void save(phase, labels)}
          onCancel={leavePreview}
        />
      )}
      {phase.step === 'saving' && <SaveProgress count={phase.count} sent={phase.sent} onCancel={() => saving.current?.abort()} />}
      <StatusLine>{phase.step === 'saving' ? <Busy label={tn('money.import.saving', phase.count)} /> : done}</StatusLine>
      <AlertLine>{error}</AlertLine>
    </section>
  );
}

function ProgressBar(props: { label: string; percent: number }) {
  return (
    <div
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={props.percent}
      aria-valuetext={`${props.percent} %`}
      class="bar"
    >
      <div class="bar-fill" style={{ width: `${props.percent}%` }} />
    </div>
  );
}

/**
 * A large import goes to the vault in parts; until the last part, cancelling discards what was
 * sent. The last part stores everything in one transaction, which is no longer cancelled.
 */
function SaveProgress(props: { count: number; sent: number; onCancel: () => void }) {
  const percent = props.count > 0 ? Math.round((100 * props.sent) / props.count) : 0;
  return (
    <div class="money-progress">
      <ProgressBar label={t('money.import.savingLabel')} percent={percent} />
      {props.sent < props.count && (
        <button type="button" onClick={props.onCancel}>
          {t('money.import.cancelSaving')}
        </button>
      )}
    </div>
  );
}

function ReadProgress(props: { file: File; progress: ParseProgress | null; onCancel: () => void }) {
  const { progress } = props;
  const percent = progress && progress.totalLines > 0 ? Math.min(100, Math.round((100 * progress.rows) / progress.totalLines)) : 0;
  return (
    <div class="money-progress">
      <p>{t('money.import.reading', { file: props.file.name })}</p>
      <ProgressBar label={t('money.import.progressLabel')} percent={percent} />
      <p class="rate" aria-live="off">
        {tn('money.import.rows', progress?.rows ?? 0, { rate: countText(progress?.rowsPerSecond ?? 0) })}
      </p>
      <button type="button" onClick={props.onCancel}>
        {t('money.import.cancel')}
      </button>
    </div>
  );
}
