/**
 * The CLI's words, Danish and English, and the lines it prints about a bundle. Pure: every text
 * from inside a bundle passes through `visible` here, so nothing a sender wrote can steer the
 * reader's terminal.
 */
import type { BundleStatus, BundleSummary, CliFailure, OpenFailureReason } from './sdk';
import { humanFingerprintOf } from './sdk';
import { visible } from './terminal';

export type Lang = 'da' | 'en';

export const langOf = (env: string | undefined): Lang => ((env ?? '').toLowerCase().startsWith('en') ? 'en' : 'da');

export const REASONS: Record<OpenFailureReason, { da: string; en: string }> = {
  'not-a-bundle': { da: 'Filen er ikke en Handlerum-pakke.', en: 'The file is not a Handlerum bundle.' },
  'wrong-key': { da: 'Pakken kan ikke åbnes med denne nøgle eller adgangskode.', en: 'The bundle cannot be opened with this key or passphrase.' },
  tampered: { da: 'Pakken er blevet ændret undervejs.', en: 'The bundle has been changed on the way.' },
  'unsupported-version': { da: 'Pakken er i en nyere udgave af formatet. Opdatér værktøjet.', en: 'The bundle uses a newer format version. Update this tool.' },
  'bad-signature': {
    da: 'Underskriften passer ikke: pakken er ikke fra den, den siger.',
    en: 'The signature does not match: the bundle is not from whom it says.',
  },
  'not-for-you': { da: 'Pakken var ikke ment til dig.', en: 'The bundle was not meant for you.' },
  'not-yet-valid': { da: 'Pakken gælder ikke endnu.', en: 'The bundle is not valid yet.' },
  expired: { da: 'Pakken er udløbet.', en: 'The bundle has expired.' },
  revoked: { da: 'Borgeren har trukket delingen tilbage.', en: 'The citizen has withdrawn this share.' },
  'too-large': {
    da: 'Pakken er for stor eller for dybt indlejret til at blive åbnet sikkert. Filerne kan læses med age og unzip (se docs/bundle-format.md).',
    en: 'The bundle is too large or too deeply nested to open safely. Its files can be read with age and unzip (see docs/bundle-format.md).',
  },
};

/** What went wrong besides a refused bundle, said before the technical detail. */
export const FAILURES: Record<Exclude<CliFailure, 'usage'>, { da: string; en: string }> = {
  internal: { da: 'Der skete en uventet fejl.', en: 'An unexpected error happened.' },
  unreadable: { da: 'En fil kunne ikke læses.', en: 'A file could not be read.' },
  unwritable: { da: 'Mappen kunne ikke skrives; intet er skrevet.', en: 'The folder could not be written; nothing was written.' },
};

const USAGE = {
  da: [
    'Brug:',
    '  receiver keygen [-o nøglefil]',
    '  receiver verify <pakke> (-i nøglefil | --passphrase-env VARIABEL) [--now ISO-tid] [--revocations fil] [--check-status] [--json]',
    '  receiver status <pakke> (-i nøglefil | --passphrase-env VARIABEL) [--now ISO-tid] [--revocations fil] [--json]',
    '  receiver open <pakke> (-i nøglefil | --passphrase-env VARIABEL) [--out mappe] [--now ISO-tid] [--revocations fil] [--json]',
    'Afslutningskoder:',
    '  0 gyldig (og skrevet)   1 uventet fejl   2 forkert brug   3 en fil kan ikke læses',
    '  4 mappen kan ikke skrives (findes og er ikke tom, eller skrivning fejlede; intet efterlades)',
    '  10 ikke en pakke   11 forkert nøgle   12 ændret   13 nyere format   14 forkert underskrift',
    '  15 ikke til dig   16 gælder ikke endnu   17 udløbet   18 trukket tilbage eller afsluttet   19 for stor eller for dyb',
    '  20 ægte, men status kunne ikke tjekkes (status og --check-status)',
  ],
  en: [
    'Usage:',
    '  receiver keygen [-o identity-file]',
    '  receiver verify <bundle> (-i identity-file | --passphrase-env VAR) [--now ISO-time] [--revocations file] [--check-status] [--json]',
    '  receiver status <bundle> (-i identity-file | --passphrase-env VAR) [--now ISO-time] [--revocations file] [--json]',
    '  receiver open <bundle> (-i identity-file | --passphrase-env VAR) [--out dir] [--now ISO-time] [--revocations file] [--json]',
    'Exit codes:',
    '  0 valid (and written)   1 unexpected error   2 usage   3 a file cannot be read',
    '  4 the folder cannot be written (exists and is not empty, or writing failed; nothing is left behind)',
    '  10 not a bundle   11 wrong key   12 tampered   13 newer format   14 bad signature',
    '  15 not for you   16 not yet valid   17 expired   18 revoked or ended   19 too large or too deep',
    '  20 genuine, but its status could not be checked (status and --check-status)',
  ],
} as const;

export const usageLines = (lang: Lang): readonly string[] => USAGE[lang];

export const T = {
  from: { da: 'Fra', en: 'From' },
  to: { da: 'Til', en: 'To' },
  purpose: { da: 'Formål', en: 'Purpose' },
  scope: { da: 'Omfang', en: 'Scope' },
  validFrom: { da: 'Gælder fra', en: 'Valid from' },
  validUntil: { da: 'Gælder til', en: 'Valid until' },
  files: { da: 'Filer', en: 'Files' },
  genuine: { da: 'Pakken er ægte, uændret og gyldig.', en: 'The bundle is genuine, unchanged and valid.' },
  passphrase: { da: 'en adgangskode', en: 'a passphrase' },
  written: { da: 'Skrevet til', en: 'Written to' },
  publicKey: { da: 'Offentlig nøgle', en: 'Public key' },
  genuineUnchecked: {
    da: 'Pakken er ægte og uændret, men dens status kunne ikke tjekkes. Regn den ikke for gyldig, før du ved det.',
    en: 'The bundle is genuine and unchanged, but its status could not be checked. Do not take it as valid until you know.',
  },
  status: { da: 'Status', en: 'Status' },
  statusActive: { da: 'gyldig ifølge {place}', en: 'valid according to {place}' },
  statusEnded: {
    da: 'afsluttet {date} (underskrevet besked fra borgeren, hentet fra {place})',
    en: 'ended {date} (signed notice from the citizen, fetched from {place})',
  },
  statusNotChecked: {
    da: 'ikke tjekket. Tjek den med: receiver status (stedet: {place})',
    en: 'not checked. Check it with: receiver status (the place: {place})',
  },
  statusNoPlace: {
    da: 'kan ikke tjekkes: pakken nævner intet sted. En besked om tilbagetrækning kan kun komme til dig direkte (--revocations).',
    en: 'cannot be checked: the bundle names no place. A withdrawal notice can only reach you directly (--revocations).',
  },
  'unknown.unreachable': { da: 'kunne ikke tjekkes: {place} svarede ikke.', en: 'could not be checked: {place} did not answer.' },
  'unknown.not-known': { da: 'kunne ikke tjekkes: {place} kender ikke pakken.', en: 'could not be checked: {place} does not know the bundle.' },
  'unknown.bad-answer': {
    da: 'kunne ikke tjekkes: svaret fra {place} kunne ikke bruges.',
    en: 'could not be checked: the answer from {place} could not be used.',
  },
} as const;

const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** The line about a bundle's status, checked or not (`status` null: not asked). Safe to print. */
export function statusLine(s: BundleSummary, status: BundleStatus | null, lang: Lang): string {
  const said = (text: string) => visible(`${T.status[lang]}: ${text}`);
  if (!status) return said(s.statusPlace ? fill(T.statusNotChecked[lang], { place: s.statusPlace }) : T.statusNoPlace[lang]);
  if (status.state === 'active') return said(fill(T.statusActive[lang], { place: status.place }));
  if (status.state === 'ended') return said(fill(T.statusEnded[lang], { date: status.endedAt, place: status.place }));
  if (status.reason === 'no-place') return said(T.statusNoPlace[lang]);
  return said(`${fill(T[`unknown.${status.reason}`][lang], { place: status.place ?? '' })} (${status.detail})`);
}

/** The summary of a checked bundle, one line per fact, each safe to print. */
export function summaryLines(s: BundleSummary, lang: Lang, status: BundleStatus | null = null): string[] {
  const to = s.recipient.kind === 'passphrase' ? T.passphrase[lang] : humanFingerprintOf(s.recipient.fingerprint);
  return [
    status?.state === 'unknown' ? T.genuineUnchecked[lang] : T.genuine[lang],
    `${T.from[lang]}: ${s.issuer.name} (${humanFingerprintOf(s.issuer.fingerprint)})`,
    `${T.to[lang]}: ${to}${s.recipient.name ? ` (${s.recipient.name})` : ''}`,
    `${T.purpose[lang]}: ${s.purpose.text[lang]} [${s.purpose.code}]`,
    `${T.scope[lang]}: ${s.scope.description[lang]} (${s.scope.categories.join(', ')})`,
    `${T.validFrom[lang]}: ${s.validFrom}`,
    `${T.validUntil[lang]}: ${s.validUntil}`,
    `${T.files[lang]}: ${s.files.map((f) => f.path).join(', ')}`,
  ]
    .map((line) => visible(line))
    .concat(statusLine(s, status, lang));
}
