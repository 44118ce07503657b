/**
 * The bundle's own words about what it holds, in Danish and English (the format carries both).
 * These travel inside the bundle; the vault's screens have their own texts in the UI catalogue.
 */
import type { ScopeItem } from '../records/sharing/selection';

type Lang = 'da' | 'en';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const CASE_PARTS: Record<Lang, Record<string, [string, string]>> = {
  da: {
    decisions: ['afgørelse', 'afgørelser'],
    documents: ['dokument', 'dokumenter'],
    payments: ['udbetaling', 'udbetalinger'],
    activities: ['aftale eller frist', 'aftaler og frister'],
  },
  en: {
    decisions: ['decision', 'decisions'],
    documents: ['document', 'documents'],
    payments: ['payment', 'payments'],
    activities: ['appointment or deadline', 'appointments and deadlines'],
  },
};

export function describeItem(item: ScopeItem, lang: Lang): string {
  const c = item.counts;
  const n = (key: string) => c[key] ?? 0;
  switch (item.type) {
    case 'note':
      return lang === 'da' ? `Note: ${item.label}` : `Note: ${item.label}`;
    case 'case': {
      const parts = Object.keys(CASE_PARTS[lang])
        .filter((k) => k in c)
        .map((k) => plural(n(k), ...(CASE_PARTS[lang][k] as [string, string])));
      const head = lang === 'da' ? `Sag ${item.label}` : `Case ${item.label}`;
      return parts.length ? `${head}: ${parts.join(', ')}` : head;
    }
    case 'case-summary':
      return lang === 'da'
        ? `${item.label}, lavet af Handlerum ud fra ${plural(n('documents'), 'dokument', 'dokumenter')}`
        : `${item.label}, made by Handlerum from ${plural(n('documents'), 'document', 'documents')}`;
    case 'monthly-spending':
      return lang === 'da'
        ? `Forbrug pr. måned og kategori, ${plural(n('months'), 'måned', 'måneder')} (${item.label})`
        : `Spending per month and category, ${plural(n('months'), 'month', 'months')} (${item.label})`;
    case 'food-budget':
      return lang === 'da' ? `${n('months')} måneders madbudget (beløb pr. måned)` : `${n('months')}-month food budget (amount per month)`;
    case 'transactions':
      return lang === 'da'
        ? `${plural(n('transactions'), 'banktransaktion', 'banktransaktioner')} (${item.label}), felter: ${(item.details ?? []).join(', ')}`
        : `${plural(n('transactions'), 'bank transaction', 'bank transactions')} (${item.label}), fields: ${(item.details ?? []).join(', ')}`;
    case 'health-summary':
      return lang === 'da'
        ? `Sundhedsoversigt: ${item.label}, ${plural(n('months'), 'måned', 'måneder')}`
        : `Health summary: ${item.label}, ${plural(n('months'), 'month', 'months')}`;
    case 'health-records': {
      const parts = [
        'days' in c ? plural(n('days'), lang === 'da' ? 'dagsværdi' : 'daily figure', lang === 'da' ? 'dagsværdier' : 'daily figures') : null,
        'observations' in c ? plural(n('observations'), lang === 'da' ? 'måling' : 'observation', lang === 'da' ? 'målinger' : 'observations') : null,
        'clinical' in c
          ? plural(n('clinical'), lang === 'da' ? 'journaloplysning' : 'clinical record', lang === 'da' ? 'journaloplysninger' : 'clinical records')
          : null,
      ].filter(Boolean);
      return lang === 'da' ? `Sundhedsdata (${item.label}): ${parts.join(', ')}` : `Health data (${item.label}): ${parts.join(', ')}`;
    }
    case 'attachment':
      return lang === 'da' ? `Egen fil: ${item.label}` : `Own file: ${item.label}`;
  }
}

export const describeScope = (items: readonly ScopeItem[], lang: Lang): string =>
  items
    .map((i) => describeItem(i, lang))
    .join('; ')
    .slice(0, 2000);
