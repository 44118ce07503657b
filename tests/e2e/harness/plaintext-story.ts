/**
 * The whole story of a citizen's vault, for a plaintext scan of the browser profile afterwards,
 * in any browser: the vault is made on its page (name and passphrase typed), Thomas signs in
 * at the reference municipality and his data syncs, a bank file and a health file are imported
 * and a note written on the page, a PDF is attached to his case, a correction request goes to
 * the case's inbox, a share of the case (with its PDFs), the note and the file is made, read as
 * a download, delivered to the municipality's inbox and revoked (a notice to its revocation
 * endpoint), every PDF document is opened from the vault (one in the browser's viewer), other
 * citizens (the heavy one) may be synced into profiles of their own, and the vault is locked.
 *
 * What it left behind is found by the markers: the municipality's own words about the citizen
 * (name, CPR, address, amounts as its JSON writes them, document texts and PDF text), the bank
 * file's texts and amounts, the note, the correction and the share's purpose, the passphrase
 * and the recovery key. Browser-specific steps (typing, files, the sign-in window) are the
 * driver's (harness/plaintext-drivers.ts); everything else goes through the vault's message
 * API, the path the page takes.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sha256 } from '@noble/hashes/sha2.js';
import { expect } from 'vitest';
import type { Case, Document, Payment } from '../../../src/municipal/api/schemas';
import type { RunningMunicipality } from '../../../src/municipality-server/server';
import { attachmentContentKind, attachmentKind, splitContent } from '../../../src/records/own/index';
import { makePdf } from '../../../src/municipality-server/data/pdf';
import { connectAndSync } from './municipality';
import { scanProfile } from './scan-profile';
import type { VaultApi } from './vault-api';
import { fromBase64Url, toBase64Url } from '../../../src/shared/base64url';

export const CITIZEN = 'thomas';
export const PASSPHRASE = 'Blåbærgrød i Æbelø-skoven, 7 gange!';
export const NOTE = { title: 'Kostplan fra diætisten', body: 'Havregrød om morgenen, rugbrød med makrel til frokost – ingen sukker i drikke.' };
export const CORRECTION = { whatIsWrong: 'Udbetalingen mangler børnetillægget for november.', why: 'Min søn Åge bor hos mig på fuld tid.' };
export const SHARE_PURPOSE = 'Til min bisidder Ærtebjerg i sagen om arbejdsevne';
export const ATTACHMENT = { name: 'lægeerklæring-Ærtebjerg.pdf', title: 'Laegeerklaering-Diagnose-Rygsoejle-7Q4Z' };

/** Thomas's bank statement as Danske Bank exports it (Windows-1252, which is Latin-1 for æ, ø, å). */
export const BANK_ROWS: [date: string, text: string, amount: string][] = [
  ['03.10.2026', 'Løn og kontanthjælp Vesterå', '11.812,34'],
  ['04.10.2026', 'Husleje Boligforeningen Åbo', '-5.917,25'],
  ['06.10.2026', 'Netto Østerbro 4471', '-612,45'],
  ['13.10.2026', 'Føtex Vesterbro )))) 10422', '-845,55'],
  ['22.10.2026', 'Apoteket Åboulevarden', '-149,95'],
];

export function bankCsv(): Buffer {
  const lines = ['"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"'];
  let balance = 2_000_000;
  for (const [date, text, amount] of BANK_ROWS) {
    balance += Math.round(Number(amount.replace(/\./g, '').replace(',', '.')) * 100);
    const saldo = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2 }).format(balance / 100);
    lines.push(`"${date}";"${text}";"${amount}";"${saldo}";"Udført";"Nej"`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

/** An Apple Health export with a source name that must not be readable on disk. */
export const HEALTH_SOURCE = 'Thomas’ iPhone Ærøskøbing';
export function healthXml(): Buffer {
  const at = (day: string, time: string) => `${day} ${time} +0100`;
  const rows = Array.from({ length: 6 }, (_, i) => {
    const day = `2026-11-1${i}`;
    return `<Record type="HKQuantityTypeIdentifierStepCount" sourceName="${HEALTH_SOURCE}" unit="count" creationDate="${at(day, '18:00:00')}" startDate="${at(day, '08:00:00')}" endDate="${at(day, '18:00:00')}" value="${4321 + i * 17}"/>`;
  });
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="da_DK">\n <ExportDate value="${at('2026-11-20', '20:00:00')}"/>\n ${rows.join('\n ')}\n</HealthData>\n`,
  );
}

/** What a browser does on the vault's page; the rest of the story is browser-neutral. */
export interface StoryDriver {
  /** The vault page's message API. */
  api: VaultApi;
  /** Creates the vault on its page, typing the owner's name and the passphrase; returns the recovery key. */
  createVault(name: string, passphrase: string): Promise<string>;
  /** Picks `citizen` on the municipality's sign-in page, which opens in a window of its own. */
  pickCitizen(citizen: string): Promise<void>;
  importBankFile(name: string, bytes: Buffer, rows: number): Promise<void>;
  importHealthFile(name: string, bytes: Buffer): Promise<void>;
  addNote(title: string, body: string): Promise<void>;
  /**
   * Opens a case's PDF document in the browser's viewer from the vault's page (the case among
   * the open cases by its KLE topic's plain title, the document by its title), and waits until
   * the page has revoked the document's blob URL while the tab still shows it; closes the tab.
   */
  openDocumentPdf(kleCode: string, documentTitle: string): Promise<void>;
}

export interface StoryResult {
  recoveryKey: string;
  /** Secrets and personal data that must be nowhere in the profile. */
  markers: string[];
}

type VaultRecord<T> = { id: string; data: { record: T; provenance: { origin: string } } };

/**
 * Runs the story for Thomas; each citizen in `alsoSync` (the heavy one, say) is signed in and
 * synced too, into a profile of their own in the same vault.
 */
export async function runPlaintextStory(
  driver: StoryDriver,
  municipality: Pick<RunningMunicipality, 'url' | 'state'>,
  alsoSync: string[] = [],
): Promise<StoryResult> {
  const { api } = driver;
  const citizen = municipality.state.catalog.get(CITIZEN).citizen;
  const recoveryKey = await driver.createVault(citizen.name.full, PASSPHRASE);
  const profileId = (await api.ok('listProfiles', {}))[0]!.id;

  await connectAndSync(api, { profileId, origin: municipality.url, citizen: CITIZEN }, driver.pickCitizen);
  await driver.importBankFile('danske-bank.csv', bankCsv(), BANK_ROWS.length);
  await driver.importHealthFile('export.xml', healthXml());
  await driver.addNote(NOTE.title, NOTE.body);

  const list = async <T>(kind: string) => (await api.ok('listRecords', { profileId, kind })).records as unknown as VaultRecord<T>[];
  const cases = await list<Case>('municipal-case');
  const cashCase = cases.find((c) => c.data.record.kle.code === '32.24.04')!;
  const payment = (await list<Payment>('municipal-payment')).find((p) => p.data.record.caseId === cashCase.data.record.id)!;
  const note = (await api.ok('listRecords', { profileId, kind: 'note' })).records.find((r) => (r.data as { title: string }).title === NOTE.title)!;

  // One of his own files on the case, stored as the page stores it: every part and its description in one write.
  const pdf = makePdf(ATTACHMENT.title, ['Patienten kan ikke løfte mere end 5 kg.']);
  const attachmentId = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  await api.ok('writeRecords', {
    ops: [
      ...splitContent(attachmentId, pdf).map((p) => ({ op: 'put' as const, profileId, kind: attachmentContentKind.name, id: p.id, data: p.data })),
      {
        op: 'put',
        profileId,
        kind: attachmentKind.name,
        id: attachmentId,
        data: {
          fileName: ATTACHMENT.name,
          mediaType: 'application/pdf',
          size: pdf.length,
          sha256: toBase64Url(sha256(pdf)),
          chunks: 1,
          attachedTo: { kind: 'municipal-case', id: cashCase.id },
        },
      },
    ],
  });

  // A correction of one payment, sent to the case's inbox.
  const [request] = await api.ok('writeRecords', {
    ops: [
      {
        op: 'put',
        profileId,
        kind: 'correction-request',
        data: {
          target: {
            kind: 'municipal-payment',
            id: payment.id,
            origin: municipality.url,
            resource: 'payments',
            municipalId: payment.data.record.id,
            title: 'Udbetaling',
            caseId: cashCase.data.record.id,
          },
          caseVaultId: cashCase.id,
          whatIsWrong: CORRECTION.whatIsWrong,
          why: CORRECTION.why,
          evidence: [],
          status: { state: 'draft' },
        },
      },
    ],
  });
  await api.ok('municipalInboxSend', { profileId, caseVaultId: cashCase.id, payload: { type: 'correction', requestId: request!.id } });

  // A share to the municipality found by its address: made, downloaded, delivered, revoked.
  const recipient = await api.ok('recipientFetchWellKnown', { profileId, domain: municipality.url });
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const share = await api.ok('shareCreate', {
    profileId,
    recipientId: recipient.id,
    purpose: SHARE_PURPOSE,
    selection: {
      items: [
        { type: 'case', caseId: cashCase.id, parts: ['decisions', 'documents', 'payments', 'activities'] },
        { type: 'note', noteId: note.id },
        { type: 'attachment', attachmentId },
      ],
    },
    expiry: { kind: 'date', date: until },
  });
  for (let index = 0; index < share.chunkCount; index++) await api.ok('shareRead', { transferId: share.transferId, index });
  expect((await api.ok('shareDeliver', { profileId, grantId: share.grantId, channel: 'municipal-inbox' })).ok, 'delivered to the inbox').toBe(true);
  await api.ok('grantRevoke', { profileId, grantId: share.grantId });

  // Every PDF document opened from the vault (kept copies, or fetched from the municipality), one in the browser's viewer.
  const documents = await list<Document>('municipal-document');
  const pdfDocuments = documents.filter((d) => d.data.record.content.format === 'pdf');
  const shown = pdfDocuments.find((d) => d.data.record.caseId === cashCase.data.record.id)!;
  await driver.openDocumentPdf(cashCase.data.record.kle.code, shown.data.record.title);
  for (const d of pdfDocuments) {
    const bytes = fromBase64Url((await api.ok('municipalDocumentPdf', { profileId, documentId: d.id })).data);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  }

  for (const other of alsoSync) {
    const profile = await api.ok('saveProfile', { data: { name: `Borger ${other}`, relation: 'other' } });
    await connectAndSync(api, { profileId: profile.id, origin: municipality.url, citizen: other, timeoutMs: 240_000 }, driver.pickCitizen);
    expect((await api.ok('listRecords', { profileId: profile.id, kind: 'municipal-payment' })).records.length, `${other}'s payments`).toBe(
      municipality.state.catalog.get(other).records.payments.length,
    );
  }

  await api.ok('lock', {});
  expect((await api.ok('status', {})).state).toBe('locked');
  return { recoveryKey, markers: [...storyMarkers(municipality, recoveryKey), ...alsoSync.flatMap((id) => citizenMarkers(municipality, id))] };
}

/** What the municipality says about one citizen: name, CPR, address, amounts as its JSON writes them, document texts, PDF lines. */
export function citizenMarkers(municipality: Pick<RunningMunicipality, 'state'>, id: string): string[] {
  const dataset = municipality.state.catalog.get(id);
  const { citizen } = dataset;
  const amounts = [...new Set(dataset.records.payments.map((p) => `"ore":${p.gross.ore},"currency":"DKK"`))].slice(0, 3);
  const texts = dataset.records.documents.flatMap((d) => (d.content.format === 'text' ? [d.content.text.slice(0, 48)] : [])).slice(0, 3);
  // PDFs write their lines as strings in the content stream (octal escapes for æ, ø, å): the longest of each.
  const pdfLines = [...dataset.pdfs.values()].slice(0, 3).flatMap((bytes) => {
    const lines = [
      ...Buffer.from(bytes)
        .toString('latin1')
        .matchAll(/\(([^()]{24,90})\) '/g),
    ].map((m) => m[1]!);
    return lines.sort((a, b) => b.length - a.length).slice(0, 1);
  });
  if (dataset.pdfs.size > 0 && pdfLines.length === 0) throw new Error(`no line of text found in ${id}’s PDFs`);
  return [
    citizen.name.full,
    citizen.cpr,
    citizen.cpr.replace('-', ''),
    ...(citizen.address ? [citizen.address.street] : []),
    ...amounts,
    ...texts,
    ...pdfLines,
  ];
}

/** The needles of Thomas's story: what the municipality said about him, what he typed and chose, and his secrets. */
export function storyMarkers(municipality: Pick<RunningMunicipality, 'state'>, recoveryKey?: string): string[] {
  return [
    ...citizenMarkers(municipality, CITIZEN),
    ...BANK_ROWS.flatMap(([, text, amount]) => [text, amount]),
    HEALTH_SOURCE,
    NOTE.title,
    NOTE.body,
    CORRECTION.whatIsWrong,
    CORRECTION.why,
    SHARE_PURPOSE,
    ATTACHMENT.name,
    ATTACHMENT.title,
    PASSPHRASE,
    ...(recoveryKey ? [recoveryKey, recoveryKey.replace(/-/g, '')] : []),
  ];
}

/**
 * A server for the positive controls: `/cached/<text>` answers `<text>` with a header that lets
 * a browser keep it on disk, `/form` is a page with a plain text field (which session restore
 * keeps), `/after` is where that page is left for.
 */
export async function startControlServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/cached/')) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=86400', 'access-control-allow-origin': '*' });
      res.end(decodeURIComponent(path.slice('/cached/'.length)).repeat(3));
    } else if (path === '/form') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Kontrol</title><form><label>Kontrol <input id="control" name="control"></label></form>');
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Efter</title><p>Efter</p>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Controls each meant to be found in one area of the profile. */
export const CONTROLS = {
  cache: 'Kontrolmarkør-i-HTTP-cachen-Åbenrå',
  session: 'Kontrolmarkør i sessionen: Ærøskøbing',
  indexedDb: 'Kontrolmarkør i IndexedDB: Bøgeskov Ærø',
  localStorage: 'Kontrolmarkør i localStorage: Åse Ærø',
};

/**
 * Plants the controls from the vault's page (same origin as the vault, so the same storage):
 * a response the HTTP cache may keep, a localStorage item and an IndexedDB record.
 */
export async function plantStorageControls(
  evaluate: (
    fn: (arg: { controls: typeof CONTROLS; cacheUrl: string }) => Promise<void>,
    arg: { controls: typeof CONTROLS; cacheUrl: string },
  ) => Promise<void>,
  controlUrl: string,
): Promise<void> {
  await evaluate(
    async ({ controls, cacheUrl }) => {
      const response = await fetch(cacheUrl);
      if (!(await response.text()).includes(controls.cache)) throw new Error('the cache control did not arrive');
      localStorage.setItem('scan-control', controls.localStorage);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('scan-control', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('records');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('records', 'readwrite');
        tx.objectStore('records').put({ body: controls.indexedDb }, 'control');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { controls: CONTROLS, cacheUrl: `${controlUrl}/cached/${encodeURIComponent(CONTROLS.cache)}` },
  );
}

/**
 * Turns a copy of a build back into the old connector: its one fetch door without `no-store`
 * (what every request did before), so the negative control runs what the citizens ran.
 */
export function restoreCachingFetch(buildDir: string): void {
  const path = join(buildDir, 'background.js');
  const code = readFileSync(path, 'utf8');
  const door = 'cache:"no-store",';
  if (code.split(door).length !== 2) throw new Error(`${path}: expected the no-store fetch exactly once`);
  writeFileSync(path, code.replace(door, ''));
}

/** A note being written, not yet saved, when the browser closes: what session restore would keep. */
export const UNSAVED_NOTE = { title: 'Udkast: klage over Åbo-sagen', body: 'Kære sagsbehandler Ærtebjerg, jeg er uenig i afgørelsen om min søn Åge.' };

/**
 * Turns a copy of a build back into form fields the browser may remember (`autocomplete="on"`
 * where the vault page says "off"), as the old create form's `autocomplete="name"` did.
 */
export function restoreFormMemory(buildDir: string): void {
  let changed = 0;
  for (const name of readdirSync(join(buildDir, 'chunks'))) {
    const path = join(buildDir, 'chunks', name);
    const code = readFileSync(path, 'utf8');
    const parts = code.split('autocomplete:"off"');
    changed += parts.length - 1;
    writeFileSync(path, parts.join('autocomplete:"on"'));
  }
  if (changed < 10) throw new Error(`${buildDir}: expected the vault page's autocomplete="off" fields, found ${changed}`);
}

/**
 * Waits until the browser's session files (Chromium's `Default/Sessions`, Firefox's
 * `sessionstore-backups`) hold `text`: typed into a field after everything else, it shows that
 * the browser has written its session since.
 */
export async function untilSessionsHold(sessionsDir: string, text: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(sessionsDir) || scanProfile(sessionsDir, [text]).hits.length === 0) {
    if (Date.now() > deadline) throw new Error(`${sessionsDir} did not come to hold ${JSON.stringify(text)} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
