/** The bundle's data as readable tables (shaped by data-view.ts). */
import type { JSX } from 'preact';
import type { Cell, DataSection } from './data-view';
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
        <div class="table-wrap" key={table.caption}>
          <table>
            <caption>
              {table.caption} <span class="count">({t('data.rows', { count: table.rows.length })})</span>
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
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j} class={numeric(cell) ? 'num' : undefined}>
                      <CellText cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {section.sections.map((s, i) => (
        <Section key={i} section={s} level={next} />
      ))}
    </section>
  );
}

export function DataTables({ sections }: { sections: DataSection[] }): JSX.Element {
  if (sections.length === 0) return <p>{t('data.empty')}</p>;
  return (
    <>
      {sections.map((s, i) => (
        <Section key={i} section={s} level={4} />
      ))}
    </>
  );
}
