/**
 * An opened bundle as one self-contained, readable HTML file (the receiver CLI's index.html):
 * the same blocks and words as the receiver page, no scripts, styles inline, print-friendly,
 * UTF-8. Every text from the bundle is escaped, and links go only to http(s) addresses or to
 * the files beside it.
 */
import { CHART_HEIGHT, CHART_WIDTH, chartGeometry } from './chart';
import { dateText, numberText, sizeText, textOf } from './format';
import type { Block, CaseView, Chart, Fact, FileItem, Link, ReadableView, SummaryView, Table, TextItem } from './types';
import { label, type Language } from './words';
import { MAX_PRINTED_ROWS } from './parts';
import { PRINT_CSS } from './print-css';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A relative link to a file beside index.html, each path segment encoded. */
const fileHref = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

const factsHtml = (facts: readonly Fact[]): string =>
  facts.length === 0 ? '' : `<dl class="facts">${facts.map((f) => `<div><dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd></div>`).join('')}</dl>`;

const linkHtml = (link: Link | null): string => (link ? `<p><a href="${esc(link.href)}">${esc(link.text)}</a></p>` : '');
const textHtml = (text: string): string => (text ? `<div class="text">${esc(text)}</div>` : '');
const listHtml = (items: readonly string[]): string => (items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');
const fileLink = (file: FileItem, text: string): string => `<a href="${esc(fileHref(file.path))}">${esc(text)}</a>`;

function tableHtml(table: Table, language: Language): string {
  const shown = Math.min(table.rowCount, MAX_PRINTED_ROWS);
  const rows: string[] = [];
  for (let i = 0; i < shown; i++) {
    rows.push(
      `<tr>${table
        .row(i)
        .map((cell, j) => `<td data-label="${esc(table.columns[j]?.label ?? '')}"${table.columns[j]?.numeric ? ' class="num"' : ''}>${esc(cell)}</td>`)
        .join('')}</tr>`,
    );
  }
  const cut =
    shown < table.rowCount
      ? `<p class="note">${esc(label('tableCut', language, { shown: numberText(shown, language), total: numberText(table.rowCount, language) }))}</p>`
      : '';
  return (
    `<table><caption>${esc(table.caption)}</caption><thead><tr>${table.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${esc(c.label)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>${cut}${factsHtml(table.totals)}`
  );
}

/** The chart as inline SVG, described by its summary sentence. */
export function chartSvg(chart: Chart, language: Language): string {
  const g = chartGeometry(chart, language);
  if (!g) return '';
  const marks = [
    ...g.ticks.map(
      (t) =>
        `<line x1="${g.baseline.x1}" x2="${g.baseline.x2}" y1="${t.y}" y2="${t.y}" class="grid"/><text x="${g.baseline.x1 - 6}" y="${t.y + 4}" text-anchor="end">${esc(t.text)}</text>`,
    ),
    ...g.bars.map((b) => `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" class="bar"/>`),
    g.line ? `<polyline points="${g.line}" class="line"/>` : '',
    ...g.dots.map((d) => `<circle cx="${d.x}" cy="${d.y}" r="2.5" class="dot"/>`),
    ...g.xLabels.map((l) => `<text x="${l.x}" y="${CHART_HEIGHT - 16}" text-anchor="middle">${esc(l.text)}</text>`),
    `<line x1="${g.baseline.x1}" x2="${g.baseline.x2}" y1="${g.baseline.y}" y2="${g.baseline.y}" class="axis"/>`,
  ];
  return (
    `<figure class="chart"><svg viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-label="${esc(`${chart.title}. ${chart.summary}`)}">${marks.join('')}</svg>` +
    `<figcaption>${esc(chart.summary)}</figcaption></figure>`
  );
}

function textItemHtml(item: TextItem): string {
  return `<article class="item"><h3>${esc(item.title)}</h3>${item.meta ? `<p class="meta">${esc(item.meta)}</p>` : ''}${textHtml(item.text)}${listHtml(item.points)}</article>`;
}

function summaryHtml(item: SummaryView, language: Language): string {
  const sections = item.sections.map(
    (s) =>
      `<h4>${esc(s.heading)}</h4><ul class="summary-points">${s.points
        .map(
          (p) =>
            `<li><p>${esc(p.text)}</p>${p.sources.length ? `<p class="meta">${esc(label('summarySources', language))}: ${esc(p.sources.join('; '))}</p>` : ''}</li>`,
        )
        .join('')}</ul>`,
  );
  const covers = item.covers.length
    ? `<h4>${esc(label('summaryCovers', language, { count: numberText(item.covers.length, language) }))}</h4>${listHtml(item.covers)}`
    : '';
  return `<article class="item summary"><h3>${esc(item.title)}</h3>${factsHtml(item.facts)}${sections.join('')}${covers}</article>`;
}

function caseHtml(view: CaseView, language: Language): string {
  const out: string[] = [factsHtml(view.facts)];
  if (view.history.length) out.push(`<h3>${esc(label('history', language))}</h3>${factsHtml(view.history)}`);
  if (view.representatives.length) out.push(`<h3>${esc(label('representatives', language))}</h3>${listHtml(view.representatives)}`);
  if (view.decisions) {
    out.push(`<h3>${esc(label('decisions', language))}</h3>`);
    if (view.decisions.length === 0) out.push(`<p>${esc(label('noDecisions', language))}</p>`);
    for (const d of view.decisions) {
      const appeal = d.appeal
        ? `${factsHtml(d.appeal.facts)}${textHtml(d.appeal.howTo)}${linkHtml(d.appeal.link)}`
        : `<p>${esc(label('noAppeal', language))}</p>`;
      out.push(
        `<article class="item"><h4>${esc(d.title)}</h4>${factsHtml(d.facts)}${textHtml(d.outcomeText)}` +
          (d.basis.length ? `<h5>${esc(label('basis', language))}</h5>${listHtml(d.basis)}` : '') +
          (d.legalBasis.length ? `<h5>${esc(label('legalBasis', language))}</h5>${listHtml(d.legalBasis)}` : '') +
          `<h5>${esc(label('appeal', language))}</h5>${appeal}</article>`,
      );
    }
  }
  if (view.documents) {
    out.push(`<h3>${esc(label('documents', language))}</h3>`);
    if (view.documents.length === 0) out.push(`<p>${esc(label('noDocuments', language))}</p>`);
    for (const d of view.documents) {
      const pdf = d.pdf
        ? `<p>${fileLink(d.pdf, label('openPdf', language))} (${esc(d.pdf.path)})</p>`
        : d.pdfMissing
          ? `<p class="note">${esc(label('pdfMissing', language))}</p>`
          : '';
      out.push(`<article class="item document"><h4>${esc(d.title)}</h4>${factsHtml(d.facts)}${textHtml(d.text ?? '')}${pdf}</article>`);
    }
  }
  if (view.payments) out.push(`<h3>${esc(label('payments', language))}</h3>${tableHtml(view.payments, language)}`);
  if (view.activities) {
    out.push(`<h3>${esc(label('activities', language))}</h3>`);
    if (view.activities.length === 0) out.push(`<p>${esc(label('noActivities', language))}</p>`);
    for (const a of view.activities)
      out.push(`<article class="item"><h4>${esc(a.title)}</h4>${factsHtml(a.facts)}${textHtml(a.description)}${linkHtml(a.link)}</article>`);
  }
  return out.join('');
}

function blockHtml(block: Block, language: Language): string {
  const body = (() => {
    switch (block.kind) {
      case 'case':
        return caseHtml(block.view, language);
      case 'figures':
        return factsHtml(block.facts) + block.charts.map((c) => chartSvg(c, language)).join('') + block.tables.map((t) => tableHtml(t, language)).join('');
      case 'text':
        return block.items.map(textItemHtml).join('');
      case 'summary':
        return block.items.map((item) => summaryHtml(item, language)).join('');
      case 'files':
        return `<ul>${block.files.map((f) => `<li>${f.path ? fileLink(f, f.name) : esc(f.name)} ${f.facts.length ? `(${esc(f.facts.map((x) => x.value).join(', '))})` : ''}</li>`).join('')}</ul>`;
      case 'unknown':
        return `<p>${esc(label('unknownPart', language))}</p>`;
    }
  })();
  return `<section class="block${block.kind === 'case' ? ' case' : ''}"><h2>${esc(block.heading)}</h2>${body}</section>`;
}

export interface HtmlHeader {
  issuer: string;
  recipient: string;
  purpose: string;
  what: string;
  issuedAt: string;
  validFrom: string;
  validUntil: string;
  checkedAt: Date;
}

/** The whole page: who sent what, the blocks, and the files beside it. */
export function readableHtml(view: ReadableView, header: HtmlHeader, files: readonly { path: string; size: number }[]): string {
  const language = view.language;
  const title = label('documentTitle', language, { issuer: textOf(header.issuer) });
  const facts: Fact[] = [
    { label: label('from', language), value: textOf(header.issuer) },
    { label: label('to', language), value: textOf(header.recipient) },
    { label: label('purpose', language), value: textOf(header.purpose) },
    { label: label('what', language), value: textOf(header.what) },
    { label: label('issuedAt', language), value: dateText(header.issuedAt, language) },
    { label: label('validFrom', language), value: dateText(header.validFrom, language) },
    { label: label('validUntilDate', language), value: dateText(header.validUntil, language) },
  ].filter((f) => f.value !== '');
  const fileList = files.map((f) => `<li><a href="${esc(fileHref(f.path))}">${esc(f.path)}</a> (${esc(sizeText(f.size, language))})</li>`).join('');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p>${esc(label('checked', language, { date: dateText(header.checkedAt.toISOString(), language) }))}</p>
${factsHtml(facts)}
${view.blocks.map((b) => blockHtml(b, language)).join('\n')}
<section class="block"><h2>${esc(label('bundleFiles', language))}</h2><p>${esc(label('rawFiles', language))}</p><ul>${fileList}</ul></section>
</main>
</body>
</html>
`;
}
