#!/usr/bin/env -S node --import tsx
/**
 * The receiver's command line: make a key, check a bundle, open it into a folder.
 *
 *   receiver keygen [-o identity.txt]
 *   receiver verify <bundle> (-i identity.txt | --passphrase-env VAR) [--now ISO] [--revocations FILE] [--check-status] [--json]
 *   receiver status <bundle> (-i identity.txt | --passphrase-env VAR) [--now ISO] [--revocations FILE] [--json]
 *   receiver open   <bundle> (-i identity.txt | --passphrase-env VAR) [--out DIR] [--now ISO] [--revocations FILE] [--json]
 *
 * Every way it ends has its exit code (EXIT_CODES in sdk.ts, listed by --help). Texts are
 * Danish, English when LANG starts with `en`. Nothing from inside a bundle is printed except its
 * summary, and every printed character that could steer a terminal is shown escaped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FAILURES, langOf, REASONS, statusLine, summaryLines, T, usageLines } from './cli-text';
import { UnwritableError, writeFolderAtOnce } from './cli-folder';
import {
  checkBundleStatus,
  EXIT_CODES,
  keygen,
  open,
  parseIdentityFile,
  revocationList,
  verify,
  type BundleStatus,
  type CliFailure,
  type OpenOptions,
  type StatusGet,
} from './sdk';
import { terminalJson, visible } from './terminal';
import { readableIndex } from './cli-index';
import { CodedError } from '../shared/coded-error';

const lang = langOf(process.env.LANG);

/** A failure with its exit code; the detail is the technical detail. */
class CliError extends CodedError<CliFailure> {
  override readonly name = 'CliError';
}

const out = (line: string) => process.stdout.write(`${visible(line)}\n`);
const err = (line: string) => process.stderr.write(`${visible(line)}\n`);

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new CliError('unreadable', `${what} ${path}: ${(cause as NodeJS.ErrnoException).code ?? 'cannot be read'}`, { cause });
  }
}

function openOptions(values: { identity?: string; 'passphrase-env'?: string; now?: string; revocations?: string }): OpenOptions {
  let identity: OpenOptions['identity'];
  if (values.identity) {
    try {
      identity = parseIdentityFile(readInput(values.identity, 'identity file').toString('utf8'));
    } catch (cause) {
      throw cause instanceof CliError ? cause : new CliError('unreadable', `identity file ${values.identity}: no AGE-SECRET-KEY-1… line`, { cause });
    }
  } else if (values['passphrase-env']) {
    const passphrase = process.env[values['passphrase-env']];
    if (!passphrase) throw new CliError('usage', `environment variable ${values['passphrase-env']} is empty`);
    identity = { passphrase };
  } else throw new CliError('usage', '-i <identity file> or --passphrase-env <VAR> is required');
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new CliError('usage', '--now must be an ISO date and time');
  const notices = values.revocations
    ? readInput(values.revocations, 'revocations file')
        .toString('utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  return { identity, now, revoked: revocationList(notices) };
}

/** How long a status place may take to answer before the check counts as not made. */
const STATUS_TIMEOUT_MS = 10_000;

/** A GET of a bundle's status: no cookies, no redirects, no waiting forever. */
const httpGet: StatusGet = async (url) => {
  const response = await fetch(url, {
    redirect: 'error',
    credentials: 'omit',
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(STATUS_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.text() };
};

/** The exit code of a checked status: valid 0, ended as revoked, not checked its own. */
const statusExit = (status: BundleStatus): number =>
  status.state === 'active' ? EXIT_CODES.ok : status.state === 'ended' ? EXIT_CODES.revoked : EXIT_CODES['status-unknown'];

function keygenCommand(output: string | undefined): number {
  const made = keygen(new Date());
  if (output) {
    try {
      writeFileSync(output, made.file, { flag: 'wx', mode: 0o600 });
    } catch (cause) {
      throw new CliError('unwritable', `${output}: ${(cause as NodeJS.ErrnoException).code ?? 'cannot be written'}`, { cause });
    }
    err(`${T.publicKey[lang]}: ${made.recipient}`);
    out(made.recipient);
  } else {
    err(`${T.publicKey[lang]}: ${made.recipient}`);
    process.stdout.write(made.file);
  }
  return EXIT_CODES.ok;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
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
        'check-status': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new CliError('usage', (cause as Error).message, { cause });
  }
  const { values, positionals } = parsed;
  const [command, bundlePath, ...extra] = positionals;
  if (values.help || !command) {
    usageLines(lang).forEach(values.help ? out : err);
    return values.help ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  if (command === 'keygen') return keygenCommand(values.output);
  if ((command !== 'verify' && command !== 'open' && command !== 'status') || !bundlePath || extra.length > 0)
    throw new CliError('usage', usageLines(lang).join('\n'));
  const bundle = new Uint8Array(readInput(bundlePath, 'bundle'));
  const options = openOptions(values);

  const refused = (reason: keyof typeof REASONS, detail: string): number => {
    if (values.json) process.stdout.write(`${terminalJson({ ok: false, reason, detail })}\n`);
    else err(`${REASONS[reason][lang]} (${reason}: ${detail})`);
    return EXIT_CODES[reason];
  };

  if (command === 'status' || (command === 'verify' && values['check-status'])) {
    const result = await checkBundleStatus(bundle, options, httpGet);
    if (!result.ok) return refused(result.reason, result.detail);
    const { summary, status } = result;
    if (command === 'verify' && status.state === 'ended') return refused('revoked', `ended ${status.endedAt} according to ${status.place}`);
    if (values.json) process.stdout.write(`${terminalJson(command === 'status' ? { ok: true, id: summary.id, status } : result)}\n`);
    else if (command === 'status') out(statusLine(summary, status, lang));
    else summaryLines(summary, lang, status).forEach(out);
    return statusExit(status);
  }

  if (command === 'verify') {
    const result = await verify(bundle, options);
    if (!result.ok) return refused(result.reason, result.detail);
    if (values.json) process.stdout.write(`${terminalJson(result)}\n`);
    else summaryLines(result.summary, lang).forEach(out);
    return EXIT_CODES.ok;
  }

  // The folder gets an index.html made from data, so data.json is judged before anything is written.
  const result = await open(bundle, { ...options, parseData: 'at-open' });
  if (!result.ok) return refused(result.reason, result.detail);
  const dir = resolve(values.out ?? join(dirname(bundlePath), `${basename(bundlePath).replace(/\.[^.]*$/, '')}-${result.manifest.id}`));
  const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  try {
    writeFolderAtOnce(dir, [
      { path: 'manifest.json', bytes: pretty(result.manifest) },
      // As signed: the same bytes as the manifest's digest, and nothing to re-serialise.
      { path: 'data.json', bytes: result.dataJson },
      { path: 'consent.json', bytes: pretty(result.consent) },
      { path: 'provenance.json', bytes: pretty(result.provenance) },
      ...result.files.map((f) => ({ path: f.path, bytes: f.bytes })),
      // The same data for a person: readable in any browser, printable, no scripts.
      { path: 'index.html', bytes: readableIndex(result, options.now, lang) },
    ]);
  } catch (cause) {
    throw cause instanceof UnwritableError ? new CliError('unwritable', cause.detail, { cause }) : cause;
  }
  if (values.json) process.stdout.write(`${terminalJson({ ok: true, id: result.manifest.id, dir, files: result.files.map((f) => f.path) })}\n`);
  else out(`${T.written[lang]}: ${dir}`);
  return EXIT_CODES.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const failure = error instanceof CliError ? error.code : 'internal';
    const detail = error instanceof CliError ? error.detail : error instanceof Error ? error.message : String(error);
    if (failure === 'usage') detail.split('\n').forEach(err);
    else err(`${FAILURES[failure][lang]} (${failure}: ${detail})`);
    process.exitCode = EXIT_CODES[failure];
  },
);
