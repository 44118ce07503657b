/**
 * The municipal connector against the real reference municipality on 127.0.0.1 (test mode):
 * a vault with one profile, the background's MunicipalService with fake browser APIs (the
 * sign-in window is played by posting the login form as the chosen person), and helpers to ask
 * the server what it serves, so tests compare the vault with the source.
 */
import { MunicipalService } from '../../../src/background/municipal-service';
import type { SettingsStorage, Settings } from '../../../src/messaging/settings';
import type { VaultEvent } from '../../../src/messaging/api';
import { RESOURCES, type ResourceName } from '../../../src/municipal/api/schemas';
import { KIND_OF_RESOURCE, type MunicipalRecordData } from '../../../src/records/municipal/index';
import { startMunicipalityServer, type RunningMunicipality } from '../../../src/municipality-server/server';
import type { Vault } from '../../../src/vault/vault';
import { KLE, REDIRECT, TODAY } from '../municipality-test-helpers';
import { vaultWithProfile } from './setup-vault';

export { REDIRECT, TODAY };
/** The service's clock: the morning of the server's anchor day. */
export const NOW = Date.parse(`${TODAY}T08:00:00+01:00`);

export interface FakeAlarm {
  name: string;
  scheduledTime: number;
}

export interface ConnectorHarness {
  server: RunningMunicipality;
  vault: Vault;
  /** Unlocks the vault again after a test locked it. */
  unlock(): Promise<void>;
  profileId: string;
  service: MunicipalService;
  events: VaultEvent[];
  /** What the background did, in order: each request's URL, and `write` when a vault write ended. */
  trace: string[];
  alarms: Map<string, number>;
  notifications: { id: string; title: string; message: string }[];
  settings: SettingsStorage & { value: unknown };
  clock: { now: number };
  /** Who the fake sign-in window signs in as ("thomas", "mette>lea", …); null = the user closes it. */
  login: { as: string | null };
  permission: { granted: boolean };
  uiLanguage: { value: string };
  /**
   * The background restarts: a new service over the same vault; the old one's requests never
   * answer again, so its sync stops wherever it was (its whenIdle never resolves either).
   */
  restart(): void;
  /** Connects (sign-in included) and waits for the first sync. */
  connect(): Promise<{ connectionId: string }>;
  /** Starts a sync and waits for it to end. */
  sync(connectionId: string): Promise<import('../../../src/records/municipal/sync-status').SyncStatus>;
  /** The stored records of a resource, keyed by the municipality's id. */
  stored(resource: ResourceName): Promise<Map<string, MunicipalRecordData>>;
  /** What the server serves this citizen now: id → version, per resource. */
  served(citizen?: string, actor?: string): Promise<Record<ResourceName, Map<string, number>>>;
  arm(fault: { kind: string; path?: string; skip?: number; times?: number }): Promise<void>;
  change(citizen: string, change: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function connectorHarness(
  options: { pageSize?: number; login?: string; onSyncComplete?: (profileId: string) => Promise<void> } = {},
): Promise<ConnectorHarness> {
  const server = await startMunicipalityServer({ port: 0, today: TODAY, testMode: true, kle: KLE });
  const { vault, key, profileId } = await vaultWithProfile('connector');
  const events: VaultEvent[] = [];
  const trace: string[] = [];
  const write = vault.records.write.bind(vault.records);
  vault.records.write = async (...args) => {
    const written = await write(...args);
    trace.push('write');
    return written;
  };
  const alarms = new Map<string, number>();
  const notifications: ConnectorHarness['notifications'] = [];
  const settings = {
    value: undefined as unknown,
    get: async () => settings.value,
    set: async (value: Settings) => void (settings.value = value),
  };
  const clock = { now: NOW };
  const login = { as: options.login ?? ('thomas' as string | null) };
  const permission = { granted: true };
  const uiLanguage = { value: 'da' };

  // Each background gets its own life: a restart ends the old one, whose requests then never answer.
  let life = 0;
  const makeService = (own = life) =>
    new MunicipalService({
      vault,
      fetch: (url, init) => (own === life ? (trace.push(String(url)), fetch(url, init)) : new Promise<Response>(() => {})),
      settings,
      broadcast: (event) => events.push(event),
      identity: {
        redirectUrl: () => REDIRECT,
        // Plays the sign-in window: the person is picked on the login page, which redirects back.
        launchWebAuthFlow: async (url) => {
          if (login.as === null) throw new Error('The user did not approve access.');
          const authorize = new URL(url);
          const form = new URLSearchParams(authorize.searchParams);
          form.set('login', login.as);
          const res = await fetch(`${authorize.origin}${authorize.pathname}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
            redirect: 'manual',
          });
          return res.headers.get('Location') ?? undefined;
        },
      },
      hasHostPermission: async (pattern) => permission.granted && pattern === 'http://127.0.0.1/*',
      alarms: {
        getAll: async () => [...alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })),
        create: (name, { when }) => void alarms.set(name, when),
        clear: async (name) => alarms.delete(name),
      },
      notify: async (id, text) => void notifications.push({ id, ...text }),
      uiLanguage: () => uiLanguage.value,
      now: () => clock.now,
      sleep: async () => {},
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(options.onSyncComplete ? { onSyncComplete: options.onSyncComplete } : {}),
    });
  const service = makeService();

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
  };

  const harness: ConnectorHarness = {
    server,
    vault,
    unlock: () => vault.unlock(key.kek),
    profileId,
    service,
    events,
    trace,
    alarms,
    notifications,
    settings,
    clock,
    login,
    permission,
    uiLanguage,
    restart() {
      life += 1;
      harness.service = makeService(life);
    },
    async connect() {
      const { connectionId } = await harness.service.handlers.municipalConnect({ profileId: harness.profileId, origin: server.url });
      await harness.service.whenIdle();
      return { connectionId };
    },
    async sync(connectionId) {
      await harness.service.handlers.municipalSync({ profileId: harness.profileId, connectionId });
      await harness.service.whenIdle();
      const statuses = await harness.service.handlers.municipalSyncStatus({});
      return statuses.find((s) => s.connectionId === connectionId)!;
    },
    async stored(resource) {
      const { records } = await vault.records.list(harness.profileId, KIND_OF_RESOURCE[resource]);
      return new Map(records.map((r) => [String(r.data.record.id), r.data]));
    },
    async served(citizen = 'thomas', actor) {
      const token = (await post('/__test/tokens', { citizenId: citizen, ...(actor ? { actorId: actor } : {}) })) as { access_token: string };
      const out = {} as Record<ResourceName, Map<string, number>>;
      for (const resource of RESOURCES) {
        const map = new Map<string, number>();
        let cursor: string | null = null;
        do {
          const q = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
          const res = await fetch(`${server.url}/citizen/v1/${resource}?${q}`, { headers: { Authorization: `Bearer ${token.access_token}` } });
          const page = (await res.json()) as { items: { type: string; id: string; version: number }[]; nextCursor: string | null };
          for (const item of page.items) {
            if (item.type === 'tombstone') map.delete(item.id);
            else map.set(item.id, item.version);
          }
          cursor = page.nextCursor;
        } while (cursor);
        out[resource] = map;
      }
      return out;
    },
    async arm(fault) {
      await post('/__test/faults', fault);
    },
    change: (citizen, change) => post(`/__test/citizens/${citizen}/changes`, change),
    async close() {
      await harness.service.whenIdle();
      await server.close();
    },
  };
  return harness;
}

/** Stored id → version per resource, to compare with `served()`. */
export async function storedVersions(h: ConnectorHarness): Promise<Record<ResourceName, Map<string, number>>> {
  const out = {} as Record<ResourceName, Map<string, number>>;
  for (const resource of RESOURCES) {
    out[resource] = new Map([...(await h.stored(resource))].map(([id, data]) => [id, Number(data.record.version)]));
  }
  return out;
}
