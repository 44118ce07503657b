/**
 * The reference municipality (src/municipality-server) for end-to-end tests, in any browser:
 * started in test mode on a free loopback port for one test file, and what it serves a citizen.
 */
import { afterAll, beforeAll } from 'vitest';
import type { ResourceName } from '../../../src/municipal/api/schemas';
import { startMunicipalityServer, type RunningMunicipality } from '../../../src/municipality-server/server';
import type { MunicipalityOptions } from '../../../src/municipality-server/state';
import { FIREFOX_EXTENSION_UUID } from './firefox';
import type { VaultApi } from './vault-api';

/** The host permission that lets the extension reach the municipality on 127.0.0.1 (any port). */
export const LOOPBACK_HOST = 'http://127.0.0.1/*';

/**
 * The reference municipality for this test file: started before its tests, closed after them.
 * Its `url` and `state` may be read inside the tests (not while the file is being loaded).
 *
 * It registers the extensions as a real municipality would: the builds' fixed ids (its default:
 * the Chrome build's manifest key, the Firefox add-on id), plus the origin of the harness's
 * Firefox installation, whose UUID is pinned (it is random in a citizen's Firefox).
 */
export function municipalityForThisFile(
  options: Omit<MunicipalityOptions, 'baseUrl' | 'testMode' | 'extensions'> = {},
): Pick<RunningMunicipality, 'url' | 'state' | 'stop' | 'resume'> {
  let running: RunningMunicipality | undefined;
  beforeAll(async () => {
    running = await startMunicipalityServer({
      ...options,
      port: 0,
      testMode: true,
      extensions: { extraOrigins: [`moz-extension://${FIREFOX_EXTENSION_UUID}`] },
    });
  });
  afterAll(async () => {
    await running?.close();
  });
  const started = (): RunningMunicipality => {
    if (!running) throw new Error('the municipality starts in beforeAll: read it inside a test');
    return running;
  };
  return {
    get url() {
      return started().url;
    },
    get state() {
      return started().state;
    },
    stop: () => started().stop(),
    resume: () => started().resume(),
  };
}

/** The records of one resource the municipality serves `citizen` now, without tombstones. */
export const servedRecords = <T>(server: Pick<RunningMunicipality, 'state'>, citizen: string, resource: ResourceName): T[] =>
  [...server.state.ledger(citizen).changesAfter(resource, 0)].map((e) => e.record as unknown as T).filter((r) => (r as { type: string }).type !== 'tombstone');

/**
 * Connects a profile to the municipality at `origin` through the vault's API, lets
 * `pickCitizen` choose the citizen on the sign-in page that opens in a window of its own (it is
 * called first, so it can start waiting for that window), and waits until the first sync has
 * ended well; fails at once if it ends otherwise. Returns the connection's id.
 */
export async function connectAndSync(
  api: VaultApi,
  connect: { profileId: string; origin: string; citizen?: string; timeoutMs?: number },
  pickCitizen: (citizen: string) => Promise<void>,
): Promise<string> {
  const picking = pickCitizen(connect.citizen ?? 'thomas');
  const connecting = api.ok('municipalConnect', { profileId: connect.profileId, origin: connect.origin });
  await picking;
  const { connectionId } = await connecting;
  const deadline = Date.now() + (connect.timeoutMs ?? 90_000);
  for (;;) {
    // A connection's id is the same in every profile connected to that municipality.
    const status = (await api.ok('municipalSyncStatus', {})).find((s) => s.connectionId === connectionId && s.profileId === connect.profileId);
    if (status?.state === 'ok') return connectionId;
    if (status && status.state !== 'running') throw new Error(`sync ended ${status.state}: ${status.error}`);
    if (Date.now() > deadline) throw new Error('sync did not finish');
    await new Promise((r) => setTimeout(r, 300));
  }
}
