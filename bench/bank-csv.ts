/**
 * The bench's bank statement: a Danske Bank CSV of `rows` rows over ~7 years, Windows-1252,
 * deterministic. Shared by the bench page (bench/bank.ts) and the run through the extension
 * (bench/bank-extension.ts), so both measure the same bytes.
 */
const SHOPS = [
  'Dankort-køb Netto Østerbro',
  'Føtex Århus C',
  'DSB Nørreport',
  'Apoteket Åboulevarden',
  'MobilePay Søren Ærø',
  'Rejsekort',
  'Løn',
  'Husleje Boligforeningen Åbo',
  'Bageriet Søndergade',
  'Visa køb EUR 12,00 Café Tärnan Den 07.02',
  'Kvickly Brønderslev',
  'Overførsel til opsparing',
  'Netflix.com',
  'Q8 Rødovre',
  'Lægehuset Ærøskøbing',
];

/** Danish thousands and decimal marks: -1.234,56 */
function kroner(minor: number): string {
  const s = (Math.abs(minor) / 100).toFixed(2);
  const [int, frac] = s.split('.');
  return `${minor < 0 ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}

/** Windows-1252 bytes: every character here is in Latin-1, where the two agree. */
function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error(`bench CSV: ${text[i]} is not in Latin-1`);
    out[i] = c;
  }
  return out;
}

/** The file's bytes (~8 MB at 100k rows). */
export function makeBankCsv(rows: number): Uint8Array {
  const lines = ['"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"'];
  let balance = 2_500_000;
  for (let i = 0; i < rows; i++) {
    const amount = i % 25 === 0 ? 2_150_000 : -(((i * 7919) % 150_000) + 100);
    balance += amount;
    const d = new Date(Date.UTC(2019, 0, 1) + Math.floor(i / 40) * 86_400_000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
    const text = amount > 0 ? 'Løn' : SHOPS[i % SHOPS.length]!;
    lines.push(`"${date}";"${text}";"${kroner(amount)}";"${kroner(balance)}";"Udført";"Nej"`);
  }
  return latin1(`${lines.join('\r\n')}\r\n`);
}
