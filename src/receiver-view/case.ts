/**
 * A case's material as the vault's case page tells it: what the case is about and where it
 * stands, its story, who acts for the citizen, the decisions with outcome, basis and appeal,
 * the documents as readable text (or their PDF), the payments and the appointments and deadlines.
 * The records are the municipality's as signed; every closed list is put in words.
 */
import { dateText, moneyText, textOf } from './format';
import { cellText, isObject, itemsOf, periodOf, stringsOf } from './parts';
import type { ActivityView, Block, DecisionView, DocumentView, Fact, FileItem, Link, Table } from './types';
import {
  ACTIVITY_KIND,
  ACTIVITY_STATUS,
  CASE_STATUS,
  CHANNEL,
  DIRECTION,
  DOCUMENT_KIND,
  OUTCOME,
  PAYMENT_STATUS,
  REPRESENTATIVE_BASIS,
  REPRESENTATIVE_ROLE,
  label,
  word,
  type Language,
} from './words';

type Rec = Record<string, unknown>;

/** Facts without an empty value. */
const facts = (list: (Fact | null)[]): Fact[] => list.filter((f): f is Fact => f !== null && f.value !== '');
const fact = (key: Parameters<typeof label>[0], value: string, language: Language): Fact => ({ label: label(key, language), value });

/** An http(s) address without spaces or quotes; anything else (javascript:, data:) is no link. */
const HTTP_URL = /^https?:\/\/[^\s"'<>`\\]+$/i;

/** An http(s) link from the sender, or null. */
export const linkOf = (href: unknown, text: string): Link | null => (typeof href === 'string' && HTTP_URL.test(href) ? { text, href } : null);

/** "Telefon: 72 36 41 12 (man–tor 9–12)" for each way to reach someone. */
function channels(value: unknown, language: Language): string {
  return itemsOf(value)
    .map((c) => {
      const hours = textOf(c.hours);
      const name = textOf(c.label) || word(CHANNEL, c.kind, language);
      return `${name}: ${textOf(c.value)}${hours ? ` (${hours})` : ''}`;
    })
    .join(' · ');
}

/** "Sanne Holm Petersen, Sagsbehandler, Ydelsesteamet · Telefon: …" */
function contactText(value: unknown, language: Language): string {
  if (!isObject(value)) return '';
  const who = [textOf(value.name), textOf(value.role), textOf(value.unit)].filter(Boolean).join(', ');
  const ways = channels(value.channels, language);
  return ways ? `${who} · ${ways}` : who;
}

function representative(r: Rec, language: Language): string {
  const until = typeof r.validUntil === 'string' ? ` (${label('validUntil', language, { date: dateText(r.validUntil, language) })})` : '';
  const who = [textOf(r.name), word(REPRESENTATIVE_ROLE, r.role, language), textOf(r.organisation)].filter(Boolean).join(', ');
  const ways = channels(r.channels, language);
  return `${who}, ${word(REPRESENTATIVE_BASIS, r.basis, language)}${until}${ways ? ` · ${ways}` : ''}`;
}

function decision(d: Rec, language: Language): DecisionView {
  const appeal = isObject(d.appeal) ? d.appeal : null;
  return {
    title: textOf(d.title),
    facts: facts([
      fact('outcome', word(OUTCOME, d.outcome, language), language),
      fact('decided', dateText(d.decidedAt, language), language),
      fact('effectiveFrom', dateText(d.effectiveFrom, language), language),
      fact('effectiveTo', dateText(d.effectiveTo, language), language),
    ]),
    outcomeText: textOf(d.outcomeText, true),
    legalBasis: stringsOf(d.legalBasis),
    basis: itemsOf(d.basis).map((b) =>
      b.kind === 'register' ? label('basisRegister', language, { description: textOf(b.description), register: textOf(b.register) }) : textOf(b.description),
    ),
    appeal: appeal && {
      facts: facts([
        fact('appealDeadline', dateText(appeal.deadline, language), language),
        fact('appealBody', textOf(appeal.body), language),
        fact('appealSubmitTo', textOf(appeal.submitTo), language),
      ]),
      howTo: textOf(appeal.howTo, true),
      link: linkOf(appeal.url, label('appealLink', language)),
    },
  };
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function document(d: Rec, files: ReadonlyMap<string, string>, language: Language): DocumentView {
  const content = isObject(d.content) ? d.content : {};
  const author = isObject(d.author) ? [textOf(d.author.name), textOf(d.author.unit)].filter(Boolean).join(', ') : '';
  const path = typeof d.id === 'string' ? files.get(d.id) : undefined;
  const isPdf = content.format === 'pdf';
  const pdf: FileItem | null = isPdf && path ? { name: baseName(path), path, facts: [] } : null;
  return {
    title: textOf(d.title),
    facts: facts([
      fact('date', dateText(d.date, language), language),
      fact('documentKind', word(DOCUMENT_KIND, d.kind, language), language),
      fact('direction', word(DIRECTION, d.direction, language), language),
      fact('author', author, language),
    ]),
    text: content.format === 'text' ? textOf(content.text, true) : null,
    pdf,
    pdfMissing: isPdf && !pdf,
  };
}

function payments(items: Rec[], language: Language): Table {
  const rows = [...items].sort((a, b) => String(a.payoutDate ?? '').localeCompare(String(b.payoutDate ?? '')));
  const amount = (v: unknown) => (isObject(v) ? moneyText(v.ore, v.currency, language) : '');
  const sum = (key: string) => rows.reduce((s, p) => s + (isObject(p[key]) && typeof p[key].ore === 'number' ? p[key].ore : 0), 0);
  const numeric = (l: Parameters<typeof label>[0]) => ({ label: label(l, language), numeric: true });
  const text = (l: Parameters<typeof label>[0]) => ({ label: label(l, language), numeric: false });
  return {
    caption: label('payments', language),
    columns: [text('payoutDate'), text('benefit'), text('period'), numeric('gross'), numeric('tax'), numeric('net'), text('status')],
    rowCount: rows.length,
    row: (i) => {
      const p = rows[i]!;
      const period = isObject(p.period) ? periodOf(dateText(p.period.from, language), dateText(p.period.to, language), language) : '';
      return [
        dateText(p.payoutDate, language),
        cellText(isObject(p.benefit) ? textOf(p.benefit.name) : ''),
        period,
        amount(p.gross),
        amount(p.taxWithheld),
        amount(p.net),
        word(PAYMENT_STATUS, p.status, language),
      ];
    },
    totals:
      rows.length === 0
        ? []
        : [fact('gross', moneyText(sum('gross'), 'DKK', language), language), fact('net', moneyText(sum('net'), 'DKK', language), language)],
  };
}

function place(location: unknown, language: Language): string {
  if (!isObject(location)) return '';
  const parts = [textOf(location.name), textOf(location.room), textOf(location.address)].filter(Boolean);
  if (location.online === true) parts.push(label('online', language));
  return parts.join(', ');
}

const whenOf = (a: Rec): string => String(a.kind === 'deadline' ? (a.dueAt ?? '') : (a.startsAt ?? ''));

function activity(a: Rec, language: Language): ActivityView {
  const source = isObject(a.source) ? textOf(a.source.name) : '';
  const when =
    a.kind === 'deadline'
      ? fact('due', dateText(a.dueAt, language), language)
      : fact('when', [dateText(a.startsAt, language), dateText(a.endsAt, language)].filter(Boolean).join(' – '), language);
  return {
    title: textOf(a.title),
    facts: facts([
      fact('documentKind', word(ACTIVITY_KIND, a.kind, language), language),
      when,
      fact('status', word(ACTIVITY_STATUS, a.status, language), language),
      fact('place', place(a.location, language), language),
      fact('action', textOf(a.action), language),
      fact('system', source, language),
      fact('contact', contactText(a.contact, language), language),
    ]),
    description: textOf(a.description, true),
    link: linkOf(a.changeUrl, label('changeLink', language)),
  };
}

const byDate = (key: (r: Rec) => string) => (a: Rec, b: Rec) => key(a).localeCompare(key(b));

/** One shared case (`{case, decisions?, documents?, payments?, activities?, documentFiles?}`) as a block. */
export function caseBlock(shared: Rec, language: Language): Block {
  const c = isObject(shared.case) ? shared.case : {};
  const kle = isObject(c.kle) ? [textOf(c.kle.code), textOf(c.kle.title)].filter(Boolean).join(' ') : '';
  const files = new Map<string, string>();
  for (const f of itemsOf(shared.documentFiles)) if (typeof f.documentId === 'string' && typeof f.file === 'string') files.set(f.documentId, f.file);
  const part = <T>(key: string, make: (items: Rec[]) => T): T | null => (Array.isArray(shared[key]) ? make(itemsOf(shared[key])) : null);
  const history = itemsOf(c.statusHistory).map((e) => ({
    label: dateText(e.at, language),
    value: [word(CASE_STATUS, e.status, language), textOf(e.note)].filter(Boolean).join(': '),
  }));
  const title = textOf(c.title) || kle;
  return {
    kind: 'case',
    heading: title,
    view: {
      title,
      facts: facts([
        fact('caseNumber', textOf(c.caseNumber), language),
        fact('kle', kle, language),
        fact('status', word(CASE_STATUS, c.status, language), language),
        fact('opened', dateText(c.openedAt, language), language),
        fact('closed', dateText(c.closedAt, language), language),
        fact('unit', isObject(c.unit) ? [textOf(c.unit.name), textOf(c.unit.department)].filter(Boolean).join(', ') : '', language),
        fact('authority', isObject(c.authority) ? textOf(c.authority.name) : '', language),
        fact('caseworker', contactText(c.caseworker, language), language),
      ]),
      history,
      representatives: itemsOf(c.representatives).map((r) => representative(r, language)),
      decisions: part('decisions', (items) => [...items].sort(byDate((d) => String(d.decidedAt ?? ''))).map((d) => decision(d, language))),
      documents: part('documents', (items) => [...items].sort(byDate((d) => String(d.date ?? ''))).map((d) => document(d, files, language))),
      payments: part('payments', (items) => payments(items, language)),
      activities: part('activities', (items) => [...items].sort(byDate(whenOf)).map((a) => activity(a, language))),
    },
  };
}
