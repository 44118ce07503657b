/**
 * Nothing personal readable anywhere in a Firefox ESR profile after the whole story
 * (harness/plaintext-story.ts), as in plaintext-scan-chromium.e2e.test.ts: every file of the
 * closed profile — cache2, the session store (mozLz4-decompressed), IndexedDB and localStorage
 * in SQLite, everything — searched for the story's markers. Positive controls show the scan finds
 * a cacheable response in cache2, a typed field in the session store, an IndexedDB record and a
 * localStorage item; the negative control (the old connector against the old server header)
 * must leave the citizen's data in cache2. A note left half written when the browser closes must
 * not be in the session store (and is, when the fields are made rememberable again). The add-on runs from a copy of the build whose
 * manifest already grants the loopback host; the page is in English (Debian's Firefox ESR).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithHostPermissions } from './harness/chromium';
import { launchFirefox, newFirefoxProfileDir, pickCitizenIn, removeFirefoxProfileDir, FIREFOX_EXTENSION_DIR } from './harness/firefox';
import { click, fill } from './harness/firefox-ui';
import { connectAndSync, LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { firefoxStoryDriver } from './harness/plaintext-drivers';
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
import { scanProfile, type ScanReport } from './harness/scan-profile';
import { passphraseKey, puppeteerEvaluator, VaultApi } from './harness/vault-api';
import { EN } from './harness/vault-ui';

const STORY_MS = 480_000;
/** The session store writes every second instead of every 15 (a closed browser writes it too). */
const PREFS = { 'browser.sessionstore.interval': 1000 };
const server = municipalityForThisFile();
const oldServer = municipalityForThisFile({ oldCacheHeader: true });

const inArea = (report: ScanReport, needle: string, area: RegExp) => report.hits.filter((h) => h.needle === needle && area.test(h.file));

describe('the whole story leaves nothing readable in the Firefox profile', () => {
  const profileDir = newFirefoxProfileDir();
  let markers: string[];
  let report: ScanReport;

  beforeAll(async () => {
    const controls = await startControlServer();
    const firefox = await launchFirefox({ profileDir, hostPermissions: [LOOPBACK_HOST], prefs: PREFS });
    const page = await firefox.openPage('vault.html');
    const driver = firefoxStoryDriver(firefox, page);
    try {
      ({ markers } = await runPlaintextStory(driver, server));

      await plantStorageControls(puppeteerEvaluator(page), controls.url);
      const form = await firefox.browser.newPage();
      await form.goto(`${controls.url}/form`);
      await fill(form, 'Kontrol', CONTROLS.session);
      await untilSessionsHold(join(profileDir, 'sessionstore-backups'), CONTROLS.session);
    } finally {
      await firefox.close();
      driver.removeFiles();
      await controls.close();
    }
    report = scanProfile(profileDir, [...markers, ...Object.values(CONTROLS)]);
  }, STORY_MS);

  afterAll(() => removeFirefoxProfileDir(profileDir));

  it('reads every file it finds, the session store’s mozLz4 included', () => {
    expect(report.undecodable).toEqual([]);
    expect(report.files).toBeGreaterThan(50);
    expect(report.mozLz4Files).toBeGreaterThan(0);
  });

  it('finds each positive control in its own area of the profile', () => {
    expect(inArea(report, CONTROLS.cache, /^cache2\/entries\//).length).toBeGreaterThan(0);
    expect(inArea(report, CONTROLS.session, /^sessionstore/).length).toBeGreaterThan(0);
    expect(inArea(report, CONTROLS.indexedDb, /^storage\/default\/moz-extension[^/]*\/idb\//).length).toBeGreaterThan(0);
    expect(inArea(report, CONTROLS.localStorage, /^storage\/default\/moz-extension[^/]*\/ls\//).length).toBeGreaterThan(0);
  });

  it('finds none of the citizen’s data, texts, passphrase or recovery key anywhere', () => {
    const secret = new Set(markers);
    expect(report.hits.filter((h) => secret.has(h.needle))).toEqual([]);
  });
});

describe('negative control: the old connector and the old server header', () => {
  const profileDir = newFirefoxProfileDir();
  let report: ScanReport;

  beforeAll(async () => {
    const copy = buildWithHostPermissions([LOOPBACK_HOST], FIREFOX_EXTENSION_DIR);
    restoreCachingFetch(copy.dir);
    const firefox = await launchFirefox({ profileDir, buildDir: copy.dir, hostPermissions: [LOOPBACK_HOST] });
    try {
      const api = VaultApi.puppeteer(await firefox.openPage('vault.html'));
      const { profileId } = await api.ok('create', { ...(await passphraseKey('en helt anden sætning')), owner: { name: 'Kontrol' } });
      await connectAndSync(api, { profileId, origin: oldServer.url, citizen: CITIZEN }, pickCitizenIn(firefox));
      await api.ok('lock', {});
    } finally {
      await firefox.close();
      copy.remove();
    }
    report = scanProfile(profileDir, storyMarkers(oldServer));
  }, STORY_MS);

  afterAll(() => removeFirefoxProfileDir(profileDir));

  it('finds the citizen’s name, CPR and amounts in cache2', () => {
    const citizen = oldServer.state.catalog.get(CITIZEN).citizen;
    const cached = report.hits.filter((h) => h.file.startsWith('cache2/'));
    expect(cached.map((h) => h.needle)).toEqual(expect.arrayContaining([citizen.name.full, citizen.cpr, expect.stringMatching(/^"ore":/)]));
  });
});

/**
 * A note half written when the browser closes: the page's fields must not be in the session
 * store. With the fields made rememberable again (the old behaviour), they must be.
 */
describe('a form left filled in when the browser closes', () => {
  const scanUnsavedNote = async (forget: boolean): Promise<ScanReport> => {
    const profileDir = newFirefoxProfileDir();
    const controls = await startControlServer();
    const build = buildWithHostPermissions([LOOPBACK_HOST], FIREFOX_EXTENSION_DIR);
    if (!forget) restoreFormMemory(build.dir);
    try {
      const firefox = await launchFirefox({ profileDir, buildDir: build.dir, prefs: PREFS });
      try {
        await VaultApi.puppeteer(await firefox.openPage('vault.html')).ok('create', {
          ...(await passphraseKey('en helt anden sætning')),
          owner: { name: 'Kontrol' },
        });
        const page = await firefox.openPage('vault.html');
        await click(page, EN['notes.add']);
        await fill(page, EN['notes.titleLabel'], UNSAVED_NOTE.title);
        await fill(page, EN['notes.bodyLabel'], UNSAVED_NOTE.body);
        // Typed after the note, on a page that may be remembered: once it is in the session store, so is the note's state.
        const sentinel = await firefox.browser.newPage();
        await sentinel.goto(`${controls.url}/form`);
        await fill(sentinel, 'Kontrol', CONTROLS.session);
        await untilSessionsHold(join(profileDir, 'sessionstore-backups'), CONTROLS.session);
      } finally {
        await firefox.close();
      }
      return scanProfile(profileDir, Object.values(UNSAVED_NOTE));
    } finally {
      removeFirefoxProfileDir(profileDir);
      build.remove();
      await controls.close();
    }
  };

  it('leaves the typed title and text nowhere in the profile', async () => {
    expect((await scanUnsavedNote(true)).hits).toEqual([]);
  });

  it('negative control: with autocomplete on, both are in the session store', async () => {
    const hits = (await scanUnsavedNote(false)).hits.filter((h) => h.file.startsWith('sessionstore'));
    expect(new Set(hits.map((h) => h.needle))).toEqual(new Set(Object.values(UNSAVED_NOTE)));
  });
});
