/**
 * From the citizen's selection and the vault data it names to what the bundle carries: the
 * approval screen's items, data.json, its standard-format copies, provenance and data
 * categories. One function makes all of them, so what the citizen approves and what leaves
 * cannot drift apart. Pure.
 */
import type { BundleFile, ProvenanceEntry } from '../bundle/types';
import { CASE_PARTS, type CasePart, type ScopeItem, type SelectionItem } from '../records/sharing/selection';
import { caseRecordLabel, newestFirst } from './case-records';
import {
  caseMaterial,
  healthSummary,
  monthlyFoodBudget,
  monthlySpendingPerCategory,
  monthsBetween,
  selectHealthRecords,
  selectTransactions,
  type AccountFields,
  type ClinicalFields,
  type HealthMonthLike,
  type MunicipalProvenance,
  type MunicipalStored,
  type ObservationFields,
  type SignatureFields,
  type TransactionFields,
} from './derived';
import { documentPath, standardCopies } from './standard-copies';
import { SharingError } from './errors';
import { caseSummaryView } from './case-summary-view';

export interface NoteSource {
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseSource {
  case: MunicipalStored;
  decisions: MunicipalStored[];
  documents: MunicipalStored[];
  payments: MunicipalStored[];
  activities: MunicipalStored[];
}

/** One of the citizen's own files, with its bytes (already checked against its SHA-256). */
export interface AttachmentSource {
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Uint8Array;
}

export interface ShareSources {
  notes: ReadonlyMap<string, NoteSource>;
  cases: ReadonlyMap<string, CaseSource>;
  /** Bank transactions, each with the bank-account record it belongs to. */
  transactions: readonly (TransactionFields & { text: string; accountId?: string })[];
  /** The bank-account records by id: named in a share only when its rows and the account field are chosen. */
  accounts?: ReadonlyMap<string, AccountFields>;
  health: readonly HealthMonthLike[];
  healthObservations?: readonly ObservationFields[];
  healthClinical?: readonly ClinicalFields[];
  /** The PDF of each chosen municipal document, by `documentKey(origin, id)` (checked against the signed SHA-256). */
  documentFiles?: ReadonlyMap<string, Uint8Array>;
  /** The citizen's own files by vault id. */
  attachments?: ReadonlyMap<string, AttachmentSource>;
  signatures: ReadonlyMap<string, SignatureFields>;
  municipalityName: (origin: string) => string;
}

/** How ShareSources.documentFiles keys a municipal document. */
export const documentKey = (origin: string, documentId: string): string => `${origin}\u0000${documentId}`;

/** What a bundle media type may be (src/bundle/schemas.ts); anything else goes as octet-stream. */
const BUNDLE_MEDIA_TYPE = /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/;

export interface BuiltShare {
  items: ScopeItem[];
  data: Record<string, unknown>;
  /**
   * Standard-format copies of `data` under `files/` (transactions as CSV and OFX, activities
   * as iCalendar, health as FHIR), then the documents as their files under `files/documents/`.
   */
  files: BundleFile[];
  provenance: ProvenanceEntry[];
  categories: string[];
}

const CATEGORY: Record<SelectionItem['type'], string> = {
  note: 'notes',
  case: 'case-material',
  'case-summary': 'case-summary',
  'monthly-spending': 'spending',
  'food-budget': 'food-budget',
  transactions: 'bank-transactions',
  'health-summary': 'health',
  'health-records': 'health',
  attachment: 'own-files',
};

type CaseItem = Extract<SelectionItem, { type: 'case' }>;

/** The parts of a case that go, whole or in part. */
const chosenParts = (item: CaseItem): ReadonlySet<CasePart> => new Set([...item.parts, ...CASE_PARTS.filter((p) => item.only?.[p] !== undefined)]);

/**
 * The records of a case that go: every record of a whole part, just the named ones of a picked
 * part, in the order the vault holds them.
 * @throws {SharingError} `selection-unavailable` when a picked record is no longer in the case
 */
function chosenOfCase(source: CaseSource, item: CaseItem): Record<CasePart, MunicipalStored[]> {
  const pick = (part: CasePart): MunicipalStored[] => {
    if (item.parts.includes(part)) return source[part];
    const ids = item.only?.[part];
    if (!ids) return [];
    const wanted = new Set(ids);
    const found = source[part].filter((r) => wanted.has(r.record.id));
    if (found.length !== wanted.size) throw new SharingError('selection-unavailable', `a chosen record (${part}) is no longer in the case`);
    return found;
  };
  return { decisions: pick('decisions'), documents: pick('documents'), payments: pick('payments'), activities: pick('activities') };
}

/**
 * @param asOf today (YYYY-MM-DD): the food budget covers the whole months before it
 * @param now the instant the copies are made (an OFX file states its server time); default the start of `asOf`
 * @throws {SharingError} `selection-unavailable` when an item names a note or case that is not there
 */
export function buildShare(selection: readonly SelectionItem[], sources: ShareSources, asOf: string, now = new Date(`${asOf}T00:00:00.000Z`)): BuiltShare {
  const items: ScopeItem[] = [];
  const data: Record<string, unknown[]> = {};
  const add = (key: string, value: unknown) => (data[key] ??= []).push(value);
  const documents: BundleFile[] = [];
  const taken = new Set<string>();
  const municipal = new Map<string, MunicipalProvenance>();
  const citizenCovers = new Map<string, Set<string>>();
  const citizen = (source: string, key: string) => {
    const set = citizenCovers.get(source) ?? new Set<string>();
    set.add(key);
    citizenCovers.set(source, set);
  };

  for (const item of selection) {
    switch (item.type) {
      case 'note': {
        const note = sources.notes.get(item.noteId);
        if (!note) throw new SharingError('selection-unavailable', 'a chosen note is no longer in the vault');
        add('notes', { title: note.title, body: note.body, createdAt: note.createdAt, updatedAt: note.updatedAt });
        citizen('Borgerens egne noter / the citizen\u2019s own notes', 'notes');
        items.push({ type: 'note', label: note.title, counts: { notes: 1 } });
        break;
      }
      case 'case': {
        const source = sources.cases.get(item.caseId);
        if (!source) throw new SharingError('selection-unavailable', 'a chosen case is no longer in the vault');
        const chosen = chosenOfCase(source, item);
        const material = caseMaterial({ case: source.case, ...chosen }, sources.signatures, sources.municipalityName);
        // The case record itself always goes: it says what the records are about (topic, number, authority).
        const shared: Record<string, unknown> = { case: material.data.case };
        const counts: Record<string, number> = {};
        const parts = chosenParts(item);
        for (const part of CASE_PARTS) {
          if (!parts.has(part)) continue;
          shared[part] = material.data[part];
          counts[part] = material.data[part].length;
        }
        // A document's PDF goes as its own file; the entry names it (the signed record itself stays as signed).
        const documentFiles: { documentId: string; title: string; file: string }[] = [];
        for (const doc of chosen.documents) {
          const r = doc.record as { id: string; title?: string; date?: string; content?: { format?: string } };
          if (r.content?.format !== 'pdf') continue;
          const bytes = sources.documentFiles?.get(documentKey(doc.provenance.origin, r.id));
          if (!bytes) throw new SharingError('selection-unavailable', 'a chosen document\u2019s file is not in the vault');
          const path = documentPath(`${r.date ?? ''} ${r.title ?? r.id}`, 'pdf', taken);
          documents.push({ path, mediaType: 'application/pdf', bytes });
          documentFiles.push({ documentId: r.id, title: String(r.title ?? ''), file: path });
        }
        if (documentFiles.length > 0) shared.documentFiles = documentFiles;
        add('cases', shared);
        for (const group of material.provenance) {
          const existing = municipal.get(group.jws);
          if (existing) existing.records.push(...group.records);
          else municipal.set(group.jws, { ...group, records: [...group.records] });
        }
        const record = source.case.record as { kle?: { code?: string; title?: string }; title?: string; caseNumber?: string };
        items.push({
          type: 'case',
          label: `${record.kle?.code ?? ''} ${record.title ?? ''}`.trim(),
          counts,
          details: [record.caseNumber ?? ''],
          ...(record.kle?.code ? { topic: { code: record.kle.code, title: record.kle.title ?? record.title ?? '' } } : {}),
          // In the wizard's order: part by part, newest first.
          entries: CASE_PARTS.flatMap((part) =>
            chosen[part]
              .map(caseRecordLabel)
              .sort(newestFirst)
              .map((label) => ({ part, ...label })),
          ),
        });
        break;
      }
      case 'case-summary': {
        const source = sources.cases.get(item.caseId);
        if (!source) throw new SharingError('selection-unavailable', 'a chosen case is no longer in the vault');
        const view = caseSummaryView(source, asOf);
        add('caseSummaries', view);
        citizen('Resumé lavet af borgerens Handlerum ud fra sagens data / summary made by the citizen\u2019s Handlerum from the case data', 'caseSummaries');
        items.push({
          type: 'case-summary',
          label: view.title,
          counts: { points: view.points.length, documents: view.covers.length },
          details: view.covers.slice(0, 100).map((c) => `${c.date} ${c.documentTitle}`.slice(0, 100)),
        });
        break;
      }
      case 'monthly-spending': {
        if (item.from > item.to) throw new SharingError('selection-unavailable', 'the period ends before it starts');
        const view = monthlySpendingPerCategory(sources.transactions, item.from, item.to);
        add('monthlySpending', view);
        citizen('Bankudtog importeret af borgeren / bank statements imported by the citizen', 'monthlySpending');
        const categories = new Set(view.months.flatMap((m) => Object.keys(m.byCategory)));
        items.push({
          type: 'monthly-spending',
          label: `${item.from} – ${item.to}`,
          counts: { months: monthsBetween(item.from, item.to).length, categories: categories.size },
        });
        break;
      }
      case 'food-budget': {
        add('foodBudget', monthlyFoodBudget(sources.transactions, item.months, asOf));
        citizen('Bankudtog importeret af borgeren / bank statements imported by the citizen', 'foodBudget');
        items.push({ type: 'food-budget', label: '', counts: { months: item.months } });
        break;
      }
      case 'transactions': {
        if (item.from > item.to) throw new SharingError('selection-unavailable', 'the period ends before it starts');
        const { rows, accounts } = selectTransactions(sources.transactions, item, sources.accounts);
        add('transactions', { from: item.from, to: item.to, categories: item.categories, fields: item.fields, ...(accounts ? { accounts } : {}), rows });
        citizen('Bankudtog importeret af borgeren / bank statements imported by the citizen', 'transactions');
        items.push({
          type: 'transactions',
          label: `${item.from} – ${item.to}`,
          counts: { transactions: rows.length },
          details: [...item.fields, ...item.categories],
        });
        break;
      }
      case 'health-summary': {
        const summary = healthSummary(sources.health, item.kind, item.from, item.to);
        add('health', summary);
        citizen('Sundhedsdata importeret af borgeren / health data imported by the citizen', 'health');
        items.push({
          type: 'health-summary',
          label: item.kind,
          counts: { months: summary.months.length, days: summary.months.reduce((s, m) => s + m.days, 0) },
        });
        break;
      }
      case 'health-records': {
        if (item.from > item.to) throw new SharingError('selection-unavailable', 'the period ends before it starts');
        const records = selectHealthRecords(
          { daily: sources.health, observations: sources.healthObservations ?? [], clinical: sources.healthClinical ?? [] },
          item,
        );
        add('healthRecords', records);
        citizen('Sundhedsdata importeret af borgeren / health data imported by the citizen', 'healthRecords');
        const counts: Record<string, number> = {};
        if (records.daily) counts.days = records.daily.reduce((n, g) => n + g.days.length, 0);
        if (records.observations) counts.observations = records.observations.length;
        if (records.clinical) counts.clinical = records.clinical.length;
        items.push({
          type: 'health-records',
          label: `${item.from} – ${item.to}`,
          counts,
          details: [...item.metrics, ...(item.observations ? ['observations'] : []), ...item.clinical],
        });
        break;
      }
      case 'attachment': {
        const file = sources.attachments?.get(item.attachmentId);
        if (!file) throw new SharingError('selection-unavailable', 'a chosen file is no longer in the vault');
        const dot = file.fileName.lastIndexOf('.');
        const path = documentPath(dot > 0 ? file.fileName.slice(0, dot) : file.fileName, dot > 0 ? file.fileName.slice(dot + 1) : 'bin', taken);
        const mediaType = BUNDLE_MEDIA_TYPE.test(file.mediaType.toLowerCase()) ? file.mediaType.toLowerCase() : 'application/octet-stream';
        documents.push({ path, mediaType, bytes: file.bytes });
        add('attachments', { fileName: file.fileName, mediaType, size: file.bytes.length, sha256: file.sha256, file: path });
        citizen('Borgerens egne filer / the citizen\u2019s own files', 'attachments');
        items.push({ type: 'attachment', label: file.fileName, counts: { bytes: file.bytes.length } });
        break;
      }
    }
  }

  const provenance: ProvenanceEntry[] = [
    ...municipal.values(),
    ...[...citizenCovers].map(([source, covers]) => ({ attestedBy: 'citizen' as const, source: source.slice(0, 200), covers: [...covers] })),
  ];
  const categories = [...new Set(selection.map((i) => CATEGORY[i.type]))];
  return { items, data, files: [...standardCopies(data, now), ...documents], provenance, categories };
}
