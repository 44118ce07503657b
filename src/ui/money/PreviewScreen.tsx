/**
 * The import preview: counts (new, already there, reserved, skipped with reasons), the rows
 * with a checkbox each to leave one out, the account they go to, and save or save nothing.
 * Rows already in the vault are marked and cannot be chosen: saving them again would overwrite
 * the stored row and the category the citizen gave it. A file with several accounts shows one
 * such part per account, each with its own account, counts and rows, and one save for them all.
 * The rows are drawn a page at a time (WindowedTable) from the bank worker, which holds them, so
 * a 100,000-row file previews as fast as a short one.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import type { BankFormat } from '../../importers/bank/index';
import type { ImportIssue } from '../../importers/types';
import type { RowSource } from '../../shared/row-source';
import { WindowedTable } from '../components/WindowedList';
import { getLanguage, t, tn, type MessageKey } from '../i18n/index';
import type { AccountPart } from './accounts-in-file';
import { categoryLabel } from './categories';
import type { AccountRecord } from './model';
import { amountText, countText, dayText } from './money-format';
import { PREVIEW_PAGE, type FileSummary, type PartSummary } from './held-import';
import type { ImportPreview, PreviewRow } from './preview';
import { TransactionHeads } from './TransactionHeads';

function groupWarnings(issues: readonly ImportIssue[]): { code: string; text: string; count: number }[] {
  const groups = new Map<string, { code: string; text: string; count: number }>();
  for (const issue of issues) {
    // Reserved rows have their own count and explanation.
    if (issue.code === 'pending-row') continue;
    const group = groups.get(issue.code) ?? { code: issue.code, text: issue.message[getLanguage()], count: 0 };
    group.count++;
    groups.set(issue.code, group);
  }
  return [...groups.values()];
}

/** How the preview names a part's account: its number (a card's as a card), or that it has none. */
export function partTitle(part: Pick<AccountPart, 'number' | 'card'>): string {
  if (!part.number) return t('money.preview.partUnnamed');
  return t(part.card ? 'money.preview.partCard' : 'money.preview.partAccount', { number: part.number });
}

export function PreviewScreen(props: {
  file: File;
  format: Pick<BankFormat, 'label'>;
  parts: PartSummary[];
  /** What concerns the whole file, when it has several accounts. */
  fileIssues: FileSummary['fileIssues'];
  accounts: AccountRecord[];
  /** Part `index`'s rows, a window at a time. */
  rowsOf: (index: number) => RowSource<PreviewRow>;
  /** Row `row` of part `index` in or out. */
  onInclude: (index: number, row: number, include: boolean) => void;
  onAccount: (index: number, id: string) => void;
  /** The name of each part's account, in order. */
  onSave: (accountLabels: string[]) => void;
  onCancel: () => void;
}) {
  const { parts, format } = props;
  // Names typed for new accounts, by the choice's id: a part sent elsewhere and back starts afresh.
  const [names, setNames] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const single = parts.length === 1;
  const nameOf = (part: PartSummary) => (part.choice.kind === 'new' ? (names[part.choice.id] ?? part.choice.label) : '');
  const count = parts.reduce((n, p) => n + p.preview.included, 0);
  const rows = parts.reduce((n, p) => n + p.preview.rowCount + p.preview.counts.skipped, 0) + (props.fileIssues?.counts.skipped ?? 0);

  const save = () => {
    // An account only guessed from the layout, or a new one without a name: the citizen says first.
    const empty = new Set(
      parts.filter((p) => (p.choice.kind === 'new' && nameOf(p).trim() === '') || (p.choice.kind === 'existing' && p.choice.unsure)).map((p) => p.choice.id),
    );
    setMissing(empty);
    if (empty.size > 0) return;
    props.onSave(parts.map((p) => (p.choice.kind === 'new' ? nameOf(p).trim() : (props.accounts.find((a) => a.id === p.choice.id)?.data.label ?? ''))));
  };

  const partView = (part: PartSummary, index: number) => (
    <AccountPartView
      key={single ? 'one' : `${index}`}
      part={part}
      single={single}
      accounts={props.accounts}
      name={nameOf(part)}
      nameError={missing.has(part.choice.id) && part.choice.kind === 'new' ? t('money.preview.accountNameMissing') : null}
      accountError={missing.has(part.choice.id) && part.choice.kind === 'existing' ? t('money.preview.accountUnsureMissing') : null}
      onName={(name) => setNames((n) => ({ ...n, [part.choice.id]: name }))}
      rowsOf={() => props.rowsOf(index)}
      onInclude={(row, include) => props.onInclude(index, row, include)}
      onAccount={(id) => props.onAccount(index, id)}
    />
  );

  return (
    <section class="money-preview" aria-labelledby="money-preview-heading">
      <h4 id="money-preview-heading">{t('money.preview.heading')}</h4>
      <p>{tn('money.preview.source', rows, { format: format.label, file: props.file.name })}</p>
      {single ? (
        partView(parts[0]!, 0)
      ) : (
        <>
          <p>{tn('money.preview.accounts', parts.length)}</p>
          {parts.map(partView)}
          {props.fileIssues && (props.fileIssues.skipped.length > 0 || props.fileIssues.warnings.length > 0) && (
            <section class="money-preview-file" aria-labelledby="money-preview-file">
              <h5 id="money-preview-file">{t('money.preview.fileIssues')}</h5>
              <Issues preview={props.fileIssues} level={6} />
            </section>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={save}>
          {tn('money.preview.import', count)}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('money.preview.cancel')}
        </button>
      </div>
    </section>
  );
}

/** Rows that could not be read, and what is worth knowing, under headings of the given level. */
function Issues(props: { preview: Pick<ImportPreview, 'skipped' | 'warnings'>; level: 5 | 6 }) {
  const { preview } = props;
  const warnings = groupWarnings(preview.warnings);
  const H = props.level === 5 ? 'h5' : 'h6';
  return (
    <>
      {preview.skipped.length > 0 && (
        <>
          <H>{t('money.preview.skippedHeading')}</H>
          <ul>
            {preview.skipped.map((s) => (
              <li key={s.code}>
                {s.message[getLanguage()]} ({countText(s.count)}
                {s.lines.length > 0 ? `; ${t('money.preview.skippedLines', { lines: s.lines.join(', ') })}${s.count > s.lines.length ? ' …' : ''}` : ''})
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <H>{t('money.preview.warningsHeading')}</H>
          <ul>
            {warnings.map((w) => (
              <li key={w.code}>
                {w.text}
                {w.count > 1 ? ` (${countText(w.count)})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** One account's part: where its rows go, their counts, what could not be read, and the rows. */
function AccountPartView(props: {
  part: PartSummary;
  /** The whole file is this one part (the preview looks as it always did). */
  single: boolean;
  accounts: AccountRecord[];
  name: string;
  nameError: string | null;
  accountError: string | null;
  onName: (name: string) => void;
  rowsOf: () => RowSource<PreviewRow>;
  onInclude: (row: number, include: boolean) => void;
  onAccount: (id: string) => void;
}) {
  const { part, single } = props;
  const { preview, choice } = part;
  const unsure = choice.kind === 'existing' && choice.unsure === true;
  const id = useId();
  const accountSelect = `${id}-account`;
  const nameField = `${id}-name`;
  const headingId = `${id}-heading`;
  const title = partTitle(part);
  // One source for the part's life: a new one would ask for the rows again at every drawing.
  const source = useMemo(props.rowsOf, []);
  // Each box as the citizen set it, by row id, until the worker's next window says the same.
  const [chosen, setChosen] = useState<ReadonlyMap<string, boolean>>(new Map());

  const counts: [MessageKey, number, string][] = [
    ['money.preview.new', preview.counts.new, 'new'],
    ['money.preview.duplicate', preview.counts.duplicate, 'duplicate'],
    ['money.preview.pending', preview.counts.pending, 'pending'],
    ['money.preview.skipped', preview.counts.skipped, 'skipped'],
  ];

  const body = (
    <>
      {single && part.statement.accountId && <p>{t('money.preview.accountFromFile', { number: part.statement.accountId })}</p>}
      <div class="field">
        <label for={accountSelect}>{t('money.preview.account')}</label>
        {unsure && <p class="hint">{t('money.preview.accountUnsure')}</p>}
        <select
          autocomplete="off"
          id={accountSelect}
          value={choice.kind === 'new' ? 'new' : unsure ? '' : choice.id}
          aria-invalid={props.accountError ? 'true' : undefined}
          aria-describedby={props.accountError ? `${accountSelect}-error` : undefined}
          onChange={(e) => {
            if (e.currentTarget.value !== '') props.onAccount(e.currentTarget.value);
          }}
        >
          {unsure && <option value="">{t('money.preview.accountChoose')}</option>}
          {props.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.data.label}
            </option>
          ))}
          <option value="new">{choice.kind === 'new' ? choice.label : t('money.preview.newAccount')}</option>
        </select>
        {props.accountError && (
          <p id={`${accountSelect}-error`} class="field-error">
            {props.accountError}
          </p>
        )}
      </div>
      {choice.kind === 'new' && (
        <div class="field">
          <label for={nameField}>{t('money.preview.accountName')}</label>
          <input
            autocomplete="off"
            id={nameField}
            type="text"
            value={props.name}
            aria-invalid={props.nameError ? 'true' : undefined}
            aria-describedby={props.nameError ? `${nameField}-error` : undefined}
            onInput={(e) => props.onName(e.currentTarget.value)}
          />
          {props.nameError && (
            <p class="field-error" id={`${nameField}-error`}>
              {props.nameError}
            </p>
          )}
        </div>
      )}
      <dl class="money-counts" aria-label={single ? t('money.preview.counts') : `${t('money.preview.counts')}: ${title}`}>
        {counts.map(([key, n, code]) => (
          <div key={code} data-count={code}>
            <dt>{t(key)}</dt>
            <dd>{countText(n)}</dd>
          </div>
        ))}
      </dl>
      {preview.counts.new === 0 && preview.counts.pending === 0 && (
        <p class="notice">{t(single ? 'money.preview.nothingNew' : 'money.preview.partNothingNew')}</p>
      )}
      {preview.counts.pending > 0 && <p class="hint">{t('money.preview.pendingHint')}</p>}
      <Issues preview={preview} level={single ? 5 : 6} />
      {preview.rowCount > 0 && (
        <WindowedTable
          id={single ? 'money-preview-table' : `${id}-table`}
          class="money-preview-rows"
          size={PREVIEW_PAGE}
          source={source}
          // Asked again when the preview changed (a row left out, another account).
          version={preview}
          initial={preview.first}
          keyOf={(row) => row.id}
          caption={single ? t('money.preview.table') : t('money.preview.partTable', { account: title })}
          rowAttrs={(row) => ({ class: `status-${row.status}`, 'data-status': row.status })}
          head={
            <>
              <th scope="col">{t('money.preview.include')}</th>
              <TransactionHeads />
              <th scope="col">{t('money.col.category')}</th>
              <th scope="col">{t('money.preview.status')}</th>
            </>
          }
          renderRow={(row, i) => {
            const amount = amountText(row.tx.amountMinor, row.tx.currency);
            const date = dayText(row.tx.date);
            return (
              <>
                <td>
                  <input
                    autocomplete="off"
                    type="checkbox"
                    checked={chosen.get(row.id) ?? row.include}
                    disabled={row.status === 'duplicate'}
                    aria-label={t('money.preview.includeRow', { date, text: row.tx.text, amount })}
                    onChange={(e) => {
                      const include = e.currentTarget.checked;
                      setChosen((now) => new Map(now).set(row.id, include));
                      props.onInclude(i, include);
                    }}
                  />
                </td>
                <td>{date}</td>
                <td>{row.tx.text}</td>
                <td class="num">{amount}</td>
                <td>{categoryLabel(row.category)}</td>
                <td>{t(`money.preview.status.${row.status}`)}</td>
              </>
            );
          }}
        />
      )}
    </>
  );

  if (single) return body;
  return (
    <section class="money-preview-account" aria-labelledby={headingId} data-account={part.number ?? ''}>
      <h5 id={headingId}>{title}</h5>
      {body}
    </section>
  );
}
