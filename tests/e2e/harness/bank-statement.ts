/** Large Danske Bank statements for the import tests: distinct rows, Windows-1252, as the bank writes them. */

const HEADER = '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"';

/** `rows` distinct Danske Bank rows in Windows-1252; `offset` moves them to other days and texts. */
export function danskeBankStatement(rows: number, offset: number): { name: string; mimeType: string; buffer: Buffer } {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const n = i + offset;
    const day = String(1 + (n % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
    const year = 2000 + (Math.floor(n / 336) % 26); // the text tells rows apart; the dates stay in the past
    lines.push(
      `"${day}.${month}.${year}";"Dankort-køb Netto Østerbro ${n}";"-${1 + (n % 500)},${String(n % 100).padStart(2, '0')}";"10.000,00";"Udført";"Nej"`,
    );
  }
  return { name: `danske-${offset}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1') };
}
