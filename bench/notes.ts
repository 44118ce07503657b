/** The bench's notes: the same deterministic, Danish, transaction-like records in every run. */
const SHOPS = [
  'Netto Østerbro',
  'Føtex Århus C',
  'Irma Frederiksberg Allé',
  'DSB Nørreport',
  'Apoteket Åboulevarden',
  'Bilka Næstved',
  'Rødovre Centrum',
  'Lægehuset Ærøskøbing',
  'Kvickly Brønderslev',
  'Bageriet Søndergade',
];
const CATEGORIES = ['dagligvarer', 'transport', 'sundhed', 'bolig', 'fritid', 'børn', 'forsikring'];
const REMARKS = [
  'husk at gemme kvitteringen til årsopgørelsen',
  'delvist refunderet af kommunen',
  'betalt med MobilePay, tjek beløbet',
  'fast overførsel hver måned',
  'indkøb til Åses fødselsdag på lørdag',
];

/** A small deterministic generator, so every run writes the same data. */
function generator(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

export interface NoteData {
  title: string;
  body: string;
}

/** Transaction-like notes with Danish text: about 300 bytes each once wrapped as a record. */
export function makeNotes(count: number): NoteData[] {
  const next = generator(20240314);
  const notes: NoteData[] = [];
  for (let i = 0; i < count; i++) {
    const day = `2024-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`;
    const amount = `${next(4000)},${String(next(100)).padStart(2, '0')}`;
    const balance = `${10 + next(90)}.${String(next(1000)).padStart(3, '0')},${String(next(100)).padStart(2, '0')}`;
    notes.push({
      title: `Betaling ${day} · ${SHOPS[next(SHOPS.length)]}`,
      body:
        `Beløb -${amount} kr; saldo ${balance} kr; kategori ${CATEGORIES[next(CATEGORIES.length)]}; ` + `konto 1234-567890; ${REMARKS[next(REMARKS.length)]}.`,
    });
  }
  return notes;
}
