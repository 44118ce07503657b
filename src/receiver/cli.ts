#!/usr/bin/env -S node --import tsx
/**
 * The receiver's command line: make a key, check a bundle, open it into a folder.
 *
 *   receiver keygen [-o identity.txt]
 *   receiver verify <bundle> (-i identity.txt | --passphrase-env VAR) [--now ISO] [--revocations FILE] [--json]
 *   receiver open   <bundle> (-i identity.txt | --passphrase-env VAR) [--out DIR] [--now ISO] [--revocations FILE] [--json]
 *
 * The exit code tells the reason a bundle was refused (EXIT_CODES in sdk.ts). Texts are Danish,
 * English when LANG starts with `en`. Nothing from inside a bundle is printed except its summary.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_CODES, keygen, open, parseIdentityFile, revocationList, verify, type BundleSummary, type OpenFailureReason, type OpenOptions } from './sdk';

type Lang = 'da' | 'en';
const lang: Lang = (process.env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'da';

const REASONS: Record<OpenFailureReason, { da: string; en: string }> = {
  'not-a-bundle': { da: 'Filen er ikke en Handlerum-pakke.', en: 'The file is not a Handlerum bundle.' },
  'wrong-key': { da: 'Pakken kan ikke åbnes med denne nøgle eller adgangskode.', en: 'The bundle cannot be opened with this key or passphrase.' },
  tampered: { da: 'Pakken er blevet ændret undervejs.', en: 'The bundle has been changed on the way.' },
  'unsupported-version': { da: 'Pakken er i en nyere udgave af formatet. Opdatér værktøjet.', en: 'The bundle uses a newer format version. Update this tool.' },
  'bad-signature': { da: 'Underskriften passer ikke: pakken er ikke fra den, den siger.', en: 'The signature does not match: the bundle is not from whom it says.' },
  'not-for-you': { da: 'Pakken var ikke ment til dig.', en: 'The bundle was not meant for you.' },
  'not-yet-valid': { da: 'Pakken gælder ikke endnu.', en: 'The bundle is not valid yet.' },
  expired: { da: 'Pakken er udløbet.', en: 'The bundle has expired.' },
  revoked: { da: 'Borgeren har trukket delingen tilbage.', en: 'The citizen has withdrawn this share.' },
};

const T = {
  usage: {
    da: [
      'Brug:',
      '  receiver keygen [-o nøglefil]',
      '  receiver verify <pakke> (-i nøglefil | --passphrase-env VARIABEL) [--now ISO-tid] [--revocations fil] [--json]',
      '  receiver open <pakke> (-i nøglefil | --passphrase-env VARIABEL) [--out mappe] [--now ISO-tid] [--revocations fil] [--json]',
      'Afslutningskoder: 0 gyldig, 2 forkert brug, 10–18 én pr. grund (se docs/bundle-format.md).',
    ].join('\n'),
    en: [
      'Usage:',
      '  receiver keygen [-o identity-file]',
      '  receiver verify <bundle> (-i identity-file | --passphrase-env VAR) [--now ISO-time] [--revocations file] [--json]',
      '  receiver open <bundle> (-i identity-file | --passphrase-env VAR) [--out dir] [--now ISO-time] [--revocations file] [--json]',
      'Exit codes: 0 valid, 2 usage, 10–18 one per reason (see docs/bundle-format.md).',
    ].join('\n'),
  },
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
} as const;

class UsageError extends Error {}

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function printSummary(s: BundleSummary): void {
  out(T.genuine[lang]);
  out(`${T.from[lang]}: ${s.issuer.name} (${s.issuer.fingerprint})`);
  out(`${T.to[lang]}: ${s.recipient.kind === 'passphrase' ? T.passphrase[lang] : s.recipient.fingerprint}${s.recipient.name ? ` (${s.recipient.name})` : ''}`);
  out(`${T.purpose[lang]}: ${s.purpose.text[lang]} [${s.purpose.code}]`);
  out(`${T.scope[lang]}: ${s.scope.description[lang]} (${s.scope.categories.join(', ')})`);
  out(`${T.validFrom[lang]}: ${s.validFrom}`);
  out(`${T.validUntil[lang]}: ${s.validUntil}`);
  out(`${T.files[lang]}: ${s.files.map((f) => f.path).join(', ')}`);
}

function openOptions(values: { identity?: string; 'passphrase-env'?: string; now?: string; revocations?: string }): OpenOptions {
  let identity: OpenOptions['identity'];
  if (values.identity) identity = parseIdentityFile(readFileSync(values.identity, 'utf8'));
  else if (values['passphrase-env']) {
    const passphrase = process.env[values['passphrase-env']];
    if (!passphrase) throw new UsageError(`environment variable ${values['passphrase-env']} is empty`);
    identity = { passphrase };
  } else throw new UsageError('-i <identity file> or --passphrase-env <VAR> is required');
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError('--now must be an ISO date and time');
  const notices = values.revocations ? readFileSync(values.revocations, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : [];
  return { identity, now, revoked: revocationList(notices) };
}

/** Writes `bytes` to `path` under `root`, refusing to leave it or to overwrite. */
function writeInside(root: string, path: string, bytes: Uint8Array | string): void {
  const target = resolve(root, path);
  if (!target.startsWith(root + sep)) throw new UsageError(`refusing to write outside ${root}: ${path}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes, { flag: 'wx' });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      identity: { type: 'string', short: 'i' },
      'passphrase-env': { type: 'string' },
      output: { type: 'string', short: 'o' },
      out: { type: 'string' },
      now: { type: 'string' },
      revocations: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, bundlePath, ...extra] = positionals;
  if (values.help || !command) {
    out(T.usage[lang]);
    return values.help ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  if (command === 'keygen') {
    const made = keygen(new Date());
    if (values.output) {
      writeFileSync(values.output, made.file, { flag: 'wx', mode: 0o600 });
      err(`${T.publicKey[lang]}: ${made.recipient}`);
      out(made.recipient);
    } else {
      err(`${T.publicKey[lang]}: ${made.recipient}`);
      process.stdout.write(made.file);
    }
    return EXIT_CODES.ok;
  }
  if ((command !== 'verify' && command !== 'open') || !bundlePath || extra.length > 0) throw new UsageError(T.usage[lang]);
  const bundle = new Uint8Array(readFileSync(bundlePath));
  const options = openOptions(values);

  if (command === 'verify') {
    const result = await verify(bundle, options);
    if (values.json) out(JSON.stringify(result));
    if (!result.ok) {
      if (!values.json) err(`${REASONS[result.reason][lang]} (${result.reason}: ${result.detail})`);
      return EXIT_CODES[result.reason];
    }
    if (!values.json) printSummary(result.summary);
    return EXIT_CODES.ok;
  }

  const result = await open(bundle, options);
  if (!result.ok) {
    if (values.json) out(JSON.stringify(result));
    else err(`${REASONS[result.reason][lang]} (${result.reason}: ${result.detail})`);
    return EXIT_CODES[result.reason];
  }
  const dir = resolve(values.out ?? join(dirname(bundlePath), `${basename(bundlePath).replace(/\.[^.]*$/, '')}-${result.manifest.id}`));
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`${dir} exists and is not empty`);
  mkdirSync(dir, { recursive: true });
  writeInside(dir, 'manifest.json', `${JSON.stringify(result.manifest, null, 2)}\n`);
  writeInside(dir, 'data.json', `${JSON.stringify(result.data, null, 2)}\n`);
  writeInside(dir, 'consent.json', `${JSON.stringify(result.consent, null, 2)}\n`);
  writeInside(dir, 'provenance.json', `${JSON.stringify(result.provenance, null, 2)}\n`);
  for (const file of result.files) writeInside(dir, file.path, file.bytes);
  if (values.json) out(JSON.stringify({ ok: true, id: result.manifest.id, dir, files: result.files.map((f) => f.path) }));
  else out(`${T.written[lang]}: ${dir}`);
  return EXIT_CODES.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(error instanceof Error ? error.message : String(error));
    process.exitCode = EXIT_CODES.usage;
  },
);
