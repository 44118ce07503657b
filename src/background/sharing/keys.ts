/**
 * Each profile's keys: an Ed25519 pair that signs its bundles, revocations and (for the first
 * profile) the transparency log's head, and an age X25519 identity others encrypt to. Made here
 * and never handed to a page; the page gets only the public identity file.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { generateIdentity, jwkFingerprint, recipientFingerprint } from '../../bundle/index';
import type { SharingIdentity } from '../../messaging/sharing-api';
import { profileKind } from '../../records/profile';
import { citizenKeysKind, type CitizenKeysData } from '../../records/sharing/index';
import { fingerprintGroups, identityFile } from '../../sharing/identity';
import { fromBase64Url, toBase64Url } from '../../shared/base64url';
import { VaultError } from '../../vault/errors';
import { VAULT_SCOPE, type VaultRecord } from '../../vault/index';
import type { Clock, Records } from './deps';
import { SerialQueue } from './serial';

type Profile = VaultRecord<{ name: string; relation: string }>;

/** @throws {VaultError} `profile-not-found` */
export async function requireProfile(records: Records, profileId: string): Promise<Profile> {
  const profile = await records.get(VAULT_SCOPE, profileKind, profileId);
  if (!profile) throw new VaultError('profile-not-found');
  return profile;
}

export class ProfileKeys {
  /** One at a time, so a profile never gets two. */
  private readonly queue = new SerialQueue();

  constructor(private readonly deps: { records: () => Records; clock: Clock }) {}

  /** The profile's keys, made now when it has none. */
  ensure(profileId: string): Promise<VaultRecord<CitizenKeysData>> {
    return this.queue.run(async () => {
      const records = this.deps.records();
      await requireProfile(records, profileId);
      const { records: existing } = await records.list(profileId, citizenKeysKind);
      if (existing[0]) return existing[0];
      const signingSecret = ed25519.utils.randomSecretKey();
      const { identity, recipient } = generateIdentity();
      const data: CitizenKeysData = {
        signing: { secretKey: toBase64Url(signingSecret), publicKey: toBase64Url(ed25519.getPublicKey(signingSecret)) },
        encryption: { identity, recipient },
        fingerprint: recipientFingerprint(recipient),
        createdAt: this.deps.clock.iso(),
      };
      const [stored] = await records.write([{ op: 'put', profileId, kind: citizenKeysKind.name, id: 'keys', data }]);
      return stored as VaultRecord<CitizenKeysData>;
    });
  }

  /** The profile's Ed25519 secret seed. */
  async signingSecretKey(profileId: string): Promise<Uint8Array> {
    return fromBase64Url((await this.ensure(profileId)).data.signing.secretKey);
  }

  /** The key that signs the log's head: the first profile's, made now if it has none. */
  async logSigningKey(): Promise<Uint8Array> {
    const { records } = await this.deps.records().list(VAULT_SCOPE, profileKind);
    const first = records.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    if (!first) throw new VaultError('profile-not-found', 'no profile to sign the log');
    return this.signingSecretKey(first.id);
  }

  /** The profile's public identity, as the page shows it and hands it to others. */
  async identity(profileId: string): Promise<SharingIdentity> {
    const profile = await requireProfile(this.deps.records(), profileId);
    const keys = await this.ensure(profileId);
    const file = identityFile(profile.data.name, keys.data.encryption.recipient, keys.data.signing.publicKey);
    const signingFingerprint = jwkFingerprint(file.signingKey);
    return {
      profileId,
      name: profile.data.name,
      fingerprint: keys.data.fingerprint,
      fingerprintGroups: fingerprintGroups(keys.data.fingerprint),
      ageRecipient: keys.data.encryption.recipient,
      signingPublicKey: keys.data.signing.publicKey,
      signingFingerprint,
      signingFingerprintGroups: fingerprintGroups(signingFingerprint),
      identityFile: JSON.stringify(file),
      createdAt: keys.data.createdAt,
    };
  }
}
