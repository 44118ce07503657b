/**
 * The import preview: counts (new, already there, reserved, skipped with reasons), the rows
 * with a checkbox each to leave one out, the account they go to, and save or save nothing.
 * Rows already in the vault are marked and cannot be chosen: saving them again would overwrite
 * the stored row and the category the citizen gave it.
 */
import { useId, useState } from 'preact/hooks';
import type { BankStatement } from '../../importers/bank/index';
import type { ImportIssue } from '../../importers/types';
import { getLanguage, t, type MessageKey } from '../i18n/index';
import type { AccountChoice } from './account-choice';
import { categoryLabel } from './categories';
import type { AccountRecord } from './model';
import { amountText, countText, dayText } from './money-format';
import { includedCount, setIncluded, type ImportPreview } from './preview';

const PAGE = 200;

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

export function PreviewScreen(props: {
  file: File;
  statement: BankStatement;
  preview: ImportPreview;
  accounts: AccountRecord[];
  choice: AccountChoice;
  onChange: (preview: ImportPreview) => void;
  onAccount: (id: string) => void;
  onSave: (accountLabel: string) => void;
  onCancel: () => void;
}) {
  const { preview, statement, choice } = props;
  const [shown, setShown] = useState(PAGE);
  const [name, setName] = useState(choice.kind === 'new' ? choice.label : '');
  const [nameError, setNameError] = useState<string | null>(null);
  const accountSelect = useId();
  const nameField = useId();
  const count = includedCount(preview);
  const warnings = groupWarnings(preview.warnings);
  const total = preview.rows.length;

  const save = () => {
    if (choice.kind === 'new' && name.trim() === '') return setNameError(t('money.preview.accountNameMissing'));
    const label = choice.kind === 'new' ? name.trim() : (props.accounts.find((a) => a.id === choice.id)?.data.label ?? '');
    props.onSave(label);
  };

  const counts: [MessageKey, number, string][] = [
    ['money.preview.new', preview.counts.new, 'new'],
    ['money.preview.duplicate', preview.counts.duplicate, 'duplicate'],
    ['money.preview.pending', preview.counts.pending, 'pending'],
    ['money.preview.skipped', preview.counts.skipped, 'skipped'],
  ];

  return (
    <section class="money-preview" aria-labelledby="money-preview-heading">
      <h4 id="money-preview-heading">{t('money.preview.heading')}</h4>
      <p>{t('money.preview.source', { format: statement.format.label, rows: countText(total + preview.counts.skipped), file: props.file.name })}</p>
      {statement.accountId && <p>{t('money.preview.accountFromFile', { number: statement.accountId })}</p>}
      <div class="field">
        <label for={accountSelect}>{t('money.preview.account')}</label>
        <select id={accountSelect} value={choice.kind === 'new' ? 'new' : choice.id} onChange={(e) => props.onAccount(e.currentTarget.value)}>
          {props.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.data.label}
            </option>
          ))}
          <option value="new">{choice.kind === 'new' ? choice.label : t('money.preview.newAccount')}</option>
        </select>
      </div>
      {choice.kind === 'new' && (
        <div class="field">
          <label for={nameField}>{t('money.preview.accountName')}</label>
          <input
            id={nameField}
            type="text"
            value={name}
            aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? `${nameField}-error` : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          {nameError && (
            <p class="field-error" id={`${nameField}-error`}>
              {nameError}
            </p>
          )}
        </div>
      )}
      <dl class="money-counts" aria-label={t('money.preview.counts')}>
        {counts.map(([key, n, code]) => (
          <div key={code} data-count={code}>
            <dt>{t(key)}</dt>
            <dd>{countText(n)}</dd>
          </div>
        ))}
      </dl>
      {preview.counts.new === 0 && preview.counts.pending === 0 && <p class="notice">{t('money.preview.nothingNew')}</p>}
      {preview.counts.pending > 0 && <p class="hint">{t('money.preview.pendingHint')}</p>}
      {preview.skipped.length > 0 && (
        <>
          <h5>{t('money.preview.skippedHeading')}</h5>
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
          <h5>{t('money.preview.warningsHeading')}</h5>
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
      {total > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="money-preview-table">
          <table class="data money-preview-rows">
            <caption id="money-preview-table">{t('money.preview.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('money.preview.include')}</th>
                <th scope="col">{t('money.col.date')}</th>
                <th scope="col">{t('money.col.text')}</th>
                <th scope="col" class="num">
                  {t('money.col.amount')}
                </th>
                <th scope="col">{t('money.col.category')}</th>
                <th scope="col">{t('money.preview.status')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, shown).map((row, i) => {
                const amount = amountText(row.tx.amountMinor, row.tx.currency);
                const date = dayText(row.tx.date);
                return (
                  <tr key={row.id} class={`status-${row.status}`} data-status={row.status}>
                    <td>
                      <input
                        type="checkbox"
                        checked={row.include}
                        disabled={row.status === 'duplicate'}
                        aria-label={t('money.preview.includeRow', { date, text: row.tx.text, amount })}
                        onChange={(e) => props.onChange(setIncluded(preview, i, e.currentTarget.checked))}
                      />
                    </td>
                    <td>{date}</td>
                    <td>{row.tx.text}</td>
                    <td class="num">{amount}</td>
                    <td>{categoryLabel(row.category)}</td>
                    <td>{t(`money.preview.status.${row.status}` as MessageKey)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > shown && (
        <p>
          {t('money.preview.showing', { shown: countText(shown), total: countText(total) })}{' '}
          <button type="button" onClick={() => setShown((n) => n + 5 * PAGE)}>
            {t('money.preview.showMore')}
          </button>
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={save}>
          {t('money.preview.import', { count: countText(count) })}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('money.preview.cancel')}
        </button>
      </div>
    </section>
  );
}
