/**
 * Statement files with several accounts: a camt.053 with a `Stmt` per account (one account in
 * two statements), and OFX with two bank statements and a card statement. Every row and every
 * statement issue names its account; the file lists its accounts once each, in file order.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBankFile, transactionKeys } from '../../src/importers/bank/index';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);
const parse = (s: string) => parseBankFile(utf8(s), { today: '2026-04-01' });

const CURRENT = 'DK5000400440116243';
const SAVINGS = '3409-1234567890';

describe('camt.053 with a statement per account', () => {
  it('lists each account once, in file order, with its currency; every row names its account', () => {
    const s = parse(text('camt053-04-multi.xml'));
    expect(s.format.id).toBe('camt053');
    expect(s.accountId).toBeUndefined();
    // The current account's statement names its bank by BIC (DABADKKK); the savings one names none.
    expect(s.accounts).toEqual([
      { id: CURRENT, currency: 'DKK', bank: 'Danske Bank' },
      { id: SAVINGS, currency: 'DKK' },
    ]);
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.text, t.account, t.sourceId ?? null, t.pending])).toEqual([
      ['2026-03-02', 1500000, 'Løn marts', CURRENT, '2026030200017', false],
      ['2026-03-03', -28950, 'Føtex Århus C', CURRENT, '2026031500001', false],
      ['2026-03-05', -50000, 'Overførsel opsparing', CURRENT, null, false],
      ['2026-03-05', 50000, 'Overførsel opsparing', SAVINGS, null, false],
      ['2026-03-16', -750000, 'Husleje april', CURRENT, '2026031600004', false],
      ['2026-03-20', -14995, 'Apoteket Åboulevarden', CURRENT, '2026032000009', false],
      ['2026-03-31', 1234, 'Rente 1. kvartal', SAVINGS, '2026031500001', false],
      ['2026-03-31', -4500, 'Dankort Bageriet Ærø', SAVINGS, null, true],
    ]);
    // Balances chain per statement: no warning; the INFO entry is the current account's.
    expect(s.issues.map((i) => [i.code, i.account])).toEqual([['info-entry', CURRENT]]);
  });

  it('a statement’s unreadable row and its balance that does not add up name that statement’s account', () => {
    const broken = text('camt053-04-multi.xml')
      .replace('<Amt Ccy="DKK">12.34</Amt>', '<Amt Ccy="DKK">tolv</Amt>')
      .replace('<Amt Ccy="DKK">8560.55</Amt>', '<Amt Ccy="DKK">8000.00</Amt>');
    const s = parse(broken);
    expect(s.issues.map((i) => [i.code, i.severity, i.account])).toEqual([
      ['info-entry', 'skipped', CURRENT],
      // The savings statement's balance fails as well, since its row was skipped.
      ['bad-amount', 'skipped', SAVINGS],
      ['balance-mismatch', 'warning', SAVINGS],
      ['balance-mismatch', 'warning', CURRENT],
    ]);
    expect(s.transactions.filter((t) => t.account === SAVINGS)).toHaveLength(2);
  });

  it('the same reference in two accounts is two rows with two keys; the same file twice gives the same keys', () => {
    const s = parse(text('camt053-04-multi.xml'));
    const keys = transactionKeys('unused', s.transactions);
    expect(new Set(keys).size).toBe(s.transactions.length);
    expect(transactionKeys('unused', parse(text('camt053-04-multi.xml')).transactions)).toEqual(keys);
  });

  it('a file with one statement names its account as before', () => {
    const s = parseBankFile(new Uint8Array(readFileSync(join(DIR, 'camt053-02.xml'))), { today: '2026-04-01' });
    expect(s.accountId).toBe('DK5000400440116243');
    expect(s.accounts).toEqual([{ id: 'DK5000400440116243', currency: 'DKK' }]);
  });
});

describe('OFX with several statements', () => {
  it('1.x: two bank statements and a card statement, each row with its account, the card marked', () => {
    const s = parse(text('ofx1-multi.ofx'));
    expect(s.format.id).toBe('ofx');
    expect(s.accountId).toBeUndefined();
    expect(s.accounts).toEqual([
      { id: '4011223344', currency: 'DKK' },
      { id: '4011998877', currency: 'DKK' },
      { id: '4571XXXXXXXX1234', currency: 'DKK', card: true },
    ]);
    expect(s.transactions.map((t) => [t.date, t.amountMinor, t.text, t.account, t.sourceId])).toEqual([
      ['2026-03-02', 1500000, 'Løn marts', '4011223344', '1001'],
      ['2026-03-03', -28950, 'Føtex Århus C Dankort', '4011223344', '1002'],
      ['2026-03-05', -50000, 'Overførsel opsparing', '4011223344', '1003'],
      ['2026-03-05', 50000, 'Overførsel opsparing', '4011998877', '1001'],
      ['2026-03-10', -124900, 'SAS Billetter', '4571XXXXXXXX1234', 'CC-77'],
      ['2026-03-12', -9600, 'DSB Nørreport', '4571XXXXXXXX1234', '1001'],
      ['2026-03-31', 1234, 'Rente 1. kvartal', '4011998877', '1002'],
    ]);
    expect(s.issues).toEqual([]);
    // FITID 1001 is in all three accounts: FITIDs are unique per account only.
    expect(new Set(transactionKeys('unused', s.transactions)).size).toBe(7);
  });

  it('2.x XML: two STMTRS in one message set, and an unreadable row named by its account', () => {
    const stmt = (acct: string, rows: string) =>
      `<STMTTRNRS><TRNUID>${acct}</TRNUID><STMTRS><CURDEF>DKK</CURDEF><BANKACCTFROM><BANKID>9999</BANKID><ACCTID>${acct}</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM><BANKTRANLIST><DTSTART>20260301</DTSTART><DTEND>20260331</DTEND>${rows}</BANKTRANLIST></STMTRS></STMTTRNRS>`;
    const row = (fitid: string, date: string, amount: string, name: string) =>
      `<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>${date}</DTPOSTED><TRNAMT>${amount}</TRNAMT><FITID>${fitid}</FITID><NAME>${name}</NAME></STMTTRN>`;
    const file =
      '<?xml version="1.0" encoding="UTF-8"?><?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>' +
      `<OFX><BANKMSGSRSV1>${stmt('111', row('A', '20260302', '-10.00', 'Kiosk') + row('B', '20260303', 'ti kroner', 'Kiosk'))}${stmt('222', row('A', '20260302', '-10.00', 'Kiosk'))}</BANKMSGSRSV1></OFX>`;
    const s = parse(file);
    expect(s.accounts?.map((a) => a.id)).toEqual(['111', '222']);
    expect(s.transactions.map((t) => [t.account, t.sourceId, t.amountMinor])).toEqual([
      ['111', 'A', -1000],
      ['222', 'A', -1000],
    ]);
    expect(s.issues.map((i) => [i.code, i.account])).toEqual([['bad-amount', '111']]);
  });

  it('a file with one statement names its account as before', () => {
    const s = parseBankFile(new Uint8Array(readFileSync(join(DIR, 'ofx1-sgml.ofx'))), { today: '2026-04-01' });
    expect(s.accountId).toBe('4011223344');
    expect(s.accounts).toEqual([{ id: '4011223344', currency: 'DKK' }]);
  });
});
