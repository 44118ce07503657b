/**
 * The words of a bundle read as a person reads it, in Danish and English side by side: headings,
 * field labels, and every value of a closed list (a case's status, a decision's outcome, a
 * document's direction …). A value this version does not know gets a neutral word, never the
 * sender's raw value: an enum is for machines, the reader gets words.
 */

export type Language = 'da' | 'en';
export type Words = { da: string; en: string };

export const LABELS = {
  documentTitle: { da: 'Data fra {issuer}', en: 'Data from {issuer}' },
  checked: {
    da: 'Pakken blev kontrolleret {date}: underskriften passer, indholdet er uændret, og den er lavet til dig.',
    en: 'The bundle was checked on {date}: the signature matches, the content is unchanged, and it was made for you.',
  },
  from: { da: 'Fra', en: 'From' },
  to: { da: 'Til', en: 'To' },
  purpose: { da: 'Formål', en: 'Purpose' },
  what: { da: 'Hvad', en: 'What' },
  issuedAt: { da: 'Lavet', en: 'Made' },
  validFrom: { da: 'Gyldig fra', en: 'Valid from' },
  validUntilDate: { da: 'Gyldig til', en: 'Valid until' },
  bundleFiles: { da: 'Filer i pakken', en: 'Files in the bundle' },
  rawFiles: {
    da: 'Alle data findes også, som de kom, i data.json og filerne i denne mappe.',
    en: 'All data is also here as it came, in data.json and the files in this folder.',
  },
  tableCut: {
    da: 'Her vises de første {shown} af {total} rækker. Alle rækker står i data.json.',
    en: 'The first {shown} of {total} rows are shown here. All rows are in data.json.',
  },
  cases: { da: 'Sager', en: 'Cases' },
  caseNumber: { da: 'Sagsnummer', en: 'Case number' },
  kle: { da: 'Emne (KLE)', en: 'Topic (KLE)' },
  status: { da: 'Status', en: 'Status' },
  opened: { da: 'Oprettet', en: 'Opened' },
  closed: { da: 'Afsluttet', en: 'Closed' },
  unit: { da: 'Afdeling', en: 'Unit' },
  authority: { da: 'Myndighed', en: 'Authority' },
  caseworker: { da: 'Sagsbehandler', en: 'Caseworker' },
  history: { da: 'Sagens forløb', en: 'How the case went' },
  representatives: { da: 'Repræsentanter', en: 'Representatives' },
  validUntil: { da: 'gælder til {date}', en: 'valid until {date}' },
  decisions: { da: 'Afgørelser', en: 'Decisions' },
  noDecisions: { da: 'Ingen afgørelser i pakken.', en: 'No decisions in the bundle.' },
  outcome: { da: 'Udfald', en: 'Outcome' },
  decided: { da: 'Afgjort', en: 'Decided' },
  effectiveFrom: { da: 'Gælder fra', en: 'In force from' },
  effectiveTo: { da: 'Gælder til', en: 'In force until' },
  legalBasis: { da: 'Hjemmel', en: 'Legal basis' },
  basis: { da: 'Afgørelsen bygger på', en: 'The decision rests on' },
  basisRegister: { da: '{description} (fra registret {register})', en: '{description} (from the register {register})' },
  appeal: { da: 'Klagevejledning', en: 'How to appeal' },
  appealDeadline: { da: 'Klagefrist', en: 'Appeal deadline' },
  appealBody: { da: 'Klagen afgøres af', en: 'The appeal is decided by' },
  appealSubmitTo: { da: 'Send klagen til', en: 'Send the appeal to' },
  appealLink: { da: 'Mere om at klage', en: 'More about appealing' },
  noAppeal: { da: 'Afgørelsen kan ikke påklages.', en: 'The decision cannot be appealed.' },
  documents: { da: 'Dokumenter', en: 'Documents' },
  noDocuments: { da: 'Ingen dokumenter i pakken.', en: 'No documents in the bundle.' },
  date: { da: 'Dato', en: 'Date' },
  documentKind: { da: 'Slags', en: 'Kind' },
  direction: { da: 'Retning', en: 'Direction' },
  author: { da: 'Skrevet af', en: 'Written by' },
  openPdf: { da: 'Åbn dokumentet (PDF)', en: 'Open the document (PDF)' },
  pdfInBundle: { da: 'Dokumentet er en PDF i pakken: {file}', en: 'The document is a PDF in the bundle: {file}' },
  pdfMissing: { da: 'Dokumentet er en PDF, som ikke er med i pakken.', en: 'The document is a PDF that is not in the bundle.' },
  textShortened: {
    da: 'Teksten er lang: her vises de første {shown} af {total} tegn.',
    en: 'The text is long: the first {shown} of {total} characters are shown here.',
  },
  showWholeText: { da: 'Vis hele teksten', en: 'Show the whole text' },
  payments: { da: 'Udbetalinger', en: 'Payments' },
  payoutDate: { da: 'Udbetalt', en: 'Paid out' },
  benefit: { da: 'Ydelse', en: 'Benefit' },
  period: { da: 'Periode', en: 'Period' },
  gross: { da: 'Før skat', en: 'Before tax' },
  tax: { da: 'Skat', en: 'Tax' },
  net: { da: 'Udbetalt beløb', en: 'Amount paid' },
  total: { da: 'I alt', en: 'Total' },
  activities: { da: 'Aftaler og frister', en: 'Appointments and deadlines' },
  noActivities: { da: 'Ingen aftaler eller frister i pakken.', en: 'No appointments or deadlines in the bundle.' },
  when: { da: 'Tidspunkt', en: 'When' },
  due: { da: 'Frist', en: 'Due' },
  place: { da: 'Sted', en: 'Place' },
  online: { da: 'Online', en: 'Online' },
  action: { da: 'Hvad skal gøres', en: 'What to do' },
  system: { da: 'Fra systemet', en: 'From the system' },
  contact: { da: 'Kontakt', en: 'Contact' },
  changeLink: { da: 'Ændr eller aflys', en: 'Change or cancel' },
  transactions: { da: 'Posteringer', en: 'Transactions' },
  periodFromTo: { da: '{from} – {to}', en: '{from} – {to}' },
  text: { da: 'Tekst', en: 'Text' },
  category: { da: 'Kategori', en: 'Category' },
  amount: { da: 'Beløb', en: 'Amount' },
  account: { da: 'Konto', en: 'Account' },
  accounts: { da: 'Konti', en: 'Accounts' },
  moneyIn: { da: 'Penge ind', en: 'Money in' },
  moneyOut: { da: 'Penge ud', en: 'Money out' },
  balance: { da: 'Netto', en: 'Net' },
  rowCount: { da: 'Antal posteringer', en: 'Number of transactions' },
  allCategories: { da: 'Alle kategorier', en: 'All categories' },
  spending: { da: 'Forbrug pr. måned og kategori', en: 'Spending per month and category' },
  month: { da: 'Måned', en: 'Month' },
  foodBudget: { da: 'Madbudget pr. måned', en: 'Food budget per month' },
  spent: { da: 'Brugt på dagligvarer', en: 'Spent on groceries' },
  average: { da: 'Gennemsnit pr. måned', en: 'Average per month' },
  last3Average: { da: 'Gennemsnit, seneste 3 måneder', en: 'Average, last 3 months' },
  health: { da: 'Sundhed', en: 'Health' },
  healthPerMonth: { da: '{metric} pr. måned', en: '{metric} per month' },
  daysWithData: { da: 'Dage med målinger', en: 'Days with readings' },
  mean: { da: 'Gennemsnit', en: 'Mean' },
  lowest: { da: 'Laveste', en: 'Lowest' },
  highest: { da: 'Højeste', en: 'Highest' },
  value: { da: 'Værdi', en: 'Value' },
  valueIn: { da: 'Værdi ({unit})', en: 'Value ({unit})' },
  chartSummary: {
    da: '{count} målinger fra {from} til {to}. Laveste {low}, højeste {high}, seneste {latest}.',
    en: '{count} readings from {from} to {to}. Lowest {low}, highest {high}, latest {latest}.',
  },
  observations: { da: 'Målinger og prøvesvar', en: 'Measurements and test results' },
  measurement: { da: 'Måling', en: 'Measurement' },
  clinical: { da: 'Journaloplysninger', en: 'Clinical records' },
  detail: { da: 'Detaljer', en: 'Details' },
  notes: { da: 'Noter', en: 'Notes' },
  written: { da: 'Skrevet {date}', en: 'Written {date}' },
  changed: { da: 'ændret {date}', en: 'changed {date}' },
  summaries: { da: 'Resuméer', en: 'Summaries' },
  summaryAsOf: { da: 'Lavet', en: 'Made' },
  summaryMadeBy: { da: 'Lavet af', en: 'Made by' },
  summaryMethod: {
    da: 'Borgerens Handlerum, på borgerens egen computer, ud fra sagens data. Det er ikke kommunens tekst.',
    en: "The citizen's Handlerum, on the citizen's own computer, from the case's data. It is not the municipality's text.",
  },
  summarySources: { da: 'Kilder', en: 'Sources' },
  summarySentence: { da: 'sætning {number}', en: 'sentence {number}' },
  summaryCovers: { da: 'Resuméet bygger på disse dokumenter ({count})', en: 'The summary is made from these documents ({count})' },
  texts: { da: 'Tekster', en: 'Texts' },
  attachments: { da: 'Borgerens egne filer', en: 'The citizen’s own files' },
  fileType: { da: 'Filtype', en: 'File type' },
  size: { da: 'Størrelse', en: 'Size' },
  openFile: { da: 'Åbn {name}', en: 'Open {name}' },
  otherData: { da: 'Andre data', en: 'Other data' },
  unknownPart: {
    da: 'Denne del af pakken har en form, som siden ikke kender. Se den under "Vis rå data".',
    en: 'This part of the bundle has a shape this page does not know. See it under "Show raw data".',
  },
} as const satisfies Record<string, Words>;

export type LabelKey = keyof typeof LABELS;

/** A label in `language` with `{name}` filled in from `params`. */
export function label(key: LabelKey, language: Language, params: Record<string, string | number> = {}): string {
  return LABELS[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A closed list's words, and the neutral word for a value it does not hold. */
export interface WordList {
  readonly words: Readonly<Record<string, Words>>;
  readonly unknown: Words;
}

/** The word for `value` in `list`; anything else (a newer value, a typo, not a string) gets the neutral word. */
export function word(list: WordList, value: unknown, language: Language): string {
  return (typeof value === 'string' && Object.hasOwn(list.words, value) ? list.words[value]! : list.unknown)[language];
}

export const CASE_STATUS: WordList = {
  words: {
    received: { da: 'Modtaget', en: 'Received' },
    'in-progress': { da: 'Under behandling', en: 'Being processed' },
    'awaiting-citizen': { da: 'Venter på borgeren', en: 'Waiting for the citizen' },
    decided: { da: 'Afgjort', en: 'Decided' },
    appealed: { da: 'Klage under behandling', en: 'Appeal in progress' },
    closed: { da: 'Afsluttet', en: 'Closed' },
  },
  unknown: { da: 'Ukendt status', en: 'Unknown status' },
};

export const OUTCOME: WordList = {
  words: {
    granted: { da: 'Bevilget', en: 'Granted' },
    'partially-granted': { da: 'Delvist bevilget', en: 'Partly granted' },
    reduced: { da: 'Nedsat', en: 'Reduced' },
    refused: { da: 'Afslag', en: 'Refused' },
    stopped: { da: 'Stoppet', en: 'Stopped' },
    other: { da: 'Anden afgørelse', en: 'Other decision' },
  },
  unknown: { da: 'Anden afgørelse', en: 'Other decision' },
};

export const DOCUMENT_KIND: WordList = {
  words: {
    document: { da: 'Dokument', en: 'Document' },
    'journal-note': { da: 'Journalnotat', en: 'Journal note' },
  },
  unknown: { da: 'Dokument', en: 'Document' },
};

export const DIRECTION: WordList = {
  words: {
    incoming: { da: 'Modtaget af kommunen', en: 'Received by the municipality' },
    outgoing: { da: 'Sendt af kommunen', en: 'Sent by the municipality' },
    internal: { da: 'Kommunens eget notat', en: 'The municipality’s own note' },
  },
  unknown: { da: 'Ikke oplyst', en: 'Not stated' },
};

export const PAYMENT_STATUS: WordList = {
  words: {
    scheduled: { da: 'Planlagt', en: 'Scheduled' },
    paid: { da: 'Udbetalt', en: 'Paid' },
    withheld: { da: 'Tilbageholdt', en: 'Withheld' },
    reclaimed: { da: 'Krævet tilbage', en: 'Reclaimed' },
  },
  unknown: { da: 'Ukendt status', en: 'Unknown status' },
};

export const ACTIVITY_KIND: WordList = {
  words: {
    appointment: { da: 'Aftale', en: 'Appointment' },
    deadline: { da: 'Frist', en: 'Deadline' },
  },
  unknown: { da: 'Aftale eller frist', en: 'Appointment or deadline' },
};

export const ACTIVITY_STATUS: WordList = {
  words: {
    planned: { da: 'Planlagt', en: 'Planned' },
    changed: { da: 'Ændret', en: 'Changed' },
    cancelled: { da: 'Aflyst', en: 'Cancelled' },
    completed: { da: 'Gennemført', en: 'Completed' },
    missed: { da: 'Ikke nået', en: 'Missed' },
  },
  unknown: { da: 'Ukendt status', en: 'Unknown status' },
};

export const REPRESENTATIVE_ROLE: WordList = {
  words: {
    lawyer: { da: 'Advokat', en: 'Lawyer' },
    relative: { da: 'Pårørende', en: 'Relative' },
    'support-person': { da: 'Bisidder', en: 'Support person' },
    union: { da: 'Fagforening', en: 'Trade union' },
    other: { da: 'Repræsentant', en: 'Representative' },
  },
  unknown: { da: 'Repræsentant', en: 'Representative' },
};

export const REPRESENTATIVE_BASIS: WordList = {
  words: {
    'power-of-attorney': { da: 'med fuldmagt', en: 'with power of attorney' },
    consent: { da: 'med samtykke', en: 'with consent' },
    custody: { da: 'med forældremyndighed', en: 'with custody' },
  },
  unknown: { da: 'på et andet grundlag', en: 'on another basis' },
};

export const CHANNEL: WordList = {
  words: {
    phone: { da: 'Telefon', en: 'Phone' },
    email: { da: 'E-mail', en: 'Email' },
    'digital-post': { da: 'Digital Post', en: 'Digital Post' },
    web: { da: 'Hjemmeside', en: 'Website' },
    address: { da: 'Adresse', en: 'Address' },
  },
  unknown: { da: 'Kontakt', en: 'Contact' },
};

/** The bank categories of the vault's importers (src/importers/bank/categories.ts). */
export const BANK_CATEGORY: WordList = {
  words: {
    groceries: { da: 'Dagligvarer', en: 'Groceries' },
    housing: { da: 'Bolig og husleje', en: 'Housing and rent' },
    utilities: { da: 'El, vand, varme og internet', en: 'Power, water, heating and internet' },
    insurance: { da: 'Forsikringer', en: 'Insurance' },
    transport: { da: 'Transport', en: 'Transport' },
    restaurants: { da: 'Restauranter og caféer', en: 'Restaurants and cafés' },
    shopping: { da: 'Indkøb', en: 'Shopping' },
    health: { da: 'Sundhed og medicin', en: 'Health and medicine' },
    subscriptions: { da: 'Abonnementer', en: 'Subscriptions' },
    cash: { da: 'Kontanthævninger', en: 'Cash withdrawals' },
    fees: { da: 'Gebyrer og renter', en: 'Fees and interest' },
    mobilepay: { da: 'MobilePay', en: 'MobilePay' },
    transfers: { da: 'Overførsler', en: 'Transfers' },
    salary: { da: 'Løn', en: 'Salary' },
    'public-benefits': { da: 'Udbetalinger fra det offentlige', en: 'Public payments' },
    'other-income': { da: 'Anden indkomst', en: 'Other income' },
    other: { da: 'Andet', en: 'Other' },
    uncategorised: { da: 'Uden kategori', en: 'Uncategorised' },
  },
  unknown: { da: 'Anden kategori', en: 'Other category' },
};

/** The vault's health measures (src/records/health/metrics.ts). */
export const HEALTH_METRIC: WordList = {
  words: {
    steps: { da: 'Skridt', en: 'Steps' },
    distance: { da: 'Distance gået og løbet', en: 'Walking and running distance' },
    'active-energy': { da: 'Aktiv energi', en: 'Active energy' },
    weight: { da: 'Vægt', en: 'Weight' },
    height: { da: 'Højde', en: 'Height' },
    'heart-rate': { da: 'Puls', en: 'Heart rate' },
    'resting-heart-rate': { da: 'Hvilepuls', en: 'Resting heart rate' },
    'blood-pressure-systolic': { da: 'Blodtryk, det høje tal (systolisk)', en: 'Blood pressure, upper number (systolic)' },
    'blood-pressure-diastolic': { da: 'Blodtryk, det lave tal (diastolisk)', en: 'Blood pressure, lower number (diastolic)' },
    'oxygen-saturation': { da: 'Iltmætning i blodet', en: 'Blood oxygen' },
    'body-temperature': { da: 'Kropstemperatur', en: 'Body temperature' },
    'blood-glucose': { da: 'Blodsukker', en: 'Blood sugar' },
    sleep: { da: 'Søvn', en: 'Sleep' },
  },
  unknown: { da: 'Anden måling', en: 'Other measurement' },
};

/** Health units as a person writes them; others (kg, mmHg, %) are shown as the sender wrote them. */
export const HEALTH_UNIT: Readonly<Record<string, Words>> = {
  count: { da: 'skridt', en: 'steps' },
  'count/min': { da: 'slag/min', en: 'beats/min' },
  degC: { da: '°C', en: '°C' },
  Cel: { da: '°C', en: '°C' },
  'mm[Hg]': { da: 'mmHg', en: 'mmHg' },
};

/** FHIR statuses of observations and clinical items. */
export const FHIR_STATUS: WordList = {
  words: {
    final: { da: 'Endeligt', en: 'Final' },
    preliminary: { da: 'Foreløbigt', en: 'Preliminary' },
    amended: { da: 'Rettet', en: 'Amended' },
    corrected: { da: 'Rettet', en: 'Corrected' },
    registered: { da: 'Registreret', en: 'Registered' },
    active: { da: 'Aktiv', en: 'Active' },
    inactive: { da: 'Ikke aktiv', en: 'Inactive' },
    resolved: { da: 'Overstået', en: 'Resolved' },
    recurrence: { da: 'Tilbagevendt', en: 'Recurred' },
    relapse: { da: 'Tilbagefald', en: 'Relapse' },
    remission: { da: 'I bedring', en: 'In remission' },
    completed: { da: 'Afsluttet', en: 'Completed' },
    stopped: { da: 'Stoppet', en: 'Stopped' },
    'on-hold': { da: 'Sat på pause', en: 'On hold' },
    'not-done': { da: 'Ikke udført', en: 'Not done' },
    'in-progress': { da: 'I gang', en: 'In progress' },
    cancelled: { da: 'Aflyst', en: 'Cancelled' },
    'entered-in-error': { da: 'Registreret ved en fejl', en: 'Entered in error' },
  },
  unknown: { da: 'Ikke oplyst', en: 'Not stated' },
};

export const CLINICAL_KIND: WordList = {
  words: {
    Condition: { da: 'Diagnose', en: 'Condition' },
    MedicationStatement: { da: 'Medicin', en: 'Medication' },
    MedicationRequest: { da: 'Recept', en: 'Prescription' },
    AllergyIntolerance: { da: 'Allergi', en: 'Allergy' },
    Immunization: { da: 'Vaccination', en: 'Vaccination' },
    Procedure: { da: 'Behandling', en: 'Procedure' },
    DiagnosticReport: { da: 'Prøvesvar', en: 'Test report' },
  },
  unknown: { da: 'Journaloplysning', en: 'Clinical record' },
};

/** The kinds of data a share names (src/sharing/content.ts), as its scope and consent list them. */
export const DATA_CATEGORY: WordList = {
  words: {
    notes: { da: 'Noter', en: 'Notes' },
    'case-material': { da: 'Sagsakter', en: 'Case files' },
    'case-summary': { da: 'Resumé af en sag', en: 'Case summary' },
    cases: { da: 'Sager', en: 'Cases' },
    documents: { da: 'Dokumenter', en: 'Documents' },
    activities: { da: 'Aftaler og frister', en: 'Appointments and deadlines' },
    spending: { da: 'Forbrug', en: 'Spending' },
    'food-budget': { da: 'Madbudget', en: 'Food budget' },
    'bank-transactions': { da: 'Bankposteringer', en: 'Bank transactions' },
    transactions: { da: 'Posteringer', en: 'Transactions' },
    health: { da: 'Sundhedsdata', en: 'Health data' },
    'own-files': { da: 'Egne filer', en: 'Own files' },
    'diet-plan': { da: 'Kostplan', en: 'Diet plan' },
  },
  unknown: { da: 'Andre data', en: 'Other data' },
};

/** The parts of data.json a share writes (src/sharing/content.ts), as provenance names what it covers. */
export const DATA_PART: WordList = {
  words: {
    notes: { da: 'Noter', en: 'Notes' },
    cases: { da: 'Sager', en: 'Cases' },
    caseSummaries: { da: 'Resuméer', en: 'Summaries' },
    monthlySpending: { da: 'Forbrug', en: 'Spending' },
    foodBudget: { da: 'Madbudget', en: 'Food budget' },
    transactions: { da: 'Posteringer', en: 'Transactions' },
    health: { da: 'Sundhedsdata', en: 'Health data' },
    healthRecords: { da: 'Sundhedsdata', en: 'Health data' },
    attachments: { da: 'Egne filer', en: 'Own files' },
  },
  unknown: { da: 'Andre data', en: 'Other data' },
};

/** Parts of data.json in words, each word once. */
export const partWords = (parts: readonly unknown[], language: Language): string => [...new Set(parts.map((p) => word(DATA_PART, p, language)))].join(', ');

/** A list of data categories in words, each word once. */
export const categoryWords = (categories: readonly unknown[], language: Language): string =>
  [...new Set(categories.map((c) => word(DATA_CATEGORY, c, language)))].join(', ');
