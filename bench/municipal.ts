/**
 * The municipal-data measurements, run inside the bench page in real Chromium: the real sync
 * engine against the reference municipality (started by bench/run.ts on 127.0.0.1), storing into
 * a real Vault in this page's IndexedDB; the overview's search over everything synced; and the
 * Now view from unlock to its first paint. Each has its plain counterpart measured the same way.
 */
import Dexie from 'dexie';
import { h, render } from 'preact';
import type { Discovery } from '../src/municipal/api/schemas';
import { RESOURCES } from '../src/municipal/api/schemas';
import { fetchEveryPage, type FetchFigures } from './fetch-pages';
import { fetchDiscovery, fetchJwks } from '../src/municipal/connector/discovery';
import { MunicipalHttp } from '../src/municipal/connector/http';
import { connectionIdFor } from '../src/municipal/connector/ids';
import { CLIENT_ID } from '../src/municipal/connector/oauth';
import { SyncRun } from '../src/municipal/connector/sync-engine';
import type { Item, OverviewData } from '../src/overview/model';
import { nowSummary } from '../src/overview/now';
import { buildSearchIndex, search, type SearchDoc } from '../src/overview/search';
import { municipalConnectionKind, type MunicipalConnectionData } from '../src/records/municipal/index';
import { NowView } from '../src/ui/municipal/NowView';
import { topicOf } from '../src/ui/municipal/plain';
import { overviewFromRecords } from '../src/overview/from-records';
import type { RecordStore } from '../src/vault/record-store';
import { Vault, VaultDb, VAULT_SCOPE, deriveKeyFromPassphrase, newKdfParams, type KdfParams } from '../src/vault/index';
import { recordKinds } from '../src/records/registry';

export interface TestTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface SyncedVault {
  kek: Uint8Array;
  profileId: string;
}

const synced = new Map<string, SyncedVault>();
const BENCH_KDF_BASE = { algorithm: 'argon2id', memoryKiB: 8192, iterations: 1, parallelism: 1 } as const;

const http = new MunicipalHttp({ fetch: (url, init) => fetch(url, init) });

/** JS heap of this page (Chromium's performance.memory; precise with --enable-precise-memory-info). */
function usedHeap(): number | null {
  const memory = performance.memory;
  return memory ? memory.usedJSHeapSize : null;
}

/** Samples the page's JS heap every 50 ms while `work` runs, and returns the peak seen. */
async function withHeapPeak<T>(work: () => Promise<T>): Promise<{ result: T; peakHeapBytes: number | null; startHeapBytes: number | null }> {
  const startHeapBytes = usedHeap();
  let peak = startHeapBytes;
  const sample = () => {
    const used = usedHeap();
    if (used !== null && (peak === null || used > peak)) peak = used;
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await work();
    sample();
    return { result, peakHeapBytes: peak, startHeapBytes };
  } finally {
    clearInterval(timer);
  }
}

function connectionFor(origin: string, discovery: Discovery, jwks: MunicipalConnectionData['jwks'], tokens: TestTokens): MunicipalConnectionData {
  return {
    origin,
    municipality: { name: discovery.municipality.name, code: discovery.municipality.code },
    demo: discovery.demo,
    endpoints: { authorization: discovery.authorization_endpoint, token: discovery.token_endpoint, jwks: discovery.jwks_uri, apiBase: discovery.api_base },
    maxPageSize: Math.min(1000, Math.max(1, discovery.max_page_size)),
    clientId: CLIENT_ID,
    redirectUri: `${origin}/bench-redirect`,
    citizen: null,
    actor: null,
    tokens: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + tokens.expiresIn * 1000 },
    jwks,
    resources: Object.fromEntries(
      RESOURCES.map((r) => [r, { cursor: null, generation: 0, complete: false, lastSyncedAt: null }]),
    ) as MunicipalConnectionData['resources'],
    connectedAt: new Date().toISOString(),
    lastSync: null,
  };
}

export interface SyncFigures {
  ms: number;
  /** Of `ms`: inside RecordStore.write (seal + IndexedDB) and RecordStore.list (read + open). */
  writeMs: number;
  listMs: number;
  /** RecordStore.write calls during the sync. */
  writes: number;
  /** A second sync of the same connection right after, with nothing new on the server. */
  resyncMs: number;
  resyncWrites: number;
  stored: number;
  pages: number;
  result: string;
  peakHeapBytes: number | null;
  startHeapBytes: number | null;
}

export const municipalBench = {
  /**
   * A first full sync into a fresh vault: the connection (discovery, keys, tokens) is stored
   * before the clock starts, as connecting does; the clock covers SyncRun.run only.
   * `maxSegments` 0 stores it in the whole-bucket layout of format 2 vaults, as a baseline.
   */
  async municipalSync(name: string, origin: string, tokens: TestTokens, maxSegments?: number): Promise<SyncFigures> {
    await Dexie.delete(name);
    const kdf: KdfParams = newKdfParams(BENCH_KDF_BASE);
    const kek = await deriveKeyFromPassphrase('benchmark', kdf);
    const vault = await Vault.open(recordKinds, new VaultDb(name), maxSegments === undefined ? {} : { maxSegments });
    await vault.create({ kdf, kek: kek.slice() });
    const [profile] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Søren Ærø', relation: 'self' } }]);
    const profileId = profile!.id;
    const discovery = await fetchDiscovery(http, origin);
    const jwks = await fetchJwks(http, discovery.jwks_uri);
    const connectionId = connectionIdFor(vault.records, origin);
    await vault.records.write([
      { op: 'put', profileId, kind: municipalConnectionKind.name, id: connectionId, data: connectionFor(origin, discovery, jwks, tokens) },
    ]);

    const timing = { writeMs: 0, listMs: 0, writes: 0 };
    const records = timedStore(vault.records, timing);
    const run = new SyncRun({ records: () => records, http, now: Date.now }, profileId, connectionId);
    const start = performance.now();
    const { result: status, peakHeapBytes, startHeapBytes } = await withHeapPeak(() => run.run());
    const ms = performance.now() - start;
    if (status.state !== 'ok') throw new Error(`sync ended ${status.state}: ${status.error}`);
    // The same connection again with nothing new on the server: what a citizen's daily sync costs.
    const resyncTiming = { writeMs: 0, listMs: 0, writes: 0 };
    const resync = new SyncRun({ records: () => timedStore(vault.records, resyncTiming), http, now: Date.now }, profileId, connectionId);
    const resyncStart = performance.now();
    const resyncStatus = await resync.run();
    const resyncMs = performance.now() - resyncStart;
    vault.lock();
    vault.db.close();
    if (resyncStatus.state !== 'ok' || resyncStatus.stored + resyncStatus.deleted > 0)
      throw new Error(`re-sync ended ${resyncStatus.state}, stored ${resyncStatus.stored}`);
    synced.set(name, { kek, profileId });
    return {
      ms,
      writeMs: timing.writeMs,
      listMs: timing.listMs,
      writes: timing.writes,
      resyncMs,
      resyncWrites: resyncTiming.writes,
      stored: status.stored,
      pages: status.parts.reduce((n, p) => n + p.pages, 0),
      result: status.state,
      peakHeapBytes,
      startHeapBytes,
    };
  },

  /** The baseline: the same pages (same page size, /me and every feed to its end) with fetch and JSON.parse only. */
  async municipalFetchOnly(origin: string, tokens: TestTokens): Promise<FetchFigures> {
    const discovery = await fetchDiscovery(http, origin);
    return fetchEveryPage(discovery.api_base, discovery.max_page_size, tokens.accessToken);
  },

  /**
   * Unlock (key given: the KDF has its own figure) → the six overview kinds listed and shaped as
   * the overview reads them → nowSummary → NowView rendered and painted. Times each step.
   */
  async municipalNow(name: string): Promise<{ unlockMs: number; loadMs: number; summaryMs: number; renderMs: number; paintMs: number; records: number }> {
    const stored = synced.get(name);
    if (!stored) throw new Error(`no synced vault ${name}`);
    const host = document.createElement('div');
    document.body.append(host);
    const t0 = performance.now();
    const db = new VaultDb(name);
    const vault = await Vault.open(recordKinds, db);
    await vault.unlock(stored.kek.slice());
    const t1 = performance.now();
    const data = await loadOverview(vault, stored.profileId);
    const t2 = performance.now();
    const summary = nowSummary(data, Date.now());
    const t3 = performance.now();
    render(h(NowView, { data, now: Date.now(), go: () => {} }), host);
    const t4 = performance.now();
    // A setTimeout queued from requestAnimationFrame runs once that frame has been painted.
    await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const t5 = performance.now();
    if (!host.querySelector('.now-grid') || summary.openCases.length === 0) throw new Error('Now view did not render the open cases');
    render(null, host);
    host.remove();
    vault.lock();
    db.close();
    const records = Object.values(data).reduce((n: number, list: unknown[]) => n + list.length, 0);
    return { unlockMs: t1 - t0, loadMs: t2 - t1, summaryMs: t3 - t2, renderMs: t4 - t3, paintMs: t5 - t0, records };
  },

  /** Builds the search index over the synced records, topped up with copies of them to `atLeast`. */
  async municipalSearchSetup(name: string, atLeast: number): Promise<{ synced: number; indexed: number; buildMs: number; naiveBuildMs: number }> {
    const stored = synced.get(name);
    if (!stored) throw new Error(`no synced vault ${name}`);
    const db = new VaultDb(name);
    const vault = await Vault.open(recordKinds, db);
    await vault.unlock(stored.kek.slice());
    const data = await loadOverview(vault, stored.profileId);
    vault.lock();
    db.close();
    const syncedCount = Object.values(data).reduce((n: number, list: unknown[]) => n + list.length, 0);
    searchData = topUp(data, atLeast);
    const describeTopic = (code: string) => topicOf({ code, title: code }).plainTitle;
    let start = performance.now();
    searchDocs = buildSearchIndex(searchData, describeTopic);
    const buildMs = performance.now() - start;
    start = performance.now();
    naiveTexts = Object.values(searchData).flatMap((list: Item<unknown>[]) => list.map((i) => JSON.stringify(i.record).toLowerCase()));
    const naiveBuildMs = performance.now() - start;
    return { synced: syncedCount, indexed: searchDocs.length, buildMs, naiveBuildMs };
  },

  /** One overview search (the UI's limit of 200 hits); returns its time and the number of matches. */
  municipalSearch(query: string): { ms: number; total: number } {
    const start = performance.now();
    const { total } = search(searchDocs, query);
    return { ms: performance.now() - start, total };
  },

  /** The baseline: lowercase the query, `includes` over each record's lowercased JSON, count. */
  naiveSearch(query: string): { ms: number; total: number } {
    const start = performance.now();
    const q = query.toLowerCase();
    let total = 0;
    for (const text of naiveTexts) if (text.includes(q)) total++;
    return { ms: performance.now() - start, total };
  },

  municipalSearchTeardown(): void {
    searchData = null;
    searchDocs = [];
    naiveTexts = [];
  },

  async municipalDrop(name: string): Promise<void> {
    synced.delete(name);
    await Dexie.delete(name);
  },
};

/** The record store with the time spent in its write and list calls added up, to split the sync's time. */
function timedStore(store: RecordStore, timing: { writeMs: number; listMs: number; writes: number }): RecordStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (key !== 'write' && key !== 'list') return method.bind(target);
      const slot = key === 'write' ? 'writeMs' : 'listMs';
      return async (...args: unknown[]) => {
        if (key === 'write') timing.writes++;
        const start = performance.now();
        try {
          return await method.apply(target, args);
        } finally {
          timing[slot] += performance.now() - start;
        }
      };
    },
  });
}

let searchData: OverviewData | null = null;
let searchDocs: SearchDoc[] = [];
let naiveTexts: string[] = [];

/** The overview's data as use-overview-data builds it, read straight from the record store. */
async function loadOverview(vault: Vault, profileId: string): Promise<OverviewData> {
  return (await overviewFromRecords((kind) => vault.records.list(profileId, kind))).data;
}

/** Adds copies of the records (new vault ids, same content) until there are `atLeast` in all. */
function topUp(data: OverviewData, atLeast: number): OverviewData {
  const keys = Object.keys(data) as (keyof OverviewData)[];
  const total = keys.reduce((n, k) => n + data[k].length, 0);
  if (total === 0 || total >= atLeast) return data;
  // In the municipality's id order, not the vault's (keyed, so different per vault): every run copies the same records.
  const serverId = (item: Item<{ id: string }>) => item.record.id;
  const all = keys
    .flatMap((k) => data[k].map((item: Item<{ id: string }>, index) => ({ key: k, index, order: `${k}/${serverId(item)}` })))
    .sort((a, b) => a.order.localeCompare(b.order));
  // Evenly spaced over that order, so the copies keep the mix of kinds of the synced data.
  const needed = atLeast - total;
  const picks = new Map<keyof OverviewData, { index: number; copy: number }[]>();
  for (let i = 0; i < needed; i++) {
    const { key, index } = all[Math.floor((i * all.length) / needed)]!;
    picks.set(key, [...(picks.get(key) ?? []), { index, copy: i + 1 }]);
  }
  const grown = <T>(key: keyof OverviewData, items: Item<T>[]): Item<T>[] => [
    ...items,
    ...(picks.get(key) ?? []).map(({ index, copy }) => ({ ...items[index]!, vaultId: `${items[index]!.vaultId}~${copy}` })),
  ];
  return {
    cases: grown('cases', data.cases),
    decisions: grown('decisions', data.decisions),
    payments: grown('payments', data.payments),
    activities: grown('activities', data.activities),
    documents: grown('documents', data.documents),
    accessLog: grown('accessLog', data.accessLog),
  };
}
