/**
 * Cut-off files: a download that stopped ends in the middle of a row. Every fixture is cut at
 * every byte offset and read, with and without the citizen's choice to keep the complete rows:
 * whatever comes out must be a row of the whole file, field for field — never a half row's
 * amount, balance, id or text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBankFile, type BankStatement, type BankTransaction } from '../../src/importers/bank/index';
import { ImportError } from '../../src/importers/types';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');
const FIXTURES = readdirSync(DIR).filter((f) => /\.(csv|xml|ofx)$/.test(f));
const TODAY = '2025-12-01';

const fingerprint = (t: BankTransaction): string => JSON.stringify(Object.entries(t).sort(([a], [b]) => (a < b ? -1 : 1)));

function read(bytes: Uint8Array, keepCompleteRows: boolean): BankStatement | ImportError {
  try {
    return parseBankFile(bytes, { today: TODAY, keepCompleteRows });
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('a file cut at every byte offset stores no row that differs from the whole file', () => {
  for (const name of FIXTURES) {
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, name)));
      const whole = parseBankFile(bytes, { today: TODAY });
      const rows = new Set(whole.transactions.map(fingerprint));
      let cutSeen = 0;
      for (let at = 1; at < bytes.length; at++) {
        for (const keep of [false, true]) {
          const out = read(bytes.subarray(0, at), keep);
          if (out instanceof ImportError) {
            if (out.completeRows !== undefined) cutSeen++;
            continue;
          }
          for (const tx of out.transactions) expect(rows.has(fingerprint(tx)), `${name} cut at ${at}: line ${tx.line}`).toBe(true);
        }
      }
      // Sanity: the test did meet cut rows in CSV files (XML and OFX end in an error instead).
      if (name.endsWith('.csv')) expect(cutSeen).toBeGreaterThan(0);
    });
  }
});

describe('cut-off CSV files', () => {
  const NORDEA =
    'Bogføringsdato;Beløb;Afsender;Modtager;Navn;Beskrivelse;Saldo;Valuta;Afstemt;\n' +
    '2025/03/04;-349,50;1234567890;;;Netto;8812,40;DKK;;\n' +
    '2025/03/05;-64,00;1234567890;;;Bager;8748,40;DKK;;\n';
  const BEC = '28-02-2025;Aldi;-156,25;3843,75\n27-02-2025;Shell;-400,00;4000,00\n26-02-2025;Jobcenter;4400,00;4400,00';

  it('an unquoted row cut inside its amount is refused with a plain message, and says how many rows are whole', () => {
    const cut = NORDEA.slice(0, NORDEA.lastIndexOf('-64,00') + 2);
    const err = read(utf8(cut), false);
    expect(err).toBeInstanceOf(ImportError);
    const e = err as ImportError;
    expect(e.code).toBe('truncated');
    expect(e.completeRows).toBe(1);
    expect(e.citizenMessage.da).toContain('afskåret');
    expect(e.citizenMessage.da).toContain('linje 3');
    expect(e.citizenMessage.en).toContain('cut off');
  });

  it('by explicit choice the complete rows are read and the cut one is left out with an issue', () => {
    const cut = NORDEA.slice(0, NORDEA.lastIndexOf('-64,00') + 2);
    const s = parseBankFile(utf8(cut), { today: TODAY, keepCompleteRows: true });
    expect(s.transactions.map((t) => t.amountMinor)).toEqual([-34950]);
    expect(s.issues.map((i) => [i.code, i.line])).toContainEqual(['cut-off-row', 3]);
  });

  it('a headerless file without a final line break: a balance cut short is caught by its decimals', () => {
    expect(parseBankFile(utf8(BEC), { today: TODAY }).transactions).toHaveLength(3);
    for (const cutAt of ['4400,0', '4400,', '4400', '44']) {
      const cut = BEC.slice(0, BEC.lastIndexOf('4400,00') + cutAt.length);
      expect((read(utf8(cut), false) as ImportError).code, cutAt).toBe('truncated');
    }
  });

  it('a quoted row cut inside a quote is a cut-off file, not only an unclosed quote', () => {
    const danske = '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"\r\n"03.02.2025";"Føtex";"-187,45";"12.340,10";"Udført";"Nej"\r\n"04.02.2025";"Netto";"-1';
    const err = read(utf8(danske), false) as ImportError;
    expect(err.code).toBe('truncated');
    const kept = parseBankFile(utf8(danske), { today: TODAY, keepCompleteRows: true });
    expect(kept.transactions).toHaveLength(1);
    expect(kept.issues.map((i) => i.code)).not.toContain('bad-quotes');
  });

  it('a UTF-8 file cut inside ø stays UTF-8 (no Ã¸ in the rows before) and is cut off', () => {
    const text =
      'Bogføringsdato;Beløb;Afsender;Modtager;Navn;Beskrivelse;Saldo;Valuta;Afstemt;\n2025/03/04;-349,50;1;;;Nørrebro;8812,40;DKK;;\n2025/03/05;-64,00;1;;;Nø';
    const bytes = utf8(text);
    const cut = bytes.subarray(0, bytes.length - 1);
    expect((read(cut, false) as ImportError).code).toBe('truncated');
    const kept = parseBankFile(cut, { today: TODAY, keepCompleteRows: true });
    expect(kept.transactions.map((t) => t.text)).toEqual(['Nørrebro']);
  });

  it('a whole file without a final line break is not taken for a cut one', () => {
    const lunar =
      'Date,Time,Title,Amount,Balance,Transaction ID\n09.09.2025,08.15,Bager,"-45,00","12 455,00",3f1c2a9e-0b7d-4a55-9a61-1d2e3f4a5b6c\n09.09.2025,12.40,Wolt,"-189,00","12 266,00",7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
    expect(parseBankFile(utf8(lunar), { today: TODAY }).transactions).toHaveLength(2);
    // …but the same file cut inside its last id is.
    expect((read(utf8(lunar.slice(0, -4)), false) as ImportError).code).toBe('truncated');
    expect(parseBankFile(utf8(NORDEA.trimEnd()), { today: TODAY }).transactions).toHaveLength(2);
  });
});
