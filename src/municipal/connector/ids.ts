/**
 * Vault ids of municipal data. They are derived (keyed by the vault) from the municipality and
 * the server's own ids, so a re-sync overwrites the same record instead of adding a copy, and
 * the ids reveal nothing outside the vault.
 */
import type { ResourceName } from '../api/schemas';

export interface IdDeriver {
  deriveId(namespace: string, externalKey: string): string;
}

export const connectionIdFor = (ids: IdDeriver, origin: string): string => ids.deriveId('municipal-connection', origin);

export const recordIdFor = (ids: IdDeriver, origin: string, resource: ResourceName | 'me', serverId: string): string =>
  ids.deriveId(`${origin}/${resource}`, serverId);

export const pdfIdFor = (ids: IdDeriver, origin: string, documentId: string): string => ids.deriveId(`${origin}/documents/pdf`, documentId);

/** A page signature is named by its signature bytes (the JWS's last part). */
export const signatureIdFor = (ids: IdDeriver, origin: string, jws: string): string => ids.deriveId(`${origin}/signature`, jws.slice(jws.lastIndexOf('.') + 1));
