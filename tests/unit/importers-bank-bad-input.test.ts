/**
 * Files the bank importers must refuse as a whole, each with its own ImportError code, and
 * fast: a single 100 MB line fails on one scan for line breaks, not inside the CSV splitter.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectBankFile, parseBankFile, previewCsv } from '../../src/importers/bank/index';
import { MAX_FILE_BYTES } from '../../src/importers/bank/decode';
import { ImportError, type ImportErrorCode } from '../../src/importers/types';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): ImportErrorCode | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    expect(err.citizenMessage.da.length).toBeGreaterThan(10);
    expect(err.citizenMessage.en.length).toBeGreaterThan(10);
    return err.code;
  }
}

describe('files refused as a whole', () => {
  it.each([
    ['nothing', new Uint8Array(0)],
    ['white space only', utf8(' \r\n\t\n  ')],
    ['a BOM only', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['NUL padding only', new Uint8Array(64)],
  ])('%s → empty-file', (_, bytes) => {
    expect(codeOf(() => parseBankFile(bytes))).toBe('empty-file');
    expect(codeOf(() => previewCsv(bytes))).toBe('empty-file');
    expect(detectBankFile(bytes)).toBeNull();
  });

  it('binary garbage → not-text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => parseBankFile(png))).toBe('not-text');
    const controls = Uint8Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    expect(codeOf(() => parseBankFile(controls))).toBe('not-text');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(utf8('Dato;Tekst'), (b) => [b, 0]).flat()]);
    expect(codeOf(() => parseBankFile(utf16))).toBe('not-text');
  });

  it('trailing NUL padding is not content', () => {
    const bytes = new Uint8Array([...fixture('bec-headerless.csv'), 0, 0, 0, 0]);
    expect(parseBankFile(bytes).transactions).toHaveLength(3);
  });

  it('a header already damaged upstream (U+FFFD for ø) → damaged-encoding', () => {
    const damaged = utf8('"Dato";"Tekst";"Bel\uFFFDb";"Saldo";"Status";"Afstemt"\r\n"01.02.2025";"N\uFFFDrrebro";"-1,00";"1,00";"Udført";"Nej"\r\n');
    expect(codeOf(() => parseBankFile(damaged))).toBe('damaged-encoding');
    expect(codeOf(() => previewCsv(damaged))).toBe('damaged-encoding');
  });

  it('Windows-1252 bytes are never read as broken UTF-8', () => {
    // 0xF8 is ø in Windows-1252 and invalid in UTF-8: the header must still match.
    const s = parseBankFile(fixture('danske-bank.csv'));
    expect(s.format.id).toBe('danske-bank');
    expect(s.transactions.some((t) => t.text.includes('\uFFFD'))).toBe(false);
  });

  it('mixed delimiters → malformed with a clear message', () => {
    const header = utf8('Dato;Tekst,Beløb;Saldo\n01.02.2025;A;-1,00;2,00\n');
    const err = (() => {
      try {
        parseBankFile(header);
      } catch (e) {
        return e as ImportError;
      }
      return null;
    })();
    expect(err?.code).toBe('malformed');
    expect(err?.citizenMessage.da).toMatch(/semikolon og komma/);
    // A known header with rows split by another delimiter.
    const rows = ['Dato;Tekst;Beløb;Saldo;Status;Afstemt', '01.02.2025,Netto,"-1,00","2,00",Udført,Nej', '02.02.2025,Netto,"-1,00","1,00",Udført,Nej'].join(
      '\n',
    );
    expect(codeOf(() => parseBankFile(utf8(rows)))).toBe('malformed');
    // One odd row among good ones is an issue, not a failure.
    const one = [
      'Dato;Tekst;Beløb;Saldo;Status;Afstemt',
      '01.02.2025;Netto;-1,00;2,00;Udført;Nej',
      '02.02.2025,Netto,-1,1,Udført,Nej',
      '03.02.2025;Netto;-1,00;1,00;Udført;Nej',
    ].join('\n');
    const s = parseBankFile(utf8(one));
    expect(s.transactions).toHaveLength(2);
    expect(s.issues.map((i) => [i.code, i.line])).toContainEqual(['mixed-delimiter', 3]);
  });

  it('a single 100 MB line → line-too-long, fast', () => {
    const big = new Uint8Array(100 * 1024 * 1024).fill(0x41);
    expect(codeOf(() => parseBankFile(big))).toBe('line-too-long');
    expect(codeOf(() => previewCsv(big))).toBe('line-too-long');
    expect(detectBankFile(big)).toBeNull();
  });

  it('a line just over 1 MiB after normal lines → line-too-long', () => {
    const text = `01-02-2025;A;-1,00;1,00\n${'x'.repeat(1024 * 1024 + 1)}\n`;
    expect(codeOf(() => parseBankFile(utf8(text)))).toBe('line-too-long');
  });

  it('over 200 MB → too-large', () => {
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(codeOf(() => parseBankFile(huge))).toBe('too-large');
  });

  it('nothing recognisable → unknown-format', () => {
    expect(codeOf(() => parseBankFile(utf8('Hello;World\nfoo;bar\n')))).toBe('unknown-format');
    expect(codeOf(() => parseBankFile(utf8('just some text\n')))).toBe('unknown-format');
    expect(detectBankFile(utf8('just some text\n'))).toBeNull();
  });

  it('a camt.053 or OFX cut short → truncated; not well-formed → malformed', () => {
    const camt = new TextDecoder().decode(fixture('camt053-02.xml'));
    expect(codeOf(() => parseBankFile(utf8(camt.slice(0, camt.length / 2))))).toBe('truncated');
    expect(codeOf(() => parseBankFile(utf8(camt.replace('<Sts>BOOK</Sts>', '<Sts>BOOK</Stx>'))))).toBe('malformed');
    const ofx = new TextDecoder('latin1').decode(fixture('ofx1-sgml.ofx'));
    expect(codeOf(() => parseBankFile(utf8(ofx.slice(0, ofx.indexOf('</BANKTRANLIST>')))))).toBe('truncated');
  });

  it('an XML file that is not a statement → unknown-format', () => {
    expect(
      codeOf(() => parseBankFile(utf8('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>'))),
    ).toBe('unknown-format');
  });

  it('rows that are all unreadable under a known header → issues, not rows', () => {
    const s = parseBankFile(utf8('Bogført;Tekst;Rentedato;Beløb;Saldo\nhello;x;y;z;w\n'));
    expect(s.transactions).toEqual([]);
    expect(s.issues.map((i) => i.code)).toEqual(['bad-date']);
  });

  it('a camt.053 written on one line over 1 MiB is not a "line too long"', () => {
    const camt = new TextDecoder().decode(fixture('camt053-02.xml'));
    const entry = camt.slice(camt.indexOf('<Ntry>'), camt.indexOf('</Ntry>') + '</Ntry>'.length).replace(/\n\s*/g, '');
    const oneLine = camt
      .replace(/\n\s*/g, '')
      .replace(/<Bal>.*?<\/Bal>/g, '')
      .replace(/<Ntry>.*<\/Ntry>/, entry.repeat(4000));
    const bytes = utf8(oneLine);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    expect(parseBankFile(bytes).transactions).toHaveLength(4000);
  });

  it('wrong argument types are a TypeError, not an ImportError', () => {
    expect(() => parseBankFile('text' as unknown as Uint8Array)).toThrow(TypeError);
    const bytes = utf8('a;b\n');
    expect(() => parseBankFile(bytes, { today: '31.12.2025' })).toThrow(TypeError);
    expect(() => parseBankFile(bytes, { today: '2025-02-30' })).toThrow(TypeError);
    const mapping = { delimiter: ';', hasHeader: false, date: 0, text: 1, amount: -1, dateStyle: 'DD.MM.YYYY', decimal: ',' } as const;
    expect(() => parseBankFile(bytes, { mapping })).toThrow(/mapping.amount/);
    expect(() => previewCsv(utf8('a;b'), 0)).toThrow(RangeError);
  });
});
