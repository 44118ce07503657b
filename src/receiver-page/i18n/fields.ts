/**
 * Readable names for the field names a bundle's data.json uses, in both languages. A field
 * without an entry is shown by its own name, split into words.
 */
import type { Language } from './index';

const FIELDS: Record<string, { da: string; en: string }> = {
  month: { da: 'Måned', en: 'Month' },
  months: { da: 'Måneder', en: 'Months' },
  date: { da: 'Dato', en: 'Date' },
  text: { da: 'Tekst', en: 'Text' },
  title: { da: 'Titel', en: 'Title' },
  body: { da: 'Tekst', en: 'Text' },
  category: { da: 'Kategori', en: 'Category' },
  currency: { da: 'Valuta', en: 'Currency' },
  amountMinor: { da: 'Beløb', en: 'Amount' },
  spentMinor: { da: 'Brugt', en: 'Spent' },
  totalMinor: { da: 'I alt', en: 'Total' },
  averageMinor: { da: 'Gennemsnit pr. måned', en: 'Average per month' },
  last3AverageMinor: { da: 'Gennemsnit, seneste 3 måneder', en: 'Average, last 3 months' },
  last3: { da: 'Seneste 3 måneder', en: 'Last 3 months' },
  byCategory: { da: 'Pr. kategori', en: 'By category' },
  metric: { da: 'Måling', en: 'Measure' },
  unit: { da: 'Enhed', en: 'Unit' },
  days: { da: 'Dage', en: 'Days' },
  mean: { da: 'Gennemsnit', en: 'Mean' },
  min: { da: 'Mindst', en: 'Lowest' },
  max: { da: 'Højest', en: 'Highest' },
  total: { da: 'I alt', en: 'Total' },
  case: { da: 'Sag', en: 'Case' },
  cases: { da: 'Sager', en: 'Cases' },
  decisions: { da: 'Afgørelser', en: 'Decisions' },
  documents: { da: 'Dokumenter', en: 'Documents' },
  payments: { da: 'Udbetalinger', en: 'Payments' },
  activities: { da: 'Aftaler og frister', en: 'Appointments and deadlines' },
  notes: { da: 'Noter', en: 'Notes' },
  transactions: { da: 'Posteringer', en: 'Transactions' },
  rows: { da: 'Rækker', en: 'Rows' },
  from: { da: 'Fra', en: 'From' },
  to: { da: 'Til', en: 'To' },
  categories: { da: 'Kategorier', en: 'Categories' },
  fields: { da: 'Felter', en: 'Fields' },
  account: { da: 'Konto', en: 'Account' },
  accounts: { da: 'Konti', en: 'Accounts' },
  name: { da: 'Navn', en: 'Name' },
  number: { da: 'Nummer', en: 'Number' },
  healthRecords: { da: 'Sundhedsdata', en: 'Health data' },
  daily: { da: 'Dagsværdier', en: 'Daily figures' },
  value: { da: 'Værdi', en: 'Value' },
  observations: { da: 'Målinger', en: 'Observations' },
  clinical: { da: 'Journaloplysninger', en: 'Clinical records' },
  resourceType: { da: 'Slags', en: 'Kind' },
  detail: { da: 'Detaljer', en: 'Detail' },
  effective: { da: 'Tidspunkt', en: 'When' },
  attachments: { da: 'Egne filer', en: 'Own files' },
  documentFiles: { da: 'Dokumentfiler', en: 'Document files' },
  documentId: { da: 'Dokument', en: 'Document' },
  file: { da: 'Fil', en: 'File' },
  fileName: { da: 'Filnavn', en: 'File name' },
  mediaType: { da: 'Filtype', en: 'File type' },
  size: { da: 'Størrelse (bytes)', en: 'Size (bytes)' },
  sha256: { da: 'SHA-256', en: 'SHA-256' },
  status: { da: 'Status', en: 'Status' },
  id: { da: 'Id', en: 'Id' },
  kle: { da: 'KLE-emne', en: 'KLE topic' },
  summary: { da: 'Resumé', en: 'Summary' },
  openedAt: { da: 'Åbnet', en: 'Opened' },
  closedAt: { da: 'Lukket', en: 'Closed' },
  decidedAt: { da: 'Afgjort', en: 'Decided' },
  createdAt: { da: 'Oprettet', en: 'Created' },
  updatedAt: { da: 'Ændret', en: 'Changed' },
  version: { da: 'Version', en: 'Version' },
};

const VIEWS: Record<string, { da: string; en: string }> = {
  'monthly-food-budget': { da: 'Madbudget pr. måned', en: 'Food budget per month' },
  'monthly-spending-per-category': { da: 'Forbrug pr. måned og kategori', en: 'Spending per month and category' },
  'health-summary': { da: 'Sundhed pr. måned', en: 'Health per month' },
};

const words = (key: string): string => {
  const spaced = key
    .replace(/([a-zæøå0-9])([A-ZÆØÅ])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
};

export const fieldLabel = (key: string, language: Language): string => FIELDS[key]?.[language] ?? words(key);
export const viewLabel = (view: string, language: Language): string | undefined => VIEWS[view]?.[language];
