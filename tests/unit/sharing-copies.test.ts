/**
 * A share of raw bank transactions carries them three times: typed in data.json, as CSV for a
 * Danish spreadsheet and as OFX 2.2 for budget programs. Made through the real sharing service
 * and opened with the receiver SDK: the copies are listed and hashed in the signed manifest,
 * the approval screen names them first, and each copy — read back by independent parsers and
 * by the vault's own bank importer — holds exactly data.json's rows (same count, same amounts
 * in øre, same dates) and nothing the citizen left out.
 */
import Papa from 'papaparse';
import { SaxesParser } from 'saxes';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import { parseBankFile } from '../../src/importers/bank/index';
import { open, verify, type BundleFile } from '../../src/receiver/sdk';
import { TRANSACTION_COPY_PATHS } from '../../src/sharing/standard-copies';
import { bankRow, SHARING_NOW, sharingHarness, type SharingHarness } from './support/sharing-harness';
import { toBase64Url } from '../../src/shared/base64url';

const ROWS = [
  bankRow('2026-01-05', -45_000, 'groceries', 'NETTO VESTERÅ; kasse 2', 1),
  bankRow('2026-01-20', -30_050, 'groceries', 'FØTEX "Aarhus"', 2),
  bankRow('2026-02-03', -5, 'groceries', 'REMA 1000', 3),
  bankRow('2026-02-10', -99_900, 'rent', 'HUSLEJE', 4),
  bankRow('2026-02-11', 1_200_000, 'income', 'KONTANTHJÆLP', 5),
  { ...bankRow('2026-02-12', -1_000, 'groceries', 'IRMA (afventer)', 6), pending: true },
];

type TxRow = { date?: string; amountMinor?: number; currency?: string; text?: string; category?: string };

async function share(h: SharingHarness, item: Record<string, unknown>) {
  const them = generateIdentity();
  const recipient = await h.call('recipientAdd', { profileId: h.profileId, source: 'paste', text: them.recipient, name: 'Budgetværktøj' });
  await h.call('writeRecords', { ops: ROWS.map((data) => ({ op: 'put', profileId: h.profileId, kind: 'bank-transaction', data })) });
  const request = {
    profileId: h.profileId,
    recipientId: recipient.id,
    purpose: 'Budget',
    selection: { items: [item] },
    expiry: { kind: 'date', date: '2026-06-30' },
  };
  const preview = await h.call('sharePreview', request);
  const created = await h.call('shareCreate', request);
  const bytes = await h.download(created);
  const opened = await open(bytes, { identity: them.identity, now: new Date(SHARING_NOW + 1000) });
  if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
  const summary = await verify(bytes, { identity: them.identity, now: new Date(SHARING_NOW + 1000) });
  if (!summary.ok) throw new Error(summary.reason);
  return { preview, opened, summary, bytes };
}

const file = (files: BundleFile[], path: string) => files.find((f) => f.path === path);
const text = (f: BundleFile) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes);

/** `-1.234,5` is refused: exactly an optional minus, digits, a comma and two decimals. */
function danishOre(amount: string): number {
  const m = /^(-?)(\d+),(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not a Danish amount with two decimals: ${amount}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}
function ofxOre(amount: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not an OFX amount with '.' decimals: ${amount}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

/** The text of every element in an OFX file's body, by element name; throws if it is not well-formed XML. */
function ofxElements(xml: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const stack: string[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (t) => stack.push(t.name));
  parser.on('closetag', () => stack.pop());
  parser.on('text', (value) => {
    const name = stack.at(-1);
    if (name && value.trim()) (out[name] ??= []).push(value);
  });
  parser.write(xml.slice(xml.indexOf('<OFX>'))).close();
  return out;
}

describe('a share of raw transactions', () => {
  it('carries CSV and OFX copies, listed and hashed in the signed manifest and named on the approval screen', async () => {
    const h = await sharingHarness();
    const { preview, opened, summary } = await share(h, {
      type: 'transactions',
      from: '2026-01-01',
      to: '2026-02-28',
      categories: [],
      fields: ['date', 'amount', 'text', 'category'],
    });
    const paths = [TRANSACTION_COPY_PATHS.csv, TRANSACTION_COPY_PATHS.ofx];
    expect(preview.files.map((f) => f.path)).toEqual(paths);
    expect(opened.files.map((f) => [f.path, f.mediaType])).toEqual([
      [TRANSACTION_COPY_PATHS.csv, 'text/csv;charset=utf-8'],
      [TRANSACTION_COPY_PATHS.ofx, 'application/x-ofx'],
    ]);
    for (const f of opened.files) {
      const listed = opened.manifest.files.find((m) => m.path === f.path)!;
      expect(listed).toMatchObject({ size: f.bytes.length, sha256: toBase64Url(sha256(f.bytes)) });
      expect(preview.files.find((p) => p.path === f.path)?.size).toBe(f.bytes.length);
    }
    expect(summary.summary.files.map((f) => f.path)).toEqual(['data.json', 'consent.json', 'provenance.json', ...paths]);
  });

  it('gives a CSV with data.json\u2019s rows: BOM, semicolons, decimal commas; read by PapaParse and by the vault\u2019s importer', async () => {
    const h = await sharingHarness();
    const { opened } = await share(h, { type: 'transactions', from: '2026-01-01', to: '2026-02-28', categories: [], fields: ['date', 'amount', 'text'] });
    const rows = (opened.data.transactions as { rows: TxRow[] }[])[0]!.rows;
    expect(rows).toHaveLength(5); // the pending row stays home
    const csv = file(opened.files, TRANSACTION_COPY_PATHS.csv)!;
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(text(csv).slice(1).trimEnd(), { header: true, delimiter: ';', newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['date', 'value_date', 'amount', 'currency', 'text', 'counterparty', 'balance', 'pending', 'id', 'account', 'category']);
    expect(parsed.data).toHaveLength(rows.length);
    expect(parsed.data.map((r) => danishOre(r.amount!))).toEqual(rows.map((r) => r.amountMinor));
    expect(parsed.data.map((r) => r.date)).toEqual(rows.map((r) => r.date));
    expect(parsed.data.map((r) => r.text)).toEqual(rows.map((r) => r.text));
    // Nothing the citizen did not choose: no balance, counterparty, bank id or account.
    for (const r of parsed.data) expect([r.balance, r.counterparty, r.id, r.account, r.value_date, r.category]).toEqual(['', '', '', '', '', '']);

    const statement = parseBankFile(csv.bytes, {
      mapping: { delimiter: ';', hasHeader: true, date: 0, text: 4, amount: 2, dateStyle: 'YYYY-MM-DD', decimal: ',' },
      today: '2026-03-15',
    });
    expect(statement.issues).toEqual([]);
    expect(statement.transactions.map((t) => [t.date, t.amountMinor, t.text])).toEqual(rows.map((r) => [r.date, r.amountMinor, r.text]));
  });

  it('gives an OFX 1.02 file with data.json\u2019s rows, amounts with \u2018.\u2019 decimals; read by an XML parser and by the vault\u2019s importer', async () => {
    const h = await sharingHarness();
    const { opened } = await share(h, { type: 'transactions', from: '2026-01-01', to: '2026-02-28', categories: [], fields: ['date', 'amount', 'text'] });
    const rows = (opened.data.transactions as { rows: TxRow[] }[])[0]!.rows;
    const ofx = text(file(opened.files, TRANSACTION_COPY_PATHS.ofx)!);
    expect(ofx.split('\r\n').slice(0, 6)).toEqual(['OFXHEADER:100', 'DATA:OFXSGML', 'VERSION:102', 'SECURITY:NONE', 'ENCODING:UTF-8', 'CHARSET:NONE']);
    const el = ofxElements(ofx);
    expect(el.TRNAMT).toHaveLength(rows.length);
    expect(el.TRNAMT!.map(ofxOre)).toEqual(rows.map((r) => r.amountMinor));
    expect(el.DTPOSTED).toEqual(rows.map((r) => `${r.date!.replace(/-/g, '')}120000`));
    expect(el.TRNTYPE).toEqual(rows.map((r) => (r.amountMinor! < 0 ? 'DEBIT' : 'CREDIT')));
    expect(el.CURDEF).toEqual(['DKK']);
    expect(new Set(el.FITID).size).toBe(rows.length);
    expect(el.DTSERVER).toEqual(['20260315100000']);
    // No balance was shared: OFX requires one, so it is a 0.00 placeholder; the account is not the citizen's.
    expect(el.BALAMT).toEqual(['0.00']);
    expect(el.ACCTID).toEqual(['unknown']);

    const statement = parseBankFile(new TextEncoder().encode(ofx), { today: '2026-03-15' });
    expect(statement.issues).toEqual([]);
    expect(statement.transactions.map((t) => [t.date, t.amountMinor])).toEqual(rows.map((r) => [r.date, r.amountMinor]));
  });

  it('leaves the texts out of every copy when the citizen left them out of the share', async () => {
    const h = await sharingHarness();
    const { opened, bytes } = await share(h, {
      type: 'transactions',
      from: '2026-01-01',
      to: '2026-02-28',
      categories: ['groceries'],
      fields: ['date', 'amount'],
    });
    const rows = (opened.data.transactions as { rows: TxRow[] }[])[0]!.rows;
    expect(rows.map((r) => r.amountMinor)).toEqual([-45_000, -30_050, -5]);
    const csv = Papa.parse<Record<string, string>>(text(file(opened.files, TRANSACTION_COPY_PATHS.csv)!).slice(1).trimEnd(), {
      header: true,
      delimiter: ';',
      newline: '\r\n',
    });
    expect(csv.data.map((r) => [danishOre(r.amount!), r.text])).toEqual(rows.map((r) => [r.amountMinor, '']));
    const ofx = text(file(opened.files, TRANSACTION_COPY_PATHS.ofx)!);
    expect(ofxElements(ofx).TRNAMT!.map(ofxOre)).toEqual(rows.map((r) => r.amountMinor));
    expect(ofx).not.toMatch(/<NAME>|<MEMO>/);
    const everything = `${JSON.stringify(opened.data)}${opened.files.map(text).join('')}`;
    for (const secret of ['NETTO', 'FØTEX', 'REMA', 'HUSLEJE', 'KONTANTHJÆLP', 'Modpart', 'BANKREF', 'acct-4711', '12345,67', '12345.67'])
      expect(everything).not.toContain(secret);
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('names the account, with the citizen\u2019s name and its number, only when the citizen chooses the account field', async () => {
    const account = { label: 'Budgetkonto; "fælles"', accountNumber: '4711-0000123456', formatId: 'danske-bank' };
    const withAccount = await sharingHarness();
    await withAccount.call('writeRecords', {
      ops: [{ op: 'put', profileId: withAccount.profileId, kind: 'bank-account', id: ROWS[0]!.accountId, data: account }],
    });
    const { opened, preview } = await share(withAccount, {
      type: 'transactions',
      from: '2026-01-01',
      to: '2026-02-28',
      categories: [],
      fields: ['date', 'amount', 'account'],
    });
    expect(preview.items[0]!.details).toEqual(['date', 'amount', 'account']);
    const entry = (opened.data.transactions as { accounts: unknown[]; rows: (TxRow & { account?: string })[] }[])[0]!;
    expect(entry.accounts).toEqual([{ id: '4711-0000123456', name: 'Budgetkonto; "fælles"', number: '4711-0000123456' }]);
    expect(entry.rows.map((r) => r.account)).toEqual(entry.rows.map(() => '4711-0000123456'));
    expect(ofxElements(text(file(opened.files, TRANSACTION_COPY_PATHS.ofx)!)).ACCTID).toEqual(['4711-0000123456']);
    const csv = Papa.parse<Record<string, string>>(text(file(opened.files, TRANSACTION_COPY_PATHS.csv)!).slice(1).trimEnd(), {
      header: true,
      delimiter: ';',
      newline: '\r\n',
    });
    // A spreadsheet would read the number as a date or number: it is marked as text.
    expect(csv.data.map((r) => r.account)).toEqual(entry.rows.map(() => "'4711-0000123456"));
    expect(`${JSON.stringify(opened.data)}${opened.files.map(text).join('')}`).not.toContain('acct-4711');

    const without = await sharingHarness();
    await without.call('writeRecords', { ops: [{ op: 'put', profileId: without.profileId, kind: 'bank-account', id: ROWS[0]!.accountId, data: account }] });
    const plain = await share(without, { type: 'transactions', from: '2026-01-01', to: '2026-02-28', categories: [], fields: ['date', 'amount', 'text'] });
    const everything = `${JSON.stringify(plain.opened.data)}${plain.opened.files.map(text).join('')}`;
    for (const secret of ['Budgetkonto', '0000123456']) expect(everything).not.toContain(secret);
  });

  it('carries no copies when there is nothing a bank file could say: no amounts chosen, or only a food budget', async () => {
    for (const item of [
      { type: 'transactions', from: '2026-01-01', to: '2026-02-28', categories: [], fields: ['date', 'text'] },
      { type: 'transactions', from: '2025-01-01', to: '2025-02-28', categories: [], fields: ['date', 'amount'] },
      { type: 'food-budget', months: 2 },
    ]) {
      const h = await sharingHarness();
      const { preview, opened } = await share(h, item);
      expect(preview.files, JSON.stringify(item)).toEqual([]);
      expect(opened.files, JSON.stringify(item)).toEqual([]);
    }
  });
});
