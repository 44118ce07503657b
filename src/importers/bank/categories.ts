/**
 * Spending categories and the rules that put a bank row in one. The built-in rules know common
 * Danish merchants and transfer types; the citizen's own rules are tried first and win.
 */
import type { BankTransaction } from './types';

export type CategoryId =
  | 'groceries'
  | 'housing'
  | 'utilities'
  | 'insurance'
  | 'transport'
  | 'restaurants'
  | 'shopping'
  | 'health'
  | 'subscriptions'
  | 'cash'
  | 'fees'
  | 'mobilepay'
  | 'transfers'
  | 'salary'
  | 'public-benefits'
  | 'other-income'
  | 'other';

export interface Category {
  id: CategoryId;
  label: { da: string; en: string };
  kind: 'expense' | 'income' | 'transfer';
}

export const CATEGORIES: readonly Category[] = [
  { id: 'groceries', label: { da: 'Dagligvarer', en: 'Groceries' }, kind: 'expense' },
  { id: 'housing', label: { da: 'Bolig og husleje', en: 'Housing and rent' }, kind: 'expense' },
  { id: 'utilities', label: { da: 'El, vand, varme og internet', en: 'Power, water, heating and internet' }, kind: 'expense' },
  { id: 'insurance', label: { da: 'Forsikringer', en: 'Insurance' }, kind: 'expense' },
  { id: 'transport', label: { da: 'Transport', en: 'Transport' }, kind: 'expense' },
  { id: 'restaurants', label: { da: 'Restauranter og caféer', en: 'Restaurants and cafés' }, kind: 'expense' },
  { id: 'shopping', label: { da: 'Indkøb', en: 'Shopping' }, kind: 'expense' },
  { id: 'health', label: { da: 'Sundhed og medicin', en: 'Health and medicine' }, kind: 'expense' },
  { id: 'subscriptions', label: { da: 'Abonnementer', en: 'Subscriptions' }, kind: 'expense' },
  { id: 'cash', label: { da: 'Kontanthævninger', en: 'Cash withdrawals' }, kind: 'expense' },
  { id: 'fees', label: { da: 'Gebyrer og renter', en: 'Fees and interest' }, kind: 'expense' },
  { id: 'mobilepay', label: { da: 'MobilePay', en: 'MobilePay' }, kind: 'transfer' },
  { id: 'transfers', label: { da: 'Overførsler', en: 'Transfers' }, kind: 'transfer' },
  { id: 'salary', label: { da: 'Løn', en: 'Salary' }, kind: 'income' },
  { id: 'public-benefits', label: { da: 'Udbetalinger fra det offentlige', en: 'Public payments' }, kind: 'income' },
  { id: 'other-income', label: { da: 'Anden indkomst', en: 'Other income' }, kind: 'income' },
  { id: 'other', label: { da: 'Andet', en: 'Other' }, kind: 'expense' },
];

/** Not spending: money in, and moving money between one's own accounts. */
export const NOT_SPENDING: ReadonlySet<string> = new Set(CATEGORIES.filter((c) => c.kind === 'income' || c.id === 'transfers').map((c) => c.id));

export interface CategoryRule {
  id: string;
  /** A case- and accent-folded substring of the row's text (æ, ø and å count as their own letters). */
  match: string;
  category: CategoryId;
  /** Signed øre: the rule applies only when amountMinor ≥ minAmountMinor. */
  minAmountMinor?: number;
  /** Signed øre: the rule applies only when amountMinor ≤ maxAmountMinor. */
  maxAmountMinor?: number;
}

/**
 * Lower case, accents removed (é → e, ü → u), but æ, ø and å kept: they are letters of their own
 * in Danish, and `å` → `a` would make `Råd` match `rad`.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII and Danish letters need no normalisation: the common case stays cheap.
  if (!NEEDS_NFD.test(lower)) return lower;
  return lower.normalize('NFD').replace(A_RING, 'å').replace(COMBINING, '').normalize('NFC');
}
const NEEDS_NFD = /[^\u0000-\u007fæøå]/;
const A_RING = /a\u030a/g;
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Built-in patterns, matched at the start of a word of the folded text; a trailing space means
 * the whole word (`ok ` must not match `bookning`, `irma ` not `firma`). Order matters: the
 * first hit wins, so specific patterns come before general ones.
 */
type Sign = 'in' | 'out' | 'any';
const BUILT_IN: readonly [pattern: string, category: CategoryId, sign: Sign][] = [
  // Public payments and salary first: they are what the row is, whatever else the text says.
  ['udbetaling danmark', 'public-benefits', 'in'],
  ['kontanthjælp', 'public-benefits', 'in'],
  ['jobcenter', 'public-benefits', 'in'],
  ['kommune', 'public-benefits', 'in'],
  ['kommunen', 'public-benefits', 'in'],
  ['boligstøtte', 'public-benefits', 'in'],
  ['børne- og ungeydelse', 'public-benefits', 'in'],
  ['børneydelse', 'public-benefits', 'in'],
  ['sygedagpenge', 'public-benefits', 'in'],
  ['dagpenge', 'public-benefits', 'in'],
  ['a-kasse', 'public-benefits', 'in'],
  ['su ', 'public-benefits', 'in'],
  ['pension ', 'public-benefits', 'in'],
  ['folkepension', 'public-benefits', 'in'],
  ['skat ', 'public-benefits', 'in'],
  ['løn', 'salary', 'in'],
  ['lønoverførsel', 'salary', 'in'],
  ['feriepenge', 'salary', 'in'],
  // Groceries
  ['netto ', 'groceries', 'any'],
  ['føtex', 'groceries', 'any'],
  ['foetex', 'groceries', 'any'],
  ['bilka', 'groceries', 'any'],
  ['rema 1000', 'groceries', 'any'],
  ['rema1000', 'groceries', 'any'],
  ['lidl', 'groceries', 'any'],
  ['aldi', 'groceries', 'any'],
  ['meny ', 'groceries', 'any'],
  ['superbrugsen', 'groceries', 'any'],
  ['kvickly', 'groceries', 'any'],
  ['coop 365', 'groceries', 'any'],
  ['coop365', 'groceries', 'any'],
  ['irma ', 'groceries', 'any'],
  ['løvbjerg', 'groceries', 'any'],
  ['spar ', 'groceries', 'out'],
  ["dagli'brugsen", 'groceries', 'any'],
  ['daglibrugsen', 'groceries', 'any'],
  ['dagli brugsen', 'groceries', 'any'],
  ['brugsen', 'groceries', 'any'],
  ['fakta ', 'groceries', 'any'],
  ['min købmand', 'groceries', 'any'],
  ['bageri', 'groceries', 'any'],
  ['bager ', 'groceries', 'any'],
  ['lagkagehuset', 'groceries', 'any'],
  ['emmerys', 'groceries', 'any'],
  ['slagter', 'groceries', 'any'],
  ['wolt market', 'groceries', 'any'],
  ['nemlig.com', 'groceries', 'any'],
  ['nemlig ', 'groceries', 'any'],
  // Transport
  ['dsb', 'transport', 'any'],
  ['rejsekort', 'transport', 'any'],
  ['movia', 'transport', 'any'],
  ['midttrafik', 'transport', 'any'],
  ['fynbus', 'transport', 'any'],
  ['nordjyllands trafikselskab', 'transport', 'any'],
  ['metro ', 'transport', 'any'],
  ['arriva', 'transport', 'any'],
  ['q8', 'transport', 'any'],
  ['circle k', 'transport', 'any'],
  ['ok ', 'transport', 'out'],
  ['ok benzin', 'transport', 'any'],
  ['shell', 'transport', 'any'],
  ['ingo ', 'transport', 'any'],
  ['uno-x', 'transport', 'any'],
  ['go on ', 'transport', 'any'],
  ['easypark', 'transport', 'any'],
  ['parkering', 'transport', 'any'],
  ['brobizz', 'transport', 'any'],
  ['storebælt', 'transport', 'any'],
  ['taxa', 'transport', 'any'],
  ['taxi', 'transport', 'any'],
  ['uber', 'transport', 'any'],
  ['donkey republic', 'transport', 'any'],
  // Housing and utilities
  ['husleje', 'housing', 'out'],
  ['boligforening', 'housing', 'out'],
  ['boligselskab', 'housing', 'out'],
  ['andelsbolig', 'housing', 'out'],
  ['ejerforening', 'housing', 'out'],
  ['realkredit', 'housing', 'out'],
  ['totalkredit', 'housing', 'out'],
  ['nykredit realkredit', 'housing', 'out'],
  ['ørsted', 'utilities', 'out'],
  ['andel energi', 'utilities', 'out'],
  ['norlys', 'utilities', 'out'],
  ['ewii', 'utilities', 'out'],
  ['hofor', 'utilities', 'out'],
  ['forsyning', 'utilities', 'out'],
  ['fjernvarme', 'utilities', 'out'],
  ['vandværk', 'utilities', 'out'],
  ['elselskab', 'utilities', 'out'],
  ['yousee', 'utilities', 'out'],
  ['telenor', 'utilities', 'out'],
  ['telia', 'utilities', 'out'],
  ['3 mobil', 'utilities', 'out'],
  ['stofa', 'utilities', 'out'],
  ['hiper', 'utilities', 'out'],
  ['cbb', 'utilities', 'out'],
  ['oister', 'utilities', 'out'],
  // Insurance: premiums are insurance, not utilities; what an insurer pays out is income.
  ['tryg ', 'insurance', 'out'],
  ['topdanmark', 'insurance', 'out'],
  ['alm. brand', 'insurance', 'out'],
  ['codan', 'insurance', 'out'],
  ['forsikring', 'insurance', 'out'],
  ['tryg ', 'other-income', 'in'],
  ['topdanmark', 'other-income', 'in'],
  ['alm. brand', 'other-income', 'in'],
  ['codan', 'other-income', 'in'],
  ['forsikring', 'other-income', 'in'],
  // Health
  ['apotek', 'health', 'any'],
  ['tandlæge', 'health', 'any'],
  ['læge', 'health', 'out'],
  ['fysioterapi', 'health', 'any'],
  ['optiker', 'health', 'any'],
  ['synoptik', 'health', 'any'],
  ['matas', 'health', 'any'],
  ['sygeforsikring danmark', 'health', 'any'],
  // Restaurants and cafés
  ['restaurant', 'restaurants', 'any'],
  ['café', 'restaurants', 'any'],
  ['cafe', 'restaurants', 'any'],
  ['kaffebar', 'restaurants', 'any'],
  ['espresso house', 'restaurants', 'any'],
  ['joe & the juice', 'restaurants', 'any'],
  ['starbucks', 'restaurants', 'any'],
  ["mcdonald's", 'restaurants', 'any'],
  ['mcdonalds', 'restaurants', 'any'],
  ['burger king', 'restaurants', 'any'],
  ['sunset boulevard', 'restaurants', 'any'],
  ['max burgers', 'restaurants', 'any'],
  ['pizza', 'restaurants', 'any'],
  ['sushi', 'restaurants', 'any'],
  ['grill', 'restaurants', 'any'],
  ['kebab', 'restaurants', 'any'],
  ['just eat', 'restaurants', 'any'],
  ['wolt', 'restaurants', 'any'],
  ['7-eleven', 'restaurants', 'any'],
  // Subscriptions
  ['netflix', 'subscriptions', 'any'],
  ['spotify', 'subscriptions', 'any'],
  ['hbo', 'subscriptions', 'any'],
  ['viaplay', 'subscriptions', 'any'],
  ['disney plus', 'subscriptions', 'any'],
  ['disney+', 'subscriptions', 'any'],
  ['tv 2 play', 'subscriptions', 'any'],
  ['apple.com', 'subscriptions', 'any'],
  ['google play', 'subscriptions', 'any'],
  ['fitness world', 'subscriptions', 'any'],
  ['sats ', 'subscriptions', 'any'],
  ['podimo', 'subscriptions', 'any'],
  ['mofibo', 'subscriptions', 'any'],
  ['medielicens', 'subscriptions', 'any'],
  ['abonnement', 'subscriptions', 'any'],
  // Shopping
  ['normal ', 'shopping', 'any'],
  ['flying tiger', 'shopping', 'any'],
  ['søstrene grene', 'shopping', 'any'],
  ['h&m', 'shopping', 'any'],
  ['zalando', 'shopping', 'any'],
  ['elgiganten', 'shopping', 'any'],
  ['power ', 'shopping', 'any'],
  ['ikea', 'shopping', 'any'],
  ['jysk ', 'shopping', 'any'],
  ['bauhaus', 'shopping', 'any'],
  ['silvan', 'shopping', 'any'],
  ['harald nyborg', 'shopping', 'any'],
  ['imerco', 'shopping', 'any'],
  ['magasin', 'shopping', 'any'],
  ['salling', 'shopping', 'any'],
  ['amazon', 'shopping', 'any'],
  ['temu', 'shopping', 'any'],
  ['zara', 'shopping', 'any'],
  ['br legetøj', 'shopping', 'any'],
  ['bog & idé', 'shopping', 'any'],
  ['apple store', 'shopping', 'any'],
  // Cash
  ['hævning', 'cash', 'out'],
  ['kontanthævning', 'cash', 'out'],
  ['pengeautomat', 'cash', 'out'],
  ['atm ', 'cash', 'out'],
  ['udbetaling i automat', 'cash', 'out'],
  // Fees and interest
  ['gebyr', 'fees', 'any'],
  ['renter', 'fees', 'any'],
  ['rente ', 'fees', 'any'],
  ['kortgebyr', 'fees', 'any'],
  ['overtræk', 'fees', 'any'],
  ['årsgebyr', 'fees', 'any'],
  ['fee ', 'fees', 'any'],
  // MobilePay after the shops: in `MobilePay køb Netto` MobilePay is only the means of payment
  // and the shop tells the category; `MobilePay Søren` is a transfer between people.
  ['mobilepay', 'mobilepay', 'any'],
  // Transfers
  ['overførsel', 'transfers', 'any'],
  ['overført', 'transfers', 'any'],
  ['opsparing', 'transfers', 'any'],
  ['fra konto', 'transfers', 'any'],
  ['til konto', 'transfers', 'any'],
  ['transfer', 'transfers', 'any'],
  ['top-up', 'transfers', 'any'],
  ['topup', 'transfers', 'any'],
];

interface CompiledRule {
  needle: string;
  wholeWord: boolean;
  category: CategoryId;
  sign: Sign;
  /** Position in BUILT_IN: the earliest matching rule wins. */
  order: number;
}

function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || code === 0xe6 || code === 0xf8 || code === 0xe5 || code > 0xff;
}

/** Two characters as one number, the key the built-in rules are indexed by. */
const pairKey = (a: number, b: number): number => a * 0x10000 + b;

// Rules indexed by the first two characters of their needle: a row looks up each of its words
// once instead of trying two hundred patterns (which made categorising as slow as parsing).
const INDEX = new Map<number, CompiledRule[]>();
BUILT_IN.forEach(([pattern, category, sign], order) => {
  const needle = foldText(pattern.trimEnd());
  const rule: CompiledRule = { needle, wholeWord: pattern.endsWith(' '), category, sign, order };
  const key = pairKey(needle.charCodeAt(0), needle.charCodeAt(1));
  const list = INDEX.get(key);
  if (list) list.push(rule);
  else INDEX.set(key, [rule]);
});

/** The first built-in rule (in BUILT_IN order) that matches at the start of a word of `hay`. */
function builtInMatch(hay: string, out: boolean): CompiledRule | null {
  let best: CompiledRule | null = null;
  let prevWord = false;
  for (let i = 0; i < hay.length - 1; i++) {
    const c = hay.charCodeAt(i);
    const word = isWordCode(c);
    const start = word && !prevWord;
    prevWord = word;
    if (!start) continue;
    const list = INDEX.get(pairKey(c, hay.charCodeAt(i + 1)));
    if (!list) continue;
    for (const rule of list) {
      if (best && rule.order >= best.order) break; // lists are in BUILT_IN order
      if ((rule.sign === 'in' && out) || (rule.sign === 'out' && !out)) continue;
      if (!hay.startsWith(rule.needle, i)) continue;
      if (rule.wholeWord && isWordCode(hay.charCodeAt(i + rule.needle.length))) continue;
      best = rule;
      break;
    }
  }
  return best;
}

// The folded needle of a citizen's rule, computed once per rule object.
const foldedRules = new WeakMap<CategoryRule, string>();

/**
 * The category of a row: the first of the citizen's rules that matches, else the first built-in
 * rule, else `other` (money out) or `other-income` (money in).
 */
export function categorise(tx: BankTransaction, rules?: readonly CategoryRule[]): CategoryId {
  const hay = foldText(tx.counterparty ? `${tx.text} ${tx.counterparty}` : tx.text);
  if (rules) {
    for (const rule of rules) {
      let needle = foldedRules.get(rule);
      if (needle === undefined) {
        needle = foldText(rule.match.trim());
        foldedRules.set(rule, needle);
      }
      if (needle === '') continue;
      if (rule.minAmountMinor !== undefined && tx.amountMinor < rule.minAmountMinor) continue;
      if (rule.maxAmountMinor !== undefined && tx.amountMinor > rule.maxAmountMinor) continue;
      if (hay.includes(needle)) return rule.category;
    }
  }
  const out = tx.amountMinor < 0;
  return builtInMatch(hay, out)?.category ?? (out ? 'other' : 'other-income');
}
