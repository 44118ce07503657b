/**
 * The bundle as a person reads it (blocks from src/receiver-view): cases like the vault's case
 * page, figures as tables with totals and charts, notes and summaries as text, files to open.
 * Long lists are windowed and long texts shortened on screen; `all` draws everything, in full,
 * for printing.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { BundleFile } from '../bundle';
import type { Block, CaseView, Fact, FileItem, Link, SummaryView, Table, TextItem } from '../receiver-view/model';
import { MAX_PRINTED_ROWS } from '../receiver-view/parts';
import { label } from '../receiver-view/words';
import { ChartView } from './ChartView';
import { formatNumber } from './format';
import { getLanguage, t } from './i18n';
import { Windowed } from './Windowed';

/** Characters of a text shown before "Show the whole text": a 5 MB note is not laid out at once. */
export const SCREEN_TEXT_CHARS = 3_000;
const TABLE_PAGE = 50;
const ITEM_PAGE = 10;

type FileUrl = (path: string) => { href: string; pdf: boolean } | undefined;
const L = (key: Parameters<typeof label>[0], params: Record<string, string | number> = {}) => label(key, getLanguage(), params);

function Facts({ facts }: { facts: readonly Fact[] }): JSX.Element | null {
  if (facts.length === 0) return null;
  return (
    <dl class="fields">
      {facts.map((f, i) => (
        <div key={i}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function LongText({ text, all }: { text: string; all: boolean }): JSX.Element | null {
  const [whole, setWhole] = useState(false);
  if (!text) return null;
  const cut = !all && !whole && text.length > SCREEN_TEXT_CHARS;
  return (
    <>
      <div class="document-text">{cut ? `${text.slice(0, SCREEN_TEXT_CHARS)}…` : text}</div>
      {cut && (
        <p class="hint no-print">
          {L('textShortened', { shown: formatNumber(SCREEN_TEXT_CHARS), total: formatNumber(text.length) })}{' '}
          <button type="button" class="link-button" onClick={() => setWhole(true)}>
            {L('showWholeText')}
          </button>
        </p>
      )}
    </>
  );
}

const OutLink = ({ link }: { link: Link | null }) =>
  link ? (
    <p>
      <a href={link.href} target="_blank" rel="noopener noreferrer">
        {link.text}
      </a>
    </p>
  ) : null;

/** A PDF opens in the browser's own viewer (its blob is typed as a PDF, so it runs nothing); any other file is downloaded. */
function FileLink({ file, text, url }: { file: FileItem; text: string; url: FileUrl }): JSX.Element {
  const link = url(file.path);
  if (!link) return <span>{text}</span>;
  return link.pdf ? (
    <a href={link.href} target="_blank" rel="noopener noreferrer" data-file={file.path}>
      {text}
    </a>
  ) : (
    <a href={link.href} download={file.name} data-file={file.path}>
      {text}
    </a>
  );
}

function ReadableTable({ table, all }: { table: Table; all: boolean }): JSX.Element {
  const [first, setFirst] = useState(0);
  const total = table.rowCount;
  const end = all ? Math.min(total, MAX_PRINTED_ROWS) : Math.min(total, first + TABLE_PAGE);
  const start = all ? 0 : first;
  const rows: string[][] = [];
  for (let i = start; i < end; i++) rows.push(table.row(i));
  return (
    <div class="readable-table">
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th scope="col" key={i} class={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={start + r}>
              {row.map((cell, i) => (
                <td key={i} class={table.columns[i]?.numeric ? 'num' : undefined} data-label={table.columns[i]?.label}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {all && end < total && <p class="hint">{L('tableCut', { shown: formatNumber(end), total: formatNumber(total) })}</p>}
      {!all && total > TABLE_PAGE && (
        <nav class="pager" aria-label={t('window.pages', { what: table.caption })}>
          <button type="button" class="pager-button" disabled={start === 0} onClick={() => setFirst(Math.max(0, start - TABLE_PAGE))}>
            {t('data.previous')}
          </button>
          <span role="status" aria-live="polite">
            {t('window.range', { from: formatNumber(start + 1), to: formatNumber(end), total: formatNumber(total) })}
          </span>
          <button type="button" class="pager-button" disabled={end >= total} onClick={() => setFirst(start + TABLE_PAGE)}>
            {t('data.next')}
          </button>
        </nav>
      )}
      <Facts facts={table.totals} />
    </div>
  );
}

function TextItemView({ item, all }: { item: TextItem; all: boolean }): JSX.Element {
  return (
    <article class="readable-item">
      <h5>{item.title}</h5>
      {item.meta && <p class="hint">{item.meta}</p>}
      <LongText text={item.text} all={all} />
      {item.points.length > 0 && (
        <ul>
          {item.points.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** Points of a summary section and the documents it covers, each a page at a time: a sender may list thousands. */
const SUMMARY_PAGE = 30;

/** A case summary: its points under their sections, each with its sources, then what it covers. */
function SummaryItemView({ item, all }: { item: SummaryView; all: boolean }): JSX.Element {
  const covers = L('summaryCovers', { count: formatNumber(item.covers.length) });
  return (
    <article class="readable-item readable-summary" data-testid="readable-summary">
      <h5>{item.title}</h5>
      <Facts facts={item.facts} />
      {item.sections.map((section, i) => (
        <section key={i} aria-label={section.heading}>
          <h6>{section.heading}</h6>
          <Windowed
            items={section.points}
            label={section.heading}
            size={SUMMARY_PAGE}
            all={all}
            class="summary-list"
            render={(p) => (
              <>
                <p>{p.text}</p>
                {p.sources.length > 0 && (
                  <p class="hint">
                    {L('summarySources')}: {p.sources.join('; ')}
                  </p>
                )}
              </>
            )}
          />
        </section>
      ))}
      {item.covers.length > 0 && (
        <>
          <h6>{covers}</h6>
          <Windowed items={item.covers} label={covers} size={SUMMARY_PAGE} all={all} class="summary-list" render={(c) => c} />
        </>
      )}
    </article>
  );
}

function CaseBlock({ view, all, url }: { view: CaseView; all: boolean; url: FileUrl }): JSX.Element {
  return (
    <>
      <Facts facts={view.facts} />
      {view.history.length > 0 && (
        <>
          <h5>{L('history')}</h5>
          <Facts facts={view.history} />
        </>
      )}
      {view.representatives.length > 0 && (
        <>
          <h5>{L('representatives')}</h5>
          <ul>
            {view.representatives.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {view.decisions && (
        <section class="case-part">
          <h5>{L('decisions')}</h5>
          {view.decisions.length === 0 && <p>{L('noDecisions')}</p>}
          <Windowed
            items={view.decisions}
            label={L('decisions')}
            size={ITEM_PAGE}
            all={all}
            render={(d) => (
              <article class="readable-item">
                <h6>{d.title}</h6>
                <Facts facts={d.facts} />
                <LongText text={d.outcomeText} all={all} />
                {d.basis.length > 0 && <Facts facts={[{ label: L('basis'), value: d.basis.join('; ') }]} />}
                {d.legalBasis.length > 0 && <Facts facts={[{ label: L('legalBasis'), value: d.legalBasis.join('; ') }]} />}
                <p class="part-label">{L('appeal')}</p>
                {d.appeal ? (
                  <>
                    <Facts facts={d.appeal.facts} />
                    <LongText text={d.appeal.howTo} all={all} />
                    <OutLink link={d.appeal.link} />
                  </>
                ) : (
                  <p>{L('noAppeal')}</p>
                )}
              </article>
            )}
          />
        </section>
      )}
      {view.documents && (
        <section class="case-part">
          <h5>{L('documents')}</h5>
          {view.documents.length === 0 && <p>{L('noDocuments')}</p>}
          <Windowed
            items={view.documents}
            label={L('documents')}
            size={ITEM_PAGE}
            all={all}
            class="documents"
            render={(d) => (
              <article class="readable-item document" data-testid="readable-document">
                <h6>{d.title}</h6>
                <Facts facts={d.facts} />
                {d.text !== null && <LongText text={d.text} all={all} />}
                {d.pdf && (
                  <p>
                    <FileLink file={d.pdf} text={L('openPdf')} url={url} /> <span class="print-only">{L('pdfInBundle', { file: d.pdf.path })}</span>
                  </p>
                )}
                {d.pdfMissing && <p class="hint">{L('pdfMissing')}</p>}
              </article>
            )}
          />
        </section>
      )}
      {view.payments && (
        <section class="case-part">
          <h5>{L('payments')}</h5>
          <ReadableTable table={view.payments} all={all} />
        </section>
      )}
      {view.activities && (
        <section class="case-part">
          <h5>{L('activities')}</h5>
          {view.activities.length === 0 && <p>{L('noActivities')}</p>}
          <Windowed
            items={view.activities}
            label={L('activities')}
            size={ITEM_PAGE * 2}
            all={all}
            render={(a) => (
              <article class="readable-item">
                <h6>{a.title}</h6>
                <Facts facts={a.facts} />
                <LongText text={a.description} all={all} />
                <OutLink link={a.link} />
              </article>
            )}
          />
        </section>
      )}
    </>
  );
}

function BlockView({ block, all, url }: { block: Block; all: boolean; url: FileUrl }): JSX.Element {
  switch (block.kind) {
    case 'case':
      return <CaseBlock view={block.view} all={all} url={url} />;
    case 'figures':
      return (
        <>
          <Facts facts={block.facts} />
          {block.charts.map((c, i) => (
            <ChartView key={i} chart={c} />
          ))}
          {block.tables.map((table, i) => (
            <ReadableTable key={i} table={table} all={all} />
          ))}
        </>
      );
    case 'text':
      return <Windowed items={block.items} label={block.heading} size={ITEM_PAGE} all={all} render={(item) => <TextItemView item={item} all={all} />} />;
    case 'summary':
      return <Windowed items={block.items} label={block.heading} size={ITEM_PAGE} all={all} render={(item) => <SummaryItemView item={item} all={all} />} />;
    case 'files':
      return (
        <ul>
          {block.files.map((f, i) => (
            <li key={i}>
              <FileLink file={f} text={L('openFile', { name: f.name })} url={url} />{' '}
              {f.facts.length > 0 && <span class="hint">({f.facts.map((x) => x.value).join(', ')})</span>}
            </li>
          ))}
        </ul>
      );
    case 'unknown':
      return <p>{L('unknownPart')}</p>;
  }
}

/** Blob URLs of the bundle's files, freed when the view goes. */
function useFileUrls(files: readonly BundleFile[]): FileUrl {
  const urls = useMemo(
    () =>
      new Map(
        files.map((f) => [
          f.path,
          { href: URL.createObjectURL(new Blob([f.bytes.slice().buffer], { type: f.mediaType })), pdf: f.mediaType === 'application/pdf' },
        ]),
      ),
    [files],
  );
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u.href)), [urls]);
  return (path) => urls.get(path);
}

export function Readable({ blocks, files, all }: { blocks: readonly Block[]; files: readonly BundleFile[]; all: boolean }): JSX.Element {
  const url = useFileUrls(files);
  if (blocks.length === 0) return <p>{t('data.empty')}</p>;
  return (
    <>
      {blocks.map((block, i) => (
        <section key={i} class={`readable-block readable-${block.kind}`} aria-labelledby={`block-${i}`}>
          <h4 id={`block-${i}`}>{block.heading}</h4>
          <BlockView block={block} all={all} url={url} />
        </section>
      ))}
    </>
  );
}
