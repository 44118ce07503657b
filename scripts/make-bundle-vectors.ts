/**
 * Writes the bundle test vectors in tests/vectors/bundle/: fixed keys, fixed time and fixed
 * randomness give fixed bundle bytes. Positive vectors must open; every negative vector must be
 * rejected with the reason it names. A unit test regenerates them and compares the bytes.
 *
 *   node --import tsx scripts/make-bundle-vectors.ts
 *
 * The negative vectors are built from the same parts the format uses (age, ZIP, JWS), changed
 * the way an attacker holding the recipient's public key could change them.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  activitiesToICalendar,
  createBundle,
  createRevocation,
  healthToFhirBundle,
  STANDARD_MEDIA_TYPES,
  textFile,
  transactionsToCsv,
  transactionsToOfx,
  type ShareContent,
} from '../src/bundle/index';
import { ageDecrypt, ageEncrypt, encodeAgeIdentity, encodeAgeRecipient, parseAgeIdentity, x25519PublicKey } from '../src/bundle/age';
import { canonicalJson, signJws } from '../src/bundle/jws';
import { ed25519Jwk, jwkFingerprint } from '../src/bundle/keys';
import { MANIFEST_JWS_TYPE } from '../src/bundle/schemas';
import { readZip, writeZip, type ZipEntry } from '../src/bundle/zip';
import { manifestEntryOf, signManifest } from '../src/municipal/api/signature';
import { toBase64Unpadded, toBase64Url } from '../src/shared/base64url';
import { fromUtf8, utf8 } from '../src/shared/bytes';

export const VECTORS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/vectors/bundle');

/** A deterministic byte source: SHA-256(label ‖ counter) blocks, a fresh block run per call. */
export function seededRandom(label: string): (n: number) => Uint8Array {
  let counter = 0;
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let o = 0; o < n; o += 32) out.set(sha256(utf8(`${label}/${counter++}`)).subarray(0, Math.min(32, n - o)), o);
    return out;
  };
}

const seed = (label: string): Uint8Array => sha256(utf8(`handlerum bundle vectors: ${label}`));

/** The fixed keys of the vectors. Test keys only: published here on purpose. */
export const KEYS = {
  issuer: { signingSecretKey: seed('issuer'), name: 'Thomas Nielsen' },
  otherIssuer: { signingSecretKey: seed('other issuer'), name: 'Mallory' },
  municipality: { kid: 'aarhus-2026', secretKey: seed('municipality') },
  recipient: encodeAgeIdentity(seed('recipient')),
  otherRecipient: encodeAgeIdentity(seed('other recipient')),
  passphrase: 'korrekt hest batteri hæfteklamme',
} as const;

export const recipientOf = (identity: string): string => encodeAgeRecipient(x25519PublicKey(parseAgeIdentity(identity)));

export const TIMES = {
  issuedAt: new Date('2026-12-01T10:00:00.000Z'),
  expiresAt: new Date('2026-12-31T23:00:00.000Z'),
  during: new Date('2026-12-15T12:00:00.000Z'),
  before: new Date('2026-11-30T12:00:00.000Z'),
  after: new Date('2027-01-01T00:00:00.000Z'),
} as const;

const bi = (da: string, en: string) => ({ da, en });

/** The consent receipt of a bundle to "Føtex Madbudget" for budgeting. */
export function consentFor(expiresAt: Date, recipientName = 'Føtex Madbudget'): ShareContent['consent'] {
  return {
    schemaVersion: 'ISO/IEC TS 27560:2023',
    receiptId: 'receipt-0001',
    consentTimestamp: TIMES.issuedAt.toISOString(),
    language: 'da',
    jurisdiction: 'DK',
    controller: { name: 'Thomas Nielsen', role: 'citizen' },
    piiPrincipal: { name: 'Thomas Nielsen' },
    recipients: [{ name: recipientName }],
    purposes: [{ code: 'budget', text: bi('Madbudget ud fra mine køb', 'Food budget from my purchases'), legalBasis: 'consent' }],
    dataCategories: ['transactions'],
    termination: { expiresAt: expiresAt.toISOString(), text: bi('Deling ophører ved udløb.', 'Sharing ends when it expires.') },
    withdrawal: { text: bi('Træk tilbage i Handlerum under Deling.', 'Withdraw in Handlerum under Sharing.') },
    deletion: { text: bi('Bed modtageren slette data ved tilbagetrækning.', 'Ask the recipient to delete the data on withdrawal.') },
  };
}

/** The smallest content: a few transactions the citizen vouches for. */
export function smallContent(): ShareContent {
  return {
    purpose: { code: 'budget', text: bi('Madbudget', 'Food budget') },
    scope: { description: bi('Køb i december', 'Purchases in December'), categories: ['transactions'] },
    data: { transactions: [{ date: '2026-12-01', amountMinor: -12345, currency: 'DKK', text: 'Føtex Aarhus' }] },
    provenance: [{ attestedBy: 'citizen', source: 'Danske Bank CSV' }],
    consent: consentFor(TIMES.expiresAt),
  };
}

const TRANSACTIONS = [
  { date: '2026-12-01', amountMinor: -12345, currency: 'DKK', text: 'Føtex Aarhus C', balanceMinor: 1_000_00, pending: false },
  { date: '2026-12-02', amountMinor: 2_500_00, currency: 'DKK', text: 'Løn, "december"', counterparty: 'Aarhus Kommune', pending: false },
  { date: '2026-12-03', amountMinor: -4_995, currency: 'DKK', text: 'Netto; Viby', pending: true },
];

/** Everything a bundle can carry: data, standard copies, a document and a municipal page signature. */
export function fullContent(): ShareContent {
  const records = [
    { type: 'case', id: 'sag-1', version: 3, title: 'Boligstøtte', status: 'afgjort' },
    { type: 'decision', id: 'afg-1', version: 1, caseId: 'sag-1', outcome: 'bevilget' },
  ];
  const page = { iss: 'https://aarhus.example', sub: 'borger-1', resource: 'cases', cursor: null, iat: 1_796_000_000, items: records.map(manifestEntryOf) };
  const jws = signManifest(page, KEYS.municipality);
  return {
    purpose: { code: 'legal-advice', text: bi('Rådgivning om min sag', 'Advice on my case') },
    scope: {
      description: bi('Min boligstøttesag og mine køb', 'My housing benefit case and my purchases'),
      categories: ['cases', 'transactions', 'health', 'activities', 'documents'],
    },
    data: { records, transactions: TRANSACTIONS },
    files: [
      textFile('files/transactions.csv', STANDARD_MEDIA_TYPES.csv, transactionsToCsv(TRANSACTIONS)),
      textFile('files/transactions.ofx', STANDARD_MEDIA_TYPES.ofx, transactionsToOfx(TRANSACTIONS, { now: TIMES.issuedAt, accountId: '1234-5678901' })),
      textFile(
        'files/activities.ics',
        STANDARD_MEDIA_TYPES.ics,
        activitiesToICalendar(
          [{ id: 'mode-1', title: 'Møde om boligstøtte', start: '2026-12-10T09:00:00.000Z', end: '2026-12-10T10:00:00.000Z', location: 'Rådhuset, Aarhus' }],
          {
            now: TIMES.issuedAt,
            name: 'Handlerum',
          },
        ),
      ),
      textFile(
        'files/health.fhir.json',
        STANDARD_MEDIA_TYPES.fhir,
        JSON.stringify(
          healthToFhirBundle(
            [
              {
                id: 'obs-1',
                status: 'final',
                name: bi('Kropsvægt', 'Body weight'),
                code: { system: 'http://loinc.org', code: '29463-7' },
                effective: '2026-11-20T08:00:00+01:00',
                value: { number: 81.5, unit: 'kg' },
              },
            ],
            { now: TIMES.issuedAt },
          ),
        ),
      ),
      { path: 'files/documents/afgorelse.pdf', mediaType: 'application/pdf', bytes: utf8('%PDF-1.4\n% a stand-in document\n%%EOF\n') },
    ],
    provenance: [
      {
        attestedBy: 'municipality',
        source: 'Aarhus Kommune',
        origin: 'https://aarhus.example',
        jws,
        kid: KEYS.municipality.kid,
        records: records.map(manifestEntryOf),
      },
      { attestedBy: 'citizen', source: 'Danske Bank CSV', covers: ['transactions', 'files/transactions.csv', 'files/transactions.ofx'] },
    ],
    consent: { ...consentFor(TIMES.expiresAt, 'Advokat Jensen'), dataCategories: ['cases', 'transactions', 'health', 'activities', 'documents'] },
    recipientEndpoint: 'https://advokat-jensen.example/handlerum/revocations',
  };
}

export interface BundleVector {
  description: string;
  expect: 'success' | 'failure';
  /** For failures: the reason open() must return. */
  reason?: string;
  /** How to open it: an age identity or a passphrase. */
  identity?: string;
  passphrase?: string;
  /** The time to open it at. */
  now: string;
  /** Revocation notices the receiver holds (compact JWS). */
  revocations?: string[];
  /** The bundle, base64 (standard alphabet, no padding). */
  bundle: string;
  /** For successes: what open() must give. */
  result?: { id: string; dataSha256: string; files: string[] };
}

const x25519To = (identity: string) => ({ kind: 'x25519' as const, ageRecipient: recipientOf(identity), name: 'Føtex Madbudget' });

/** A bundle as the vault makes it (X25519 to the fixed recipient unless told otherwise). */
export function makeBundle(
  label: string,
  content: ShareContent = smallContent(),
  extra: Partial<Parameters<typeof createBundle>[0]> = {},
): Promise<Uint8Array> {
  return createBundle({
    issuer: KEYS.issuer,
    recipient: x25519To(KEYS.recipient),
    content,
    issuedAt: TIMES.issuedAt,
    expiresAt: TIMES.expiresAt,
    random: seededRandom(label),
    ...extra,
  });
}

// --- tools for the negative set ---------------------------------------------------------------

const secretOf = (identity: string) => ({ kind: 'x25519' as const, secretKey: parseAgeIdentity(identity) });
const publicOf = (identity: string) => ({ kind: 'x25519' as const, publicKey: x25519PublicKey(parseAgeIdentity(identity)) });

/** Decrypts with the fixed recipient, lets `change` alter the ZIP entries, encrypts again to `to`. */
function reZip(bundle: Uint8Array, label: string, change: (entries: ZipEntry[]) => ZipEntry[] | Uint8Array, to = KEYS.recipient): Uint8Array {
  const entries = readZip(ageDecrypt(bundle, secretOf(KEYS.recipient))).map((e) => ({ name: e.name, bytes: e.bytes.slice() }));
  const changed = change(entries);
  const zip = changed instanceof Uint8Array ? changed : writeZip(changed);
  return ageEncrypt(zip, publicOf(to), seededRandom(label));
}

/** Re-signs a changed manifest with `signer` (the issuer unless told otherwise). */
function reSign(
  bundle: Uint8Array,
  label: string,
  change: (manifest: Record<string, unknown>) => Record<string, unknown>,
  signer: Uint8Array = KEYS.issuer.signingSecretKey,
  kidOf: Uint8Array = signer,
  changeFiles: (entries: ZipEntry[]) => ZipEntry[] = (entries) => entries,
) {
  return reZip(bundle, label, (entries) => {
    const manifest = JSON.parse(atobUrl(fromUtf8(entries[0]!.bytes).split('.')[1]!)) as Record<string, unknown>;
    const jws = signJws(canonicalJson(change(manifest)), MANIFEST_JWS_TYPE, jwkFingerprint(ed25519Jwk(kidOf)), signer);
    return [{ name: 'manifest.jws', bytes: utf8(jws) }, ...changeFiles(entries.slice(1))];
  });
}

/**
 * The bundle with data.json replaced by `bytes`, listed with its new size and digest in a
 * manifest the issuer signs again: genuine data the vault itself would not make (too deep, say).
 */
export function withDataJson(bundle: Uint8Array, label: string, bytes: Uint8Array): Uint8Array {
  return reSign(
    bundle,
    label,
    (m) => ({
      ...m,
      files: (m.files as { path: string }[]).map((f) => (f.path === 'data.json' ? { ...f, size: bytes.length, sha256: toBase64Url(sha256(bytes)) } : f)),
    }),
    KEYS.issuer.signingSecretKey,
    KEYS.issuer.signingSecretKey,
    (entries) => entries.map((x) => (x.name === 'data.json' ? { ...x, bytes } : x)),
  );
}

const atobUrl = (part: string): string => Buffer.from(part, 'base64url').toString('utf8');

const listFile = (manifest: Record<string, unknown>, path: string, bytes: Uint8Array) => ({
  ...manifest,
  files: [...(manifest.files as object[]), { path, mediaType: 'text/plain', size: bytes.length, sha256: toBase64Url(sha256(bytes)) }],
});

function flip(bundle: Uint8Array, at: number): Uint8Array {
  const copy = bundle.slice();
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

const b64 = (bytes: Uint8Array) => toBase64Unpadded(bytes);
const resultOf = async (content: ShareContent, bundleId: string) => ({
  id: bundleId,
  dataSha256: toBase64Url(sha256(utf8(canonicalJson(content.data)))),
  files: (content.files ?? []).map((f) => f.path),
});

/** Every vector, by file name (without `.json`). */
export async function buildVectors(): Promise<Record<string, BundleVector>> {
  const v: Record<string, BundleVector> = {};
  const during = TIMES.during.toISOString();
  const ok = (description: string, bundle: Uint8Array, result: NonNullable<BundleVector['result']>, extra: Partial<BundleVector> = {}): BundleVector => ({
    description,
    expect: 'success',
    identity: KEYS.recipient,
    now: during,
    bundle: b64(bundle),
    result,
    ...extra,
  });
  const bad = (description: string, reason: string, bundle: Uint8Array, extra: Partial<BundleVector> = {}): BundleVector => ({
    description,
    expect: 'failure',
    reason,
    identity: KEYS.recipient,
    now: during,
    bundle: b64(bundle),
    ...extra,
  });
  const idOf = (label: string) => toBase64Url(seededRandom(label)(16));

  const small = await makeBundle('small');
  v['small-x25519'] = ok('Smallest bundle: one transaction, citizen-attested, X25519 recipient.', small, await resultOf(smallContent(), idOf('small')));
  const full = await makeBundle('full', fullContent(), { notBefore: new Date('2026-12-02T00:00:00.000Z') });
  v['full-x25519'] = ok(
    'Data, standard copies (CSV, OFX, iCalendar, FHIR), a document, a municipal page signature.',
    full,
    await resultOf(fullContent(), idOf('full')),
  );
  const big = {
    ...smallContent(),
    data: { transactions: Array.from({ length: 900 }, (_, i) => ({ date: '2026-12-01', amountMinor: -i, currency: 'DKK', text: `Køb nummer ${i}` })) },
  };
  v['multi-chunk-x25519'] = ok(
    'A ZIP over 64 KiB, so the payload has more than one STREAM chunk.',
    await makeBundle('multi-chunk', big),
    await resultOf(big, idOf('multi-chunk')),
  );
  const pass = await makeBundle('passphrase', smallContent(), { recipient: { kind: 'passphrase', passphrase: KEYS.passphrase }, scryptWorkFactor: 10 });
  v['small-passphrase'] = ok('Encrypted to a passphrase (age scrypt, work factor 10).', pass, await resultOf(smallContent(), idOf('passphrase')), {
    passphrase: KEYS.passphrase,
  });
  delete v['small-passphrase'].identity;

  v['tampered-ciphertext'] = bad('One payload byte changed.', 'tampered', flip(small, small.length - 40));
  v['tampered-header'] = bad(
    'One byte of the header MAC changed.',
    'tampered',
    flip(small, new TextDecoder().decode(small.subarray(0, 300)).indexOf('--- ') + 6),
  );
  v['truncated'] = bad('The last 100 bytes cut off.', 'tampered', small.subarray(0, small.length - 100));
  v['tampered-zip-entry'] = bad(
    'data.json changed and encrypted again to the recipient; the manifest still lists the old digest.',
    'tampered',
    reZip(small, 'tampered-zip-entry', (e) => e.map((x) => (x.name === 'data.json' ? { ...x, bytes: utf8(fromUtf8(x.bytes).replace('-12345', '-1')) } : x))),
  );
  v['extra-file'] = bad(
    'A file added to the ZIP that the manifest does not list.',
    'tampered',
    reZip(small, 'extra-file', (e) => [...e, { name: 'files/extra.txt', bytes: utf8('extra') }]),
  );
  v['missing-file'] = bad(
    'consent.json removed from the ZIP.',
    'tampered',
    reZip(small, 'missing-file', (e) => e.filter((x) => x.name !== 'consent.json')),
  );
  v['duplicate-name'] = bad(
    'data.json present twice (a changed copy after the listed one).',
    'tampered',
    reZip(small, 'duplicate-name', (e) => {
      const zip = writeZip([...e, { name: 'data.jsoN', bytes: utf8('{}') }]);
      // Rename the last entry to data.json in both the local and the central header.
      const text = Buffer.from(zip);
      let at = -1;
      while ((at = text.indexOf('data.jsoN', at + 1)) >= 0) text.write('data.json', at);
      return new Uint8Array(text);
    }),
  );
  v['non-canonical-zip'] = bad(
    'The ZIP entries given a modification time (not the canonical 1980-01-01).',
    'tampered',
    reZip(small, 'non-canonical-zip', (e) => {
      const zip = writeZip(e);
      const view = new DataView(zip.buffer);
      view.setUint16(10, 0x6000, true);
      return zip;
    }),
  );
  v['reordered-files'] = bad(
    'The ZIP entries after the manifest in another order than the manifest lists them.',
    'tampered',
    reZip(small, 'reordered-files', (e) => [e[0]!, e[2]!, e[1]!, ...e.slice(3)]),
  );
  v['non-canonical-manifest'] = bad(
    'A manifest re-signed by the issuer but not in JCS canonical form (indented).',
    'tampered',
    reZip(small, 'non-canonical-manifest', (e) => {
      const manifest = JSON.parse(atobUrl(fromUtf8(e[0]!.bytes).split('.')[1]!)) as unknown;
      const jws = signJws(
        JSON.stringify(manifest, null, 1),
        MANIFEST_JWS_TYPE,
        jwkFingerprint(ed25519Jwk(KEYS.issuer.signingSecretKey)),
        KEYS.issuer.signingSecretKey,
      );
      return [{ name: 'manifest.jws', bytes: utf8(jws) }, ...e.slice(1)];
    }),
  );
  v['wrong-hash'] = bad(
    'The manifest, re-signed by the issuer, lists a wrong SHA-256 for data.json.',
    'tampered',
    reSign(small, 'wrong-hash', (m) => ({
      ...m,
      files: (m.files as { path: string; sha256: string }[]).map((f) => (f.path === 'data.json' ? { ...f, sha256: toBase64Url(sha256(utf8('other'))) } : f)),
    })),
  );
  v['unlisted-signed-file'] = bad(
    'A file listed in a re-signed manifest but not in the ZIP.',
    'tampered',
    reSign(small, 'unlisted-signed-file', (m) => listFile(m, 'files/ghost.txt', utf8('ghost'))),
  );
  v['bad-signature'] = bad(
    'The manifest changed (expiry moved a year on) without a new signature.',
    'bad-signature',
    reZip(small, 'bad-signature', (e) => {
      const [h, p, s] = fromUtf8(e[0]!.bytes).split('.') as [string, string, string];
      const changed = Buffer.from(p, 'base64url').toString('utf8').replace('2026-12-31', '2027-12-31');
      return [{ name: 'manifest.jws', bytes: utf8(`${h}.${Buffer.from(changed).toString('base64url')}.${s}`) }, ...e.slice(1)];
    }),
  );
  v['wrong-issuer'] = bad(
    'Signed by another key than the issuer key the manifest names.',
    'bad-signature',
    reSign(small, 'wrong-issuer', (m) => m, KEYS.otherIssuer.signingSecretKey, KEYS.issuer.signingSecretKey),
  );
  v['unsupported-version'] = bad(
    'A manifest of format version 2, signed by the issuer.',
    'unsupported-version',
    reSign(small, 'unsupported-version', (m) => ({ ...m, version: 2 })),
  );
  v['expired'] = bad('Opened after it expired.', 'expired', small, { now: TIMES.after.toISOString() });
  v['at-expiry'] = bad('Opened at the exact instant of expiry (expiry is exclusive).', 'expired', small, { now: TIMES.expiresAt.toISOString() });
  v['not-yet-valid'] = bad('Opened before its not-before time.', 'not-yet-valid', full, { now: TIMES.issuedAt.toISOString() });
  v['not-for-you'] = bad(
    'Made for one recipient, decrypted and encrypted again to another who opens it.',
    'not-for-you',
    reZip(small, 'not-for-you', (e) => e, KEYS.otherRecipient),
    { identity: KEYS.otherRecipient },
  );
  v['revoked'] = bad('The receiver holds a revocation notice for it, signed by the issuer.', 'revoked', small, {
    revocations: [
      createRevocation({ signingSecretKey: KEYS.issuer.signingSecretKey, bundleId: idOf('small'), revokedAt: new Date('2026-12-10T00:00:00.000Z') }),
    ],
  });
  v['wrong-key'] = bad('Opened with an identity it was not encrypted to.', 'wrong-key', small, { identity: KEYS.otherRecipient });
  v['wrong-passphrase'] = bad('A passphrase bundle opened with the wrong passphrase.', 'wrong-key', pass, { passphrase: 'forkert' });
  delete v['wrong-passphrase'].identity;
  v['too-deep'] = bad(
    'data.json nested 100 levels deep (the vault never makes one), re-signed by the issuer: genuine, but too deep to read safely.',
    'too-large',
    withDataJson(small, 'too-deep', utf8(`{"nested":${'['.repeat(99)}${']'.repeat(99)}}`)),
  );
  v['not-a-bundle'] = bad('Plain bytes that are not an age file.', 'not-a-bundle', utf8('PK\u0003\u0004 this is not a bundle\n'));
  v['age-not-zip'] = bad(
    'A valid age file to the recipient whose content is not a ZIP.',
    'not-a-bundle',
    ageEncrypt(utf8('hello'), publicOf(KEYS.recipient), seededRandom('age-not-zip')),
  );
  return v;
}

/** The file text of a vector: stable key order, two-space indent, final newline. */
export const vectorText = (vector: BundleVector): string => `${JSON.stringify(vector, null, 2)}\n`;

async function main(): Promise<void> {
  const vectors = await buildVectors();
  mkdirSync(VECTORS_DIR, { recursive: true });
  for (const file of readdirSync(VECTORS_DIR)) if (file.endsWith('.json')) rmSync(join(VECTORS_DIR, file));
  for (const [name, vector] of Object.entries(vectors)) writeFileSync(join(VECTORS_DIR, `${name}.json`), vectorText(vector));
  process.stdout.write(`${Object.keys(vectors).length} vectors written to ${VECTORS_DIR}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
