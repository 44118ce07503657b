/**
 * For a layout nobody recognises: the citizen says which column is what, and sees straight away
 * how the first rows are read with that choice. The choice is stored on the account at import.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { BankTransaction, ColumnMapping, CsvPreview } from '../../importers/bank/index';
import { getLanguage, t, tn, type MessageKey } from '../i18n/index';
import type { BankWorker } from './import-runner';
import { columnCount, fileStart } from './mapping';
import { amountText, countText, dayText } from './money-format';
import { TransactionHeads } from './TransactionHeads';

const DATE_STYLES: ColumnMapping['dateStyle'][] = ['DD.MM.YYYY', 'DD-MM-YYYY', 'DD/MM/YYYY', 'YYYY/MM/DD', 'YYYY-MM-DD'];
const DELIMITERS: [ColumnMapping['delimiter'], MessageKey][] = [
  [';', 'money.mapping.delimiter.semicolon'],
  [',', 'money.mapping.delimiter.comma'],
  ['\t', 'money.mapping.delimiter.tab'],
];

interface Trial {
  rows: BankTransaction[];
  total: number;
  skipped: number;
  failed: string | null;
}

function Select(props: { label: string; value: string; options: [string, string][]; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select autocomplete="off" id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MappingScreen(props: {
  file: File;
  csv: CsvPreview;
  initial: ColumnMapping;
  rememberedFrom?: string;
  worker: BankWorker;
  onUse: (mapping: ColumnMapping) => void;
  onCancel: () => void;
}) {
  const [mapping, setMapping] = useState<ColumnMapping>(props.initial);
  const [trial, setTrial] = useState<Trial | null>(null);
  const sequence = useRef(0);
  const width = columnCount(props.csv);
  const headerRow = props.csv.rows[0] ?? [];
  const sampleRow = props.csv.rows[mapping.hasHeader ? 1 : 0] ?? headerRow;
  const columns: [string, string][] = Array.from({ length: width }, (_, i) => [
    String(i),
    t('money.mapping.column', { n: i + 1, sample: (mapping.hasHeader ? headerRow[i] : sampleRow[i])?.slice(0, 30) ?? '' }),
  ]);
  const set = (patch: Partial<ColumnMapping>) => setMapping((m) => ({ ...m, ...patch }));

  // Live preview: the first kilobytes of the file, parsed with the current choice.
  useEffect(() => {
    const mine = ++sequence.current;
    const timer = setTimeout(async () => {
      const start = await fileStart(props.file);
      const result = await props.worker.parse(start, { mapping, today: '2000-01-01' }, () => undefined);
      if (sequence.current !== mine) return;
      if (!result.ok) return setTrial({ rows: [], total: 0, skipped: 0, failed: result.citizenMessage?.[getLanguage()] ?? t('money.mapping.noResult') });
      const skipped = result.value.issues.filter((i) => i.severity === 'skipped').length;
      setTrial({ rows: result.value.transactions.slice(0, 8), total: result.value.transactions.length, skipped, failed: null });
    }, 150);
    return () => clearTimeout(timer);
  }, [JSON.stringify(mapping)]);

  const balanceValue = mapping.balance === undefined ? '' : String(mapping.balance);
  return (
    <section class="money-mapping" aria-labelledby="money-mapping-heading">
      <h4 id="money-mapping-heading">{t('money.mapping.heading')}</h4>
      <p>{t('money.mapping.intro', { file: props.file.name })}</p>
      {props.rememberedFrom && <p class="hint">{t('money.mapping.remembered', { account: props.rememberedFrom })}</p>}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="money-file-start">
        <table class="data">
          <caption id="money-file-start">{t('money.mapping.fileStart')}</caption>
          <thead>
            <tr>
              {Array.from({ length: width }, (_, i) => (
                <th key={i} scope="col">
                  {i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.csv.rows.slice(0, 5).map((row, r) => (
              <tr key={r}>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset class="mapping-fields">
        <legend>{t('money.mapping.heading')}</legend>
        <Select
          label={t('money.mapping.delimiter')}
          value={mapping.delimiter}
          options={DELIMITERS.map(([d, key]) => [d, t(key)])}
          onChange={(v) => set({ delimiter: v as ColumnMapping['delimiter'] })}
        />
        <div class="field check">
          <input
            autocomplete="off"
            id="money-has-header"
            type="checkbox"
            checked={mapping.hasHeader}
            onChange={(e) => set({ hasHeader: e.currentTarget.checked })}
          />
          <label for="money-has-header">{t('money.mapping.hasHeader')}</label>
        </div>
        <Select label={t('money.mapping.date')} value={String(mapping.date)} options={columns} onChange={(v) => set({ date: Number(v) })} />
        <Select
          label={t('money.mapping.dateStyle')}
          value={mapping.dateStyle}
          options={DATE_STYLES.map((s) => [s, s])}
          onChange={(v) => set({ dateStyle: v as ColumnMapping['dateStyle'] })}
        />
        <Select label={t('money.mapping.text')} value={String(mapping.text)} options={columns} onChange={(v) => set({ text: Number(v) })} />
        <Select label={t('money.mapping.amount')} value={String(mapping.amount)} options={columns} onChange={(v) => set({ amount: Number(v) })} />
        <Select
          label={t('money.mapping.decimal')}
          value={mapping.decimal}
          options={[
            [',', t('money.mapping.decimal.comma')],
            ['.', t('money.mapping.decimal.point')],
          ]}
          onChange={(v) => set({ decimal: v as ColumnMapping['decimal'] })}
        />
        <Select
          label={t('money.mapping.balance')}
          value={balanceValue}
          options={[['', t('money.mapping.noBalance')], ...columns]}
          onChange={(v) => setMapping(({ balance: _old, ...rest }) => (v === '' ? rest : { ...rest, balance: Number(v) }))}
        />
      </fieldset>
      <section aria-labelledby="money-mapping-result" aria-live="polite">
        <h5 id="money-mapping-result">{t('money.mapping.result')}</h5>
        {trial?.failed && <p class="field-error">{trial.failed}</p>}
        {trial && !trial.failed && trial.total === 0 && <p class="field-error">{t('money.mapping.noResult')}</p>}
        {trial && trial.total > 0 && (
          <>
            <p>{tn('money.mapping.resultCount', trial.total, { skipped: countText(trial.skipped) })}</p>
            <table class="data">
              <thead>
                <tr>
                  <TransactionHeads />
                  <th scope="col" class="num">
                    {t('money.col.balance')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {trial.rows.map((tx) => (
                  <tr key={tx.line}>
                    <td>{dayText(tx.date)}</td>
                    <td>{tx.text}</td>
                    <td class="num">{amountText(tx.amountMinor, tx.currency)}</td>
                    <td class="num">{tx.balanceMinor === undefined ? '' : amountText(tx.balanceMinor, tx.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <div class="actions">
        <button type="button" class="primary" disabled={!trial || trial.total === 0} onClick={() => props.onUse(mapping)}>
          {t('money.mapping.use')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
