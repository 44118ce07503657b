/**
 * The bundle's data as readable tables (shaped by data-view.ts). A table shows one page of rows
 * at a time, so 600,000 rows cost the browser no more than 50: buttons (keyboard reachable,
 * disabled at the ends) page through it, and a polite status line tells a screen reader which
 * rows are shown.
 */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Cell, DataSection, DataTable } from './data-view';
import { t } from './i18n';
import { formatDate, formatMoney, formatMonth, formatNumber } from './format';

function CellText({ cell }: { cell: Cell }): JSX.Element {
  switch (cell.kind) {
    case 'money':
      return <>{formatMoney(cell.minor, cell.currency)}</>;
    case 'number':
      return <>{formatNumber(cell.value)}</>;
    case 'month':
      return <time dateTime={cell.month}>{formatMonth(cell.month)}</time>;
    case 'date':
      return <time dateTime={cell.iso}>{formatDate(cell.iso)}</time>;
    case 'boolean':
      return <>{cell.value ? '✓' : '–'}</>;
    case 'empty':
      return <>–</>;
    case 'text':
      return <>{cell.text}</>;
  }
}

const numeric = (cell: Cell | undefined) => cell?.kind === 'money' || cell?.kind === 'number';

const PAGE_ROWS = 50;

function PagedTable({ table }: { table: DataTable }): JSX.Element {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(table.rowCount / PAGE_ROWS));
  const shown = Math.min(page, pages - 1);
  const from = shown * PAGE_ROWS;
  const to = Math.min(table.rowCount, from + PAGE_ROWS);
  const rows: Cell[][] = [];
  for (let i = from; i < to; i++) rows.push(table.row(i));
  const go = (target: number, label: string, disabled: boolean) => (
    <button type="button" class="pager-button" disabled={disabled} onClick={() => setPage(target)}>
      {label}
    </button>
  );
  return (
    <div class="table-wrap">
      <table>
        <caption>
          {table.caption} <span class="count">({t('data.rows', { count: formatNumber(table.rowCount) })})</span>
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={from + i}>
              {row.map((cell, j) => (
                <td key={j} class={numeric(cell) ? 'num' : undefined}>
                  <CellText cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav class="pager" aria-label={t('data.pages', { caption: table.caption })}>
          {go(0, t('data.first'), shown === 0)}
          {go(shown - 1, t('data.previous'), shown === 0)}
          <span role="status" aria-live="polite" data-testid="pager-status">
            {t('data.showing', { from: formatNumber(from + 1), to: formatNumber(to), count: formatNumber(table.rowCount) })}
          </span>
          {go(shown + 1, t('data.next'), shown === pages - 1)}
          {go(pages - 1, t('data.last'), shown === pages - 1)}
        </nav>
      )}
    </div>
  );
}

function Section({ section, level }: { section: DataSection; level: 4 | 5 | 6 }): JSX.Element {
  const Heading = `h${level}` as 'h4';
  const next = Math.min(level + 1, 6) as 4 | 5 | 6;
  return (
    <section class="data-section">
      {section.title && <Heading>{section.title}</Heading>}
      {section.fields.length > 0 && (
        <dl class="fields">
          {section.fields.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>
                <CellText cell={f.value} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {section.tables.map((table) => (
        <PagedTable key={table.caption} table={table} />
      ))}
      {section.sections.map((s, i) => (
        <Section key={i} section={s} level={next} />
      ))}
    </section>
  );
}

export function DataTables({ sections, complete }: { sections: DataSection[]; complete: boolean }): JSX.Element {
  if (sections.length === 0) return <p>{t('data.empty')}</p>;
  return (
    <>
      {!complete && (
        <p class="problem" role="note" data-testid="data-incomplete">
          {t('data.incomplete')}
        </p>
      )}
      {sections.map((s, i) => (
        <Section key={i} section={s} level={4} />
      ))}
    </>
  );
}
