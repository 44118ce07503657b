/**
 * One citizen's synthetic data, and a builder that keeps ids, timestamps and cross-links
 * consistent while a persona is written.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type {
  AccessLogEntry,
  Activity,
  Appointment,
  Case,
  CaseStatus,
  Citizen,
  Contact,
  Deadline,
  Decision,
  Document,
  Payment,
  RecordOf,
  ResourceName,
} from '../../municipal/api/schemas';
import { at, type IsoDate } from './dates';
import type { KleCatalog } from './kle';
import { AUTHORITY, SOURCES, UNITS, type SourceKey, type UnitKey } from './municipality';
import { makePdf } from './pdf';
import { Prng } from './prng';
import { toBase64Url } from '../../shared/base64url';

export type ResourceRecords = { [R in ResourceName]: RecordOf<R>[] };

export interface CitizenDataset {
  readonly citizen: Citizen;
  readonly records: ResourceRecords;
  /** PDF bytes by document id. */
  readonly pdfs: ReadonlyMap<string, Uint8Array>;
}

export interface BuildContext {
  /** The anchor day the data is written around. */
  readonly today: IsoDate;
  readonly kle: KleCatalog;
  /** Absolute base URL of the server, for links such as "change this appointment". */
  readonly baseUrl: string;
}

type Omitted = 'type' | 'id' | 'version' | 'updatedAt';
type Dist<T> = T extends unknown ? Omit<T, Omitted | 'kind'> : never;

export interface CaseSpec {
  kle: string;
  title?: string;
  unit: UnitKey;
  caseworker?: Contact;
  representatives?: Case['representatives'];
  /** Status steps, oldest first: [status, date, time?, note?]. */
  steps: readonly (readonly [CaseStatus, IsoDate, string?, string?])[];
  closedAt?: IsoDate;
}

export class DatasetBuilder {
  readonly rng: Prng;
  private readonly records: ResourceRecords = {
    cases: [],
    decisions: [],
    payments: [],
    activities: [],
    documents: [],
    'access-log': [],
  };
  private readonly pdfs = new Map<string, Uint8Array>();
  private caseCounter = 0;

  constructor(
    readonly prefix: string,
    readonly ctx: BuildContext,
  ) {
    this.rng = new Prng(`municipality:${prefix}`);
  }

  get today(): IsoDate {
    return this.ctx.today;
  }

  /** A timestamp for "last changed": the given day, but never after the anchor day. */
  stamp(date: IsoDate, time = '08:00'): string {
    return at(date > this.today ? this.today : date, time);
  }

  private nextId(short: string, list: unknown[]): string {
    return `${this.prefix}-${short}-${String(list.length + 1).padStart(4, '0')}`;
  }

  addCase(spec: CaseSpec): Case {
    const first = spec.steps[0];
    const last = spec.steps[spec.steps.length - 1];
    if (!first || !last) throw new RangeError('a case needs at least one status step');
    this.caseCounter += 1;
    const kle = this.ctx.kle.ref(spec.kle);
    const history = spec.steps.map(([status, date, time, note]) => ({
      status,
      at: at(date, time ?? '09:00'),
      ...(note ? { note } : {}),
    }));
    const record: Case = {
      type: 'case',
      id: this.nextId('sag', this.records.cases),
      version: 1,
      updatedAt: history[history.length - 1]!.at,
      caseNumber: `${first[1].slice(0, 4)}-${spec.kle.replaceAll('.', '')}-${String((this.caseCounter * 7919) % 100000).padStart(5, '0')}`,
      title: spec.title ?? kle.title,
      kle,
      status: last[0],
      statusHistory: history,
      openedAt: first[1],
      ...(spec.closedAt ? { closedAt: spec.closedAt } : {}),
      authority: { ...AUTHORITY },
      unit: { ...UNITS[spec.unit] },
      ...(spec.caseworker ? { caseworker: spec.caseworker } : {}),
      representatives: spec.representatives ?? [],
    };
    this.records.cases.push(record);
    return record;
  }

  addDecision(spec: Omit<Decision, Omitted>): Decision {
    const record: Decision = {
      type: 'decision',
      id: this.nextId('afg', this.records.decisions),
      version: 1,
      updatedAt: this.stamp(spec.decidedAt, '14:00'),
      ...spec,
    };
    this.records.decisions.push(record);
    return record;
  }

  addPayment(spec: Omit<Payment, Omitted | 'payer'> & { payer?: Payment['payer'] }): Payment {
    const record: Payment = {
      type: 'payment',
      id: this.nextId('udb', this.records.payments),
      version: 1,
      updatedAt: this.stamp(spec.status === 'scheduled' ? spec.period.from : spec.payoutDate, '06:00'),
      payer: spec.payer ?? { ...AUTHORITY },
      ...spec,
    };
    this.records.payments.push(record);
    return record;
  }

  private activityStatus(when: IsoDate, status?: Activity['status']): Activity['status'] {
    return status ?? (when < this.today ? 'completed' : 'planned');
  }

  addAppointment(
    spec: Omit<Dist<Appointment>, 'status' | 'source' | 'changeUrl'> & {
      source: SourceKey;
      status?: Activity['status'];
      changeable?: boolean;
    },
  ): Appointment {
    const id = this.nextId('akt', this.records.activities);
    const { source, changeable, status, ...rest } = spec;
    const day = spec.startsAt.slice(0, 10);
    const record: Appointment = {
      type: 'activity',
      id,
      version: 1,
      updatedAt: this.stamp(day < this.today ? day : this.subtractDays(day, 21)),
      kind: 'appointment',
      ...rest,
      status: this.activityStatus(day, status),
      source: { ...SOURCES[source] },
      ...(changeable ? { changeUrl: `${this.ctx.baseUrl}/selvbetjening/aftaler/${id}` } : {}),
    };
    this.records.activities.push(record);
    return record;
  }

  addDeadline(spec: Omit<Dist<Deadline>, 'status' | 'source' | 'changeUrl'> & { source: SourceKey; status?: Activity['status'] }): Deadline {
    const { source, status, ...rest } = spec;
    const day = spec.dueAt.slice(0, 10);
    const record: Deadline = {
      type: 'activity',
      id: this.nextId('akt', this.records.activities),
      version: 1,
      updatedAt: this.stamp(this.subtractDays(day, 14)),
      kind: 'deadline',
      ...rest,
      status: this.activityStatus(day, status),
      source: { ...SOURCES[source] },
    };
    this.records.activities.push(record);
    return record;
  }

  /** A text document or journal note. */
  addText(spec: Omit<Document, Omitted | 'content'> & { text: string }): Document {
    const { text, ...rest } = spec;
    const record: Document = {
      type: 'document',
      id: this.nextId('dok', this.records.documents),
      version: 1,
      updatedAt: this.stamp(spec.date, '15:00'),
      ...rest,
      content: { format: 'text', text },
    };
    this.records.documents.push(record);
    return record;
  }

  /** A letter as PDF: the record carries the PDF's digest, the bytes are served separately. */
  addPdf(spec: Omit<Document, Omitted | 'content'> & { paragraphs: readonly string[] }): Document {
    const { paragraphs, ...rest } = spec;
    const id = this.nextId('dok', this.records.documents);
    const bytes = makePdf(spec.title, [`${AUTHORITY.name} · ${spec.date}`, ...paragraphs]);
    this.pdfs.set(id, bytes);
    const record: Document = {
      type: 'document',
      id,
      version: 1,
      updatedAt: this.stamp(spec.date, '15:00'),
      ...rest,
      content: {
        format: 'pdf',
        href: `/citizen/v1/documents/${id}/content`,
        sha256: toBase64Url(sha256(bytes)),
        bytes: bytes.length,
      },
    };
    this.records.documents.push(record);
    return record;
  }

  addAccess(spec: Omit<AccessLogEntry, Omitted>): AccessLogEntry {
    const record: AccessLogEntry = {
      type: 'access-log-entry',
      id: this.nextId('log', this.records['access-log']),
      version: 1,
      updatedAt: spec.at,
      ...spec,
    };
    this.records['access-log'].push(record);
    return record;
  }

  private subtractDays(day: IsoDate, days: number): IsoDate {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    const out = d.toISOString().slice(0, 10);
    return out > this.today ? this.today : out;
  }

  build(citizen: Citizen): CitizenDataset {
    // Logs and activities read best in time order; ids were given in writing order.
    return { citizen, records: this.records, pdfs: this.pdfs };
  }
}

/** Danish amounts in øre: kr(12553) → { ore: 1255300, currency: 'DKK' }. */
export const kr = (kroner: number) => ({ ore: Math.round(kroner * 100), currency: 'DKK' as const });

/** A CPR-shaped number for a synthetic person (century digit and sex parity follow the CPR rules). */
export function syntheticCpr(birthDate: IsoDate, sex: 'female' | 'male', serial: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const century = Number(y) >= 2000 ? 5 : 1;
  const rest = String((serial * 37) % 100).padStart(2, '0');
  let last = serial % 10;
  if ((last % 2 === 1) !== (sex === 'male')) last = (last + 1) % 10;
  return `${d}${m}${y.slice(2)}-${century}${rest}${last}`;
}
