/**
 * The reference municipality (src/municipality-server) for end-to-end tests, in any browser:
 * started in test mode on a free loopback port for one test file, and what it serves a citizen.
 */
import { afterAll, beforeAll } from 'vitest';
import type { ResourceName } from '../../../src/municipal/api/schemas';
import { startMunicipalityServer, type RunningMunicipality } from '../../../src/municipality-server/server';
import { FIREFOX_EXTENSION_UUID } from './firefox';

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
export function municipalityForThisFile(): Pick<RunningMunicipality, 'url' | 'state'> {
  let running: RunningMunicipality | undefined;
  beforeAll(async () => {
    running = await startMunicipalityServer({ port: 0, testMode: true, extensions: { extraOrigins: [`moz-extension://${FIREFOX_EXTENSION_UUID}`] } });
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
  };
}

/** The records of one resource the municipality serves `citizen` now, without tombstones. */
export const servedRecords = <T>(server: Pick<RunningMunicipality, 'state'>, citizen: string, resource: ResourceName): T[] =>
  [...server.state.ledger(citizen).changesAfter(resource, 0)].map((e) => e.record as unknown as T).filter((r) => (r as { type: string }).type !== 'tombstone');
