/**
 * The background's sharing service through the real router, on a fresh vault with one profile
 * ("Thomas"), with fake browser APIs: a clock, a host-permission switch and, optionally, the
 * municipal connector's inbox. `raw` gives the router's answer (errors as `{ ok: false, error }`).
 */
import { SharingService, type SharingServiceDeps } from '../../../src/background/sharing/index';
import { memorySessionStore } from '../../../src/background/session';
import { VaultService } from '../../../src/background/vault-service';
import type { ApiMethod, ApiResponse, ApiResult } from '../../../src/messaging/api';
import { route } from '../../../src/messaging/router';
import type { Settings } from '../../../src/messaging/settings';
import { Vault } from '../../../src/vault/vault';
import { freshDb, testKdf } from './setup-vault';
import { fromBase64Url, toBase64Url } from '../../../src/shared/base64url';
import { randomBytes } from '../../../src/shared/bytes';
import { recordKinds } from '../../../src/records/registry';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
export const SHARING_NOW = Date.parse('2026-03-15T10:00:00Z');

export async function sharingHarness(options: { municipalInbox?: SharingServiceDeps['municipalInbox']; permission?: boolean } = {}) {
  const vault = await Vault.open(recordKinds, freshDb('sharing'));
  const clock = { now: SHARING_NOW };
  const settings = { value: undefined as unknown, get: async () => settings.value, set: async (v: Settings) => void (settings.value = v) };
  const permission = { granted: options.permission ?? true };
  const sharing = new SharingService({
    vault,
    fetch: (url, init) => fetch(url, init),
    hasHostPermission: async () => permission.granted,
    now: () => clock.now,
    ...(options.municipalInbox ? { municipalInbox: options.municipalInbox } : {}),
  });
  const service = new VaultService({ vault, session: memorySessionStore(), settings, broadcast: () => {}, now: () => clock.now, sharing });
  const raw = async <M extends ApiMethod>(method: M, args: unknown) =>
    (await route(
      { channel: 'handlerum-vault', method, args },
      { id: EXTENSION_ID, url: `${ORIGIN}vault.html` },
      {
        extensionId: EXTENSION_ID,
        extensionOrigin: ORIGIN,
        handlers: service.handlers,
        vaultState: () => vault.state,
      },
    )) as ApiResponse<M>;
  const call = async <M extends ApiMethod>(method: M, args: unknown): Promise<ApiResult<M>> => {
    const response = await raw(method, args);
    if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.detail}`);
    return response.value;
  };
  const { profileId } = await call('create', { kdf: testKdf(), kek: toBase64Url(randomBytes(32)), owner: { name: 'Thomas' } });
  /** The bytes of a bundle made by shareCreate, read part by part as the page does. */
  const download = async (created: { transferId: string; chunkCount: number }): Promise<Uint8Array> => {
    const parts: Uint8Array[] = [];
    for (let index = 0; index < created.chunkCount; index++)
      parts.push(fromBase64Url((await call('shareRead', { transferId: created.transferId, index })).data));
    return new Uint8Array(Buffer.concat(parts));
  };
  return { vault, sharing, service, call, raw, download, profileId, clock, permission };
}

export type SharingHarness = Awaited<ReturnType<typeof sharingHarness>>;

/** A bank-transaction record as the importer writes it. */
export const bankRow = (date: string, amountMinor: number, category: string, text: string, line: number) => ({
  accountId: 'acct-4711-0000123456',
  date,
  amountMinor,
  currency: 'DKK',
  text,
  pending: false,
  line,
  category,
  categoryByCitizen: false,
  importId: 'imp1',
  balanceMinor: 1_234_567,
  counterparty: `Modpart ${line}`,
  sourceId: `BANKREF-${line}`,
});
