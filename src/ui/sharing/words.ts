/** Plain words for what sharing shows: approval items, log lines, and sharing's own refusals. */
import type { HealthMetric } from '../../records/health/schemas';
import { CASE_PARTS, CLINICAL_TYPES, TRANSACTION_FIELDS, type ScopeItem } from '../../records/sharing/selection';
import { metricName } from '../health/format';
import { plainTopicTitle } from '../municipal/plain';
import { categoryLabel } from '../money/categories';
import type { LogEntry } from '../../records/sharing/transparency-entry';
import type { RecipientSummary, SharingApiResults } from '../../messaging/sharing-api';
import { errorMessage } from '../errors';
import { sizeText } from '../own/attachments';
import { countText, locale, t, tn } from '../i18n/index';
import { dateFormat } from '../i18n/intl-formats';

/** A share's last day as the citizen chose it (Danish calendar day), without the time. */
export const dayText = (iso: string): string => dateFormat({ dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

const FIELDS: ReadonlySet<string> = new Set(TRANSACTION_FIELDS);
const CLINICAL = new Set<string>(CLINICAL_TYPES);
const isField = (detail: string): detail is (typeof TRANSACTION_FIELDS)[number] => FIELDS.has(detail);
const isClinical = (detail: string): detail is (typeof CLINICAL_TYPES)[number] => CLINICAL.has(detail);

/** A health metric's name in the page language; an unknown one as it is. */
export function metricText(metric: string): string {
  try {
    return metricName(metric as HealthMetric);
  } catch {
    return metric;
  }
}

/** A case by its plain name and number, e.g. "Genoptræning (2026-0412)", as the citizen sees it everywhere. */
export function caseName(topic: { code: string; title: string }, caseNumber: string | undefined): string {
  const name = plainTopicTitle(topic);
  return caseNumber ? `${name} (${caseNumber})` : name;
}

/** A shared case by its plain name; scopes stored before the topic travelled keep the KLE code and official title they were made with. */
function caseLabel(item: ScopeItem): string {
  return item.topic ? caseName(item.topic, item.details?.[0]) : item.label;
}

/** One record of a shared case on the approval screen, e.g. "Dokument: Lægeerklæring". */
export const entryText = (entry: NonNullable<ScopeItem['entries']>[number]): string => t(`sharing.wizard.entry.${entry.part}`, { title: entry.title });

/** One approval line, e.g. "12 måneders madbudget (beløb pr. måned)". */
export function itemText(item: ScopeItem): string {
  const c = item.counts;
  switch (item.type) {
    case 'note':
      return t('sharing.item.note', { label: item.label });
    case 'case': {
      const parts = CASE_PARTS.filter((p) => p in c).map((p) => tn(`sharing.item.${p}`, c[p] ?? 0));
      const label = caseLabel(item);
      return parts.length ? t('sharing.item.caseParts', { label, parts: parts.join(', ') }) : t('sharing.item.case', { label });
    }
    case 'case-summary':
      return tn('sharing.item.case-summary', c.documents ?? 0, { label: item.label, documents: (item.details ?? []).join('; ') });
    case 'food-budget':
      return tn('sharing.item.food-budget', c.months ?? 0);
    case 'monthly-spending':
      return tn('sharing.item.monthly-spending', c.months ?? 0, { label: item.label });
    case 'transactions': {
      const details = item.details ?? [];
      const fields = details
        .filter(isField)
        .map((f) => t(`sharing.field.${f}`))
        .join(', ');
      const categories = details
        .filter((f) => !FIELDS.has(f))
        .map(categoryLabel)
        .join(', ');
      const params = { label: item.label, fields, categories };
      return tn(categories ? 'sharing.item.transactionsIn' : 'sharing.item.transactions', c.transactions ?? 0, params);
    }
    case 'health-summary':
      return tn('sharing.item.health-summary', c.months ?? 0, { label: metricText(item.label) });
    case 'health-records': {
      const details = item.details ?? [];
      const kinds = details.filter(isClinical).map((d) => t(`sharing.clinical.${d}`));
      const metrics = details.filter((d) => d !== 'observations' && !CLINICAL.has(d)).map(metricText);
      const parts = [
        'days' in c ? tn('sharing.item.healthDays', c.days ?? 0, { metrics: metrics.join(', ') }) : null,
        'observations' in c ? tn('sharing.item.healthObservations', c.observations ?? 0) : null,
        'clinical' in c ? tn('sharing.item.healthClinical', c.clinical ?? 0, { kinds: kinds.join(', ') }) : null,
      ].filter((p): p is string => p !== null);
      return t('sharing.item.health-records', { label: item.label, parts: parts.join('; ') });
    }
    case 'attachment':
      return t('sharing.item.attachment', { label: item.label });
  }
}

function countsText(counts: Record<string, number> | undefined): string {
  const groups = new Map<string, number>();
  for (const [kind, n] of Object.entries(counts ?? {})) {
    const key = kind.startsWith('health-') ? 'health' : kind;
    groups.set(key, (groups.get(key) ?? 0) + n);
  }
  return [...groups]
    .map(([kind, count]) => {
      return kind === 'bank-transaction' || kind === 'attachment' || kind === 'health'
        ? tn(`sharing.kind.${kind}`, count)
        : tn('sharing.log.deletedDamaged', count);
    })
    .join(', ');
}

/** One log line in the citizen's words. */
export function logText(entry: LogEntry): string {
  const s = entry.summary;
  const base = { recipient: s.recipient ?? '', purpose: s.purpose ?? '' };
  switch (entry.type) {
    case 'deletion':
      return t('sharing.log.type.deletion', { counts: s.what === 'profile' ? t('sharing.log.deletedProfile') : countsText(s.counts) });
    case 'import':
      return t('sharing.log.type.import', { counts: countsText(s.counts) });
    default:
      return t(`sharing.log.type.${entry.type}`, base);
  }
}

/** What the check of the log found, in the citizen's words. */
export function logCheckText(check: SharingApiResults['logVerify']): string {
  if (check.valid) return tn('sharing.log.valid', check.count);
  const found = (() => {
    switch (check.reason) {
      case 'cut':
        return t('sharing.log.invalidCut', { at: countText(check.brokenAt) });
      case 'head':
        return t('sharing.log.invalidHead');
      case 'signature':
      case 'signer':
        return t('sharing.log.invalidSignature');
      case 'unsigned':
        return t('sharing.log.invalidUnsigned');
      default:
        return t('sharing.log.invalid', { at: countText(check.brokenAt) });
    }
  })();
  return `${found} ${t('sharing.log.invalidAdvice')}`;
}

/**
 * A file that goes with the data, on the approval screen: a standard-format copy, e.g.
 * "transactions.csv – for spreadsheets (Excel, Numbers)", or a document as its file.
 */
export function copyText(file: { path: string; size: number }): string {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (file.path.startsWith('files/documents/')) return t('sharing.copy.document', { name, size: sizeText(file.size, locale()) });
  const kind = name.endsWith('.fhir.json') ? 'fhir' : name.slice(name.lastIndexOf('.') + 1);
  return kind === 'csv' || kind === 'ofx' || kind === 'ics' || kind === 'fhir' ? t(`sharing.copy.${kind}`, { name }) : name;
}

/** Sharing's refusals have their own codes, with their messages in the one error map. */
export const sharingError = (error: unknown): string => errorMessage(error);

/**
 * The approval's honest last word: a recipient with a revocation endpoint is told when the share
 * is withdrawn; one who only gets a file is not, and the citizen has to tell them.
 */
export function revocationHint(recipient: Pick<RecipientSummary, 'name' | 'endpoints'>): string {
  return recipient.endpoints.revocation ? t('sharing.wizard.approveHonest') : t('sharing.wizard.approveHonestFileOnly', { name: recipient.name });
}

export function untilText(g: { expiresAt: string | null; untilCase: { caseNumber: string } | null }): string {
  if (g.untilCase && g.expiresAt) return t('sharing.grants.untilCaseLatest', { caseNumber: g.untilCase.caseNumber, date: dayText(g.expiresAt) });
  if (g.untilCase) return t('sharing.grants.untilCase', { caseNumber: g.untilCase.caseNumber });
  return t('sharing.grants.untilDate', { date: g.expiresAt ? dayText(g.expiresAt) : '' });
}
