/**
 * The budget tool's one page, in Danish: the food budget per month and its average, the diet
 * plan if one came, and "no data" when nothing valid is held. Every value is HTML-escaped.
 */
import type { AcceptedBundle } from './store';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export const formatMoney = (minor: number, currency: string): string => new Intl.NumberFormat('da-DK', { style: 'currency', currency }).format(minor / 100);

export const formatMonth = (month: string): string =>
  new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

const formatDate = (date: Date): string =>
  new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(date);

function bundleSection(bundle: AcceptedBundle): string {
  const parts: string[] = [
    `<section aria-labelledby="b-${bundle.id}">`,
    `<h2 id="b-${bundle.id}">Fra ${escapeHtml(bundle.issuerName)}</h2>`,
    `<p>Formål: ${escapeHtml(bundle.purpose)}. Gyldig til ${escapeHtml(formatDate(bundle.expiresAt))}.</p>`,
  ];
  const budget = bundle.foodBudget;
  if (budget) {
    parts.push(
      '<table>',
      `<caption>Madbudget pr. måned</caption>`,
      '<thead><tr><th scope="col">Måned</th><th scope="col">Brugt på dagligvarer</th></tr></thead><tbody>',
      ...budget.months.map(
        (m) =>
          `<tr><th scope="row">${escapeHtml(formatMonth(m.month))}</th><td data-month="${m.month}">${escapeHtml(formatMoney(m.spentMinor, budget.currency))}</td></tr>`,
      ),
      '</tbody>',
      `<tfoot><tr><th scope="row">Gennemsnit pr. måned</th><td data-testid="average">${escapeHtml(formatMoney(budget.averageMinor, budget.currency))}</td></tr></tfoot>`,
      '</table>',
    );
  }
  if (bundle.dietPlan) {
    parts.push(`<h3>Kostplan: ${escapeHtml(bundle.dietPlan.title)}</h3>`, `<p class="plan">${escapeHtml(bundle.dietPlan.text)}</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function renderPage(options: { name: string; bundles: AcceptedBundle[] }): string {
  const body = options.bundles.length
    ? options.bundles.map(bundleSection).join('\n')
    : '<p data-testid="no-data">Ingen data. Vi har ingen gyldige oplysninger fra dig lige nu.</p>';
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.name)}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<main>
<h1>${escapeHtml(options.name)}</h1>
<p>Et eksempel på en modtager: den viser dit madbudget ud fra de data, du selv har sendt fra Handlerum.</p>
${body}
</main>
</body>
</html>
`;
}

export const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5;color:#1a1a1a}
main{max-width:44rem}table{border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:600}
th,td{border-bottom:1px solid #bbb;padding:.3rem .8rem;text-align:left}td{text-align:right}.plan{white-space:pre-wrap}`;
