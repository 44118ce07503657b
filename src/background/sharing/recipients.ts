/**
 * The people and bodies a profile shares with: added from a pasted key, identity file or
 * recipient document, or fetched from a site's well-known address (with the citizen's host
 * permission); listed and deleted. The same key again updates the recipient it already is.
 */
import { RECIPIENT_DOCUMENT_PATH, RecipientDocument } from '../../bundle/recipient-document';
import type { Handlers } from '../../messaging/handlers';
import type { RecipientSummary, SharingMethod } from '../../messaging/sharing-api';
import { municipalityOrigin } from '../../messaging/municipal-api';
import { citizenKeysKind, shareRecipientKind, type ShareRecipientData } from '../../records/sharing/index';
import { fingerprintGroups, fromRecipientDocument, parseRecipientText, type RecipientInput } from '../../sharing/identity';
import { SharingError } from '../../sharing/errors';
import type { VaultRecord } from '../../vault/index';
import { listIfKnown, type Clock, type Records } from './deps';
import { requireProfile } from './keys';
import { discardBody, type RecipientHttp } from './recipient-http';

const MAX_DOCUMENT_BYTES = 64 * 1024;

export type Recipient = VaultRecord<ShareRecipientData>;

type RecipientMethod = Extract<SharingMethod, 'recipientAdd' | 'recipientFetchWellKnown' | 'recipientList' | 'recipientDelete'>;

function recipientSummary(r: Recipient): RecipientSummary {
  const d = r.data;
  return {
    id: r.id,
    name: d.name,
    ageRecipient: d.ageRecipient,
    fingerprint: d.fingerprint,
    fingerprintGroups: fingerprintGroups(d.fingerprint),
    endpoints: d.endpoints,
    addedBy: d.addedBy,
    addedAt: d.addedAt,
    ...(d.origin ? { origin: d.origin } : {}),
    ...(d.description ? { description: d.description } : {}),
  };
}

export class Recipients {
  constructor(private readonly deps: { records: () => Records; clock: Clock; http: RecipientHttp }) {}

  private get records(): Records {
    return this.deps.records();
  }

  /** @throws {VaultError} `recipient-not-found` */
  async get(profileId: string, id: string): Promise<Recipient> {
    const r = await this.records.get(profileId, shareRecipientKind, id);
    if (!r) throw new SharingError('recipient-not-found', 'no such recipient in this profile');
    return r;
  }

  /** The recipient, or `null` when it was deleted since (grants keep its name and fingerprint). */
  async find(profileId: string, id: string): Promise<Recipient | null> {
    return (await this.records.get(profileId, shareRecipientKind, id)) ?? null;
  }

  private async save(
    profileId: string,
    input: RecipientInput,
    addedBy: ShareRecipientData['addedBy'],
    name: string | undefined,
    origin?: string,
  ): Promise<RecipientSummary> {
    await requireProfile(this.records, profileId);
    const own = await this.records.list(profileId, citizenKeysKind);
    if (own.records[0]?.data.encryption.recipient === input.ageRecipient) throw new SharingError('recipient-is-self', 'the profile\u2019s own key');
    // The same key again updates the recipient rather than making a second one.
    const id = this.records.deriveId('share-recipient', input.fingerprint);
    const existing = await this.records.get(profileId, shareRecipientKind, id);
    const chosenName = (name?.trim() || input.name || existing?.data.name || '').trim();
    if (!chosenName) throw new SharingError('recipient-name-missing', 'no name given or published');
    const data: ShareRecipientData = {
      name: chosenName,
      ageRecipient: input.ageRecipient,
      fingerprint: input.fingerprint,
      endpoints: input.endpoints,
      addedBy,
      addedAt: this.deps.clock.iso(),
      ...(input.signingPublicKey ? { signingPublicKey: input.signingPublicKey } : {}),
      ...(input.description ? { description: input.description } : {}),
      ...(origin ? { origin } : {}),
    };
    if (!shareRecipientKind.schema.safeParse(data).success) throw new SharingError('bad-recipient-key', 'the recipient does not fit the record schema');
    const [stored] = await this.records.write([{ op: 'put', profileId, kind: shareRecipientKind.name, id, data }]);
    return recipientSummary(stored as Recipient);
  }

  readonly handlers: Pick<Handlers, RecipientMethod> = {
    recipientAdd: async ({ profileId, source, text, name }) => {
      let input: RecipientInput | null;
      try {
        input = parseRecipientText(text);
      } catch (error) {
        throw new SharingError('bad-recipient-key', 'the key or document does not parse', { cause: error });
      }
      if (!input) throw new SharingError('not-a-recipient-key', 'no age1… key, identity file or recipient document');
      return this.save(profileId, input, source, name);
    },

    recipientFetchWellKnown: async ({ profileId, domain }) => {
      let origin: string;
      try {
        origin = municipalityOrigin(domain);
      } catch (cause) {
        throw new SharingError('bad-recipient-address', 'not an https address (http on loopback only)', { cause });
      }
      await this.deps.http.requirePermission(origin);
      let response: Response;
      try {
        response = await this.deps.http.request(`${origin}${RECIPIENT_DOCUMENT_PATH}`, { headers: { Accept: 'application/json' } });
      } catch (cause) {
        throw new SharingError('recipient-unreachable', 'well-known: network error or timeout', { cause });
      }
      if (!response.ok) {
        await discardBody(response);
        throw new SharingError('well-known-missing', `HTTP ${response.status}`);
      }
      const text = await response.text();
      if (text.length > MAX_DOCUMENT_BYTES) throw new SharingError('well-known-invalid', `larger than ${MAX_DOCUMENT_BYTES} characters`);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SharingError('well-known-invalid', 'not JSON');
      }
      const doc = RecipientDocument.safeParse(json);
      if (!doc.success) throw new SharingError('well-known-invalid', doc.error.issues.map((i) => i.path.join('.') || 'document').join(', '));
      return this.save(profileId, fromRecipientDocument(doc.data), 'well-known', undefined, origin);
    },

    recipientList: async ({ profileId }) => {
      const list = await listIfKnown(this.records, profileId, shareRecipientKind);
      return list.map(recipientSummary).sort((a, b) => a.name.localeCompare(b.name, 'da'));
    },

    recipientDelete: async ({ profileId, recipientId }) => {
      await this.get(profileId, recipientId);
      // Grants keep the recipient's name and fingerprint, so the ledger still says who has what.
      await this.records.write([{ op: 'delete', profileId, kind: shareRecipientKind.name, id: recipientId }]);
      return null;
    },
  };
}
