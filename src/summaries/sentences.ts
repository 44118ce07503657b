/**
 * The most informative sentences of a set of documents, by a simple deterministic method: each
 * sentence scores the rarity (inverse document frequency) of its content words weighted by how
 * often the whole set uses them, divided by the root of its length, plus a bonus for words that
 * carry a case's turns (vurdering, anbefaling, afgørelse, frist…). Near-repeats of a sentence
 * already taken are passed over. Same input, same sentences, in the same order.
 */

export interface SourceText {
  /** The document's id (the municipality's). */
  id: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  text: string;
}

export interface ChosenSentence {
  documentId: string;
  documentTitle: string;
  date: string;
  /** 0-based position of the sentence in its document. */
  index: number;
  text: string;
  score: number;
}

/** Words before a full stop that do not end a sentence ("ca. 300 meter", "kl. 9.45", "jf. § 11"). */
const ABBREVIATIONS = new Set([
  'ca', 'kl', 'jf', 'nr', 'pga', 'mv', 'dvs', 'evt', 'stk', 'tlf', 'att', 'inkl', 'ekskl', 'mht', 'vedr', 'hhv', 'fx', 'osv', 'bl.a', 'f.eks', 'm.fl', 'dr', 'mr', 'e.g', 'i.e', 'etc',
]); // prettier-ignore

/** Splits a text into sentences: at ". ", "! " or "? " before a capital or digit, not after an abbreviation. */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  const out: string[] = [];
  let start = 0;
  for (const match of flat.matchAll(/[.!?]["”»]?\s+(?=["„«]?[A-ZÆØÅ0-9§])/g)) {
    const end = match.index + match[0].trimEnd().length;
    const before = flat.slice(start, match.index).split(' ').pop()!.toLowerCase();
    if (flat[match.index] === '.' && (ABBREVIATIONS.has(before) || /^\d{1,2}$/.test(before))) continue;
    out.push(flat.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  if (start < flat.length) out.push(flat.slice(start).trim());
  return out.filter((s) => s.length > 0);
}

/** Common Danish and English words that say nothing about a case. */
const STOPWORDS = new Set(
  (
    'og i at det en den til er som på de med han af for ikke der var jeg har han hun sig fra vi kan skal vil ved om efter også ' +
    'men eller så nu når hvor hvad hvis alle andre anden andet dem dig din dine dit du ham hans hende hendes her hos hvem ind ' +
    'jer jeres man meget mig min mine mit mod ned noget nogle os over selv sin sine sit sådan thi under ud vor vore vores været ' +
    'være blev bliver have havde denne dette disse samt mere mest end kun også dag dage uge uger borger borgers ' +
    'the and for are was were with that this from have has had not but you your his her its they them their will can would'
  ).split(' '),
);

/** Words that mark what a case turns on: assessments, decisions, deadlines, outcomes. */
const CUES = [
  'vurder', 'anbefal', 'afgør', 'bevilg', 'afslag', 'afvis', 'frist', 'senest', 'indstilling', 'konklu', 'afbrudt', 'ophør',
  'klage', 'aktindsigt', 'fuldmagt', 'speciallæge', 'prognose', 'arbejdsevne', 'partshøring', 'decid', 'grant', 'refus', 'deadline',
]; // prettier-ignore

const wordsOf = (sentence: string): string[] => (sentence.toLowerCase().match(/[a-zæøåéü]{3,}/g) ?? []).filter((w) => !STOPWORDS.has(w));

/** How many sentences a text may have before only its first ones are scored (a 500-page file is not read whole). */
const MAX_SENTENCES_PER_TEXT = 400;

/**
 * The `count` best sentences of `texts`, each no near-repeat of another, in the order of the
 * documents (by date, then as given) and of the sentences within them.
 */
export function topSentences(texts: readonly SourceText[], count: number): ChosenSentence[] {
  const all = texts.flatMap((doc, order) =>
    splitSentences(doc.text)
      .slice(0, MAX_SENTENCES_PER_TEXT)
      .map((text, index) => ({ doc, order, index, text, words: wordsOf(text) })),
  );
  const documentFrequency = new Map<string, number>();
  const caseFrequency = new Map<string, number>();
  for (const s of all) {
    for (const w of new Set(s.words)) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    for (const w of s.words) caseFrequency.set(w, (caseFrequency.get(w) ?? 0) + 1);
  }
  const total = all.length;
  const scored = all
    .filter((s) => s.words.length >= 4 && s.text.length <= 400)
    .map((s) => {
      const distinct = new Set(s.words);
      let weight = 0;
      for (const w of distinct) weight += Math.log(1 + caseFrequency.get(w)!) * Math.log((1 + total) / documentFrequency.get(w)!);
      const cues = CUES.filter((cue) => s.words.some((w) => w.startsWith(cue))).length;
      return { ...s, distinct, score: weight / Math.sqrt(distinct.size + 4) + 2 * cues };
    })
    .sort((a, b) => b.score - a.score || a.order - b.order || a.index - b.index);
  const chosen: typeof scored = [];
  for (const s of scored) {
    if (chosen.length >= count) break;
    const repeats = chosen.some((c) => {
      const shared = [...s.distinct].filter((w) => c.distinct.has(w)).length;
      return shared / Math.min(s.distinct.size, c.distinct.size) > 0.6;
    });
    if (!repeats) chosen.push(s);
  }
  return chosen
    .sort((a, b) => a.doc.date.localeCompare(b.doc.date) || a.order - b.order || a.index - b.index)
    .map((s) => ({
      documentId: s.doc.id,
      documentTitle: s.doc.title,
      date: s.doc.date,
      index: s.index,
      text: s.text,
      score: Math.round(s.score * 1000) / 1000,
    }));
}
