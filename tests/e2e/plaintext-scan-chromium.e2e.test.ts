/**
 * Nothing personal readable anywhere in a Chromium profile after the whole story
 * (harness/plaintext-story.ts): signed in at the reference municipality, Thomas's data synced
 * (and the heavy citizen's, at a quarter of its size, in a second profile),
 * a bank file and a health file imported, a note written, a PDF attached, a correction sent, a
 * share made, downloaded, delivered and revoked, every PDF document opened, the vault locked and
 * the browser closed. Every file of the profile — HTTP cache, Sessions, IndexedDB, Local
 * Storage, blob_storage, everything — is then searched for the story's markers
 * (harness/scan-profile.ts: UTF-8, UTF-16 and Latin-1, through LevelDB and Snappy).
 *
 * Positive controls, planted in the same profile, show that the scan finds what is there: a
 * cacheable response in the HTTP cache, a typed field in Sessions, an IndexedDB record and a
 * localStorage item. The negative control runs the old connector (no `no-store`) against the
 * server's old `private, no-cache` header: its profile must hold the citizen's data in the cache.
 * A note left half written when the browser closes must not be in Sessions either (and is, when
 * the page's fields are made rememberable again).
 *
 * As in the other municipal tests, the build's manifest already grants the loopback host.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithHostPermissions, launchChromium, newProfileDir, removeProfileDir } from './harness/chromium';
import { LOOPBACK_HOST, municipalityForThisFile, connectAndSync } from './harness/municipality';
import { chromiumStoryDriver } from './harness/plaintext-drivers';
import {
  CITIZEN,
  CONTROLS,
  plantStorageControls,
  restoreCachingFetch,
  restoreFormMemory,
  runPlaintextStory,
  startControlServer,
  storyMarkers,
  UNSAVED_NOTE,
  untilSessionsHold,
} from './harness/plaintext-story';
import { HEAVY_ID } from '../../src/municipality-server/data/personas/heavy';
import { scanProfile, type ScanReport } from './harness/scan-profile';
import { passphraseKey, playwrightEvaluator, VaultApi } from './harness/vault-api';
import { DA } from './harness/vault-ui';

const STORY_MS = 360_000;
/** The heavy citizen at a quarter of its size: ≈16,000 records, about a minute of syncing. */
const server = municipalityForThisFile({ heavy: { scale: 0.25 } });
const oldServer = municipalityForThisFile({ oldCacheHeader: true });

const inArea = (report: ScanReport, needle: string, area: RegExp) => report.hits.filter((h) => h.needle === needle && area.test(h.file));

describe('the whole story leaves nothing readable in the Chromium profile', () => {
  const profileDir = newProfileDir();
  const granted = buildWithHostPermissions([LOOPBACK_HOST]);
  let markers: string[];
  let report: ScanReport;

  beforeAll(async () => {
    const controls = await startControlServer();
    const chromium = await launchChromium({ profileDir, extensionDir: granted.dir });
    try {
      const page = await chromium.openPage('vault.html');
      ({ markers } = await runPlaintextStory(chromiumStoryDriver(chromium, page), server, [HEAVY_ID]));

      await plantStorageControls(playwrightEvaluator(page), controls.url);
      const form = await chromium.context.newPage();
      await form.goto(`${controls.url}/form`);
      await form.locator('#control').fill(CONTROLS.session);
      await form.goto(`${controls.url}/after`); // the field's state now belongs to a history entry
      await untilSessionsHold(join(profileDir, 'Default/Sessions'), CONTROLS.session);
    } finally {
      await chromium.close();
      await controls.close();
    }
    report = scanProfile(profileDir, [...markers, ...Object.values(CONTROLS)]);
  }, STORY_MS);

  afterAll(() => {
    removeProfileDir(profileDir);
    granted.remove();
  });

  it('reads every file it finds, LevelDB included', () => {
    expect(report.undecodable).toEqual([]);
    expect(report.files).toBeGreaterThan(50);
    expect(report.leveldbLogs).toBeGreaterThan(0);
    // The heavy sync makes LevelDB write its log out as Snappy-compressed tables: those are read too.
    expect(report.leveldbTables).toBeGreaterThan(0);
    expect(report.snappyBlocks).toBeGreaterThan(0);
  });

  it('finds each positive control in its own area of the profile', () => {
    expect(inArea(report, CONTROLS.cache, /^Default\/Cache\/Cache_Data\//).length).toBeGreaterThan(0);
    expect(inArea(report, CONTROLS.session, /^Default\/Sessions\//).length).toBeGreaterThan(0);
    expect(inArea(report, CONTROLS.indexedDb, /^Default\/IndexedDB\//).length).toBeGreaterThan(0);
    expect(inArea(report, CONTROLS.localStorage, /^Default\/Local Storage\//).length).toBeGreaterThan(0);
  });

  it('finds none of the citizen’s data, texts, passphrase or recovery key anywhere', () => {
    const secret = new Set(markers);
    expect(report.hits.filter((h) => secret.has(h.needle))).toEqual([]);
  });
});

describe('negative control: the old connector and the old server header', () => {
  const profileDir = newProfileDir();
  const old = buildWithHostPermissions([LOOPBACK_HOST]);
  restoreCachingFetch(old.dir);
  let report: ScanReport;

  beforeAll(async () => {
    const chromium = await launchChromium({ profileDir, extensionDir: old.dir });
    try {
      const page = await chromium.openPage('vault.html');
      const api = VaultApi.playwright(page);
      const { profileId } = await api.ok('create', { ...(await passphraseKey('en helt anden sætning')), owner: { name: 'Kontrol' } });
      await connectAndSync(api, { profileId, origin: oldServer.url, citizen: CITIZEN }, chromiumStoryDriver(chromium, page).pickCitizen);
      await api.ok('lock', {});
    } finally {
      await chromium.close();
    }
    report = scanProfile(profileDir, storyMarkers(oldServer));
  }, STORY_MS);

  afterAll(() => {
    removeProfileDir(profileDir);
    old.remove();
  });

  it('finds the citizen’s name, CPR and amounts in the HTTP cache', () => {
    const citizen = oldServer.state.catalog.get(CITIZEN).citizen;
    const cached = report.hits.filter((h) => h.file.startsWith('Default/Cache/'));
    expect(cached.map((h) => h.needle)).toEqual(expect.arrayContaining([citizen.name.full, citizen.cpr, expect.stringMatching(/^"ore":/)]));
  });
});

/**
 * A note half written when the browser closes: the page's fields must not be in the session
 * files. With the fields made rememberable again (the old behaviour), they must be.
 */
describe('a form left filled in when the browser closes', () => {
  const scanUnsavedNote = async (forget: boolean): Promise<ScanReport> => {
    const profileDir = newProfileDir();
    const controls = await startControlServer();
    const build = buildWithHostPermissions([LOOPBACK_HOST]);
    if (!forget) restoreFormMemory(build.dir);
    try {
      const chromium = await launchChromium({ profileDir, extensionDir: build.dir });
      try {
        const page = await chromium.openPage('vault.html');
        await VaultApi.playwright(page).ok('create', { ...(await passphraseKey('en helt anden sætning')), owner: { name: 'Kontrol' } });
        await page.reload();
        await page.getByRole('button', { name: DA['notes.add'] }).click();
        const form = page.getByRole('form', { name: DA['notes.new'] });
        await form.getByLabel(DA['notes.titleLabel']).fill(UNSAVED_NOTE.title);
        await form.getByLabel(DA['notes.bodyLabel']).fill(UNSAVED_NOTE.body);
        // Typed after the note, on a page that may be remembered: once it is in the session, so is the note's state.
        const sentinel = await chromium.context.newPage();
        await sentinel.goto(`${controls.url}/form`);
        await sentinel.locator('#control').fill(CONTROLS.session);
        await sentinel.goto(`${controls.url}/after`);
        await untilSessionsHold(join(profileDir, 'Default/Sessions'), CONTROLS.session);
        // With form memory on, the note's own state is written a little later on a busy machine: wait for it.
        if (!forget) for (const text of Object.values(UNSAVED_NOTE)) await untilSessionsHold(join(profileDir, 'Default/Sessions'), text);
      } finally {
        await chromium.close();
      }
      return scanProfile(profileDir, Object.values(UNSAVED_NOTE));
    } finally {
      removeProfileDir(profileDir);
      build.remove();
      await controls.close();
    }
  };

  it('leaves the typed title and text nowhere in the profile', async () => {
    expect((await scanUnsavedNote(true)).hits).toEqual([]);
  });

  it('negative control: with autocomplete on, both are in the session files', async () => {
    const hits = (await scanUnsavedNote(false)).hits.filter((h) => h.file.startsWith('Default/Sessions/'));
    expect(new Set(hits.map((h) => h.needle))).toEqual(new Set(Object.values(UNSAVED_NOTE)));
  });
});
