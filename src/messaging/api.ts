/**
 * The one message boundary between the UI pages and the background, which owns the vault.
 * Every method's arguments have a zod schema, checked by the router before anything runs; the
 * result types are what the background returns. Binary values travel as base64url strings,
 * since Chrome's extension messaging carries JSON only.
 */
import { z } from 'zod';
import { KdfParamsSchema, type KdfParams } from '../vault/crypto/kdf';
import type { BackupHeader } from '../vault/public-types';
import type { RecordList, VaultRecord } from '../vault/public-types';
import type { VaultState } from '../vault/public-types';
import type { SentError } from './errors';
import { ReminderLeadMinutes, type Settings } from './settings';
import { MunicipalApiArgs, type MunicipalApiResults, type SyncStatus } from './municipal-api';
import { SharingApiArgs, type SharingApiResults } from './sharing-api';
import { ViewApiArgs, type ViewApiResults } from './view-api';
import { ListViewApiArgs, type ListViewApiResults } from './list-view-api';
import { isBase64Url } from '../shared/base64url';
import { MAX_SHARED_CHARS, PACKED_IDS, unpackPuts } from './packed-puts';

const Key = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte key in base64url')
  .refine(isBase64Url, 'a 32-byte key in base64url');
const PassphraseKey = z.object({ kdf: KdfParamsSchema, kek: Key });
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const ProfileData = z.object({ name: z.string(), relation: z.string() });
/** Operations per part of a staged write: ~10 MB of JSON at the size of a bank row. */
export const STAGE_PART_OPS = 20_000;
/** A packed part's data: Chrome refuses a message over 64 MiB anyway. */
const MAX_PACKED_CHARS = 64 * 1024 * 1024;
const WriteOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), profileId: Id, kind: z.string(), id: Id.optional(), data: z.unknown() }),
  z.object({ op: z.literal('delete'), profileId: Id, kind: z.string(), id: Id }),
]);
/** A part's operations, one by one or packed (packed-puts.ts); the handlers see operations either way. */
const PartOps = z.union([
  z.array(WriteOp).max(STAGE_PART_OPS),
  z
    .object({
      profileId: Id,
      kind: z.string(),
      // The length first, and alone: the pattern never runs over more than a part's ids.
      ids: z
        .string()
        .max(STAGE_PART_OPS * 129, { abort: true })
        .regex(PACKED_IDS),
      data: z.string().max(MAX_PACKED_CHARS),
      shared: z.string().max(MAX_SHARED_CHARS).optional(),
    })
    .transform((packed, ctx) => {
      const unpacked = unpackPuts(packed, STAGE_PART_OPS);
      if ('ops' in unpacked) return unpacked.ops;
      ctx.addIssue({ code: 'custom', message: unpacked.problem });
      return z.NEVER;
    }),
]);

export const ApiArgs = {
  status: z.object({}),
  create: PassphraseKey.extend({ owner: z.object({ name: z.string() }) }),
  unlock: z.object({ kek: Key }),
  recover: PassphraseKey.extend({ recoveryKey: z.string().max(200) }),
  lock: z.object({}),
  touch: z.object({}),
  changePassphrase: PassphraseKey.extend({ currentKek: Key }),
  listProfiles: z.object({}),
  saveProfile: z.object({ id: Id.optional(), data: ProfileData }),
  deleteProfile: z.object({ id: Id }),
  listRecords: z.object({ profileId: Id, kind: z.string() }),
  getRecord: z.object({ profileId: Id, kind: z.string(), id: Id }),
  writeRecords: z.object({ ops: z.array(WriteOp).max(100_000) }),
  /** A write too large for one message, in parts (see src/background/staged-writes.ts). */
  stageWrites: z.object({ stageId: Id.optional(), part: z.number().int().min(0).optional(), ops: PartOps }),
  /**
   * Applies every staged part (none without `stageId`) and these last operations in one
   * transaction; answers only the count, which is all a large write's sender uses.
   */
  commitWrites: z.object({ stageId: Id.optional(), ops: PartOps }),
  discardWrites: z.object({ stageId: Id }),
  discardDamaged: z.object({ profileId: Id, kind: z.string(), refs: z.array(z.string()).max(100_000) }),
  getSettings: z.object({}),
  setSettings: z.object({
    autoLockMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    reminderLeadMinutes: ReminderLeadMinutes.optional(),
  }),
  backupCreate: z.object({}),
  backupRead: z.object({ transferId: Id, index: z.number().int().nonnegative() }),
  restoreBegin: z.object({
    size: z
      .number()
      .int()
      .positive()
      .max(4 * 1024 ** 3),
  }),
  restoreWrite: z.object({ transferId: Id, index: z.number().int().nonnegative(), data: z.string().refine(isBase64Url, 'base64url') }),
  restoreInspect: z.object({ transferId: Id }),
  restoreFinish: z.discriminatedUnion('method', [
    z.object({ transferId: Id, method: z.literal('passphrase'), kek: Key }),
    z.object({ transferId: Id, method: z.literal('recovery'), recoveryKey: z.string().max(200), newPassphrase: PassphraseKey }),
  ]),
  ...MunicipalApiArgs,
  ...SharingApiArgs,
  ...ViewApiArgs,
  ...ListViewApiArgs,
} satisfies Record<string, z.ZodType>;

export type ApiMethod = keyof typeof ApiArgs;
export type ApiArgsOf<M extends ApiMethod> = z.input<(typeof ApiArgs)[M]>;

/**
 * What the background answers while the vault is not open, by state: only what the create,
 * restore, unlock and recovery screens need (`lock` too, as an auto-lock may win the race with
 * a click on "Lock"). The router refuses every other method before reading its arguments, so a
 * method added to the API stays closed until it is listed here.
 */
export const ANSWERED_WHILE_CLOSED = {
  'no-vault': ['status', 'create', 'restoreBegin', 'restoreWrite', 'restoreInspect', 'restoreFinish'],
  locked: ['status', 'unlock', 'recover', 'lock'],
} as const satisfies Record<Exclude<VaultState, 'unlocked'>, readonly ApiMethod[]>;

export function answersIn(state: VaultState, method: ApiMethod): boolean {
  return state === 'unlocked' || (ANSWERED_WHILE_CLOSED[state] as readonly ApiMethod[]).includes(method);
}

export interface StatusInfo {
  state: VaultState;
  /** Present when a vault exists: what the page needs to derive the passphrase key. */
  kdf?: KdfParams;
  /** Present only while the vault is unlocked. */
  settings?: Settings;
}

export interface Transfer {
  transferId: string;
  size: number;
  chunkCount: number;
}

export interface ApiResults extends MunicipalApiResults, SharingApiResults, ViewApiResults, ListViewApiResults {
  status: StatusInfo;
  create: { recoveryKey: string; profileId: string };
  unlock: null;
  recover: null;
  lock: null;
  touch: null;
  changePassphrase: null;
  listProfiles: VaultRecord<{ name: string; relation: string }>[];
  saveProfile: VaultRecord<{ name: string; relation: string }>;
  deleteProfile: null;
  /** A message names its kind, so the data is of no known type here; pages read through record-client.ts. */
  listRecords: RecordList;
  getRecord: VaultRecord | null;
  writeRecords: VaultRecord[];
  stageWrites: { stageId: string; count: number };
  commitWrites: { written: number };
  discardWrites: null;
  discardDamaged: null;
  getSettings: Settings;
  setSettings: Settings;
  backupCreate: Transfer & { fileName: string };
  backupRead: { data: string };
  restoreBegin: Transfer;
  restoreWrite: null;
  restoreInspect: BackupHeader;
  restoreFinish: null;
}

export type ApiResult<M extends ApiMethod> = ApiResults[M];

export interface ApiRequest<M extends ApiMethod = ApiMethod> {
  channel: 'handlerum-vault';
  method: M;
  args: ApiArgsOf<M>;
}

export type ApiResponse<M extends ApiMethod = ApiMethod> = { ok: true; value: ApiResult<M> } | { ok: false; error: SentError };

/**
 * Which kind of which profile changed, and how many records: pages reload what they show by kind,
 * so the ids stay in the background (an import of 100,000 rows would send 4.5 MB of them to every page).
 */
export interface KindChange {
  profileId: string;
  kind: string;
  count: number;
}

/** Events the background broadcasts to open extension pages. */
export type VaultEvent =
  | { channel: 'handlerum-event'; type: 'state'; state: VaultState }
  | { channel: 'handlerum-event'; type: 'changed'; changes: KindChange[] }
  | { channel: 'handlerum-event'; type: 'municipal-sync'; status: SyncStatus };

export const TRANSFER_CHUNK_BYTES = 4 * 1024 * 1024;
