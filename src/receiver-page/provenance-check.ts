/**
 * Checking the municipality's own signature on shared municipal records, with the
 * municipality's public keys (its JWKS) loaded from a file: the page fetches nothing itself.
 * Pure (no DOM).
 */
import { verifyMunicipalProvenance, type ProvenanceEntry, type ProvenanceResult } from '../bundle';

type MunicipalEntry = Extract<ProvenanceEntry, { attestedBy: 'municipality' }>;
type SignedRecord = { type: string; id: string; version: number };

/** Where a municipality publishes its keys (the Citizen Data API's well-known JWKS). */
export const jwksUrl = (origin: string): string => `${new URL(origin).origin}/.well-known/jwks.json`;

const isSignedRecord = (value: unknown): value is SignedRecord & Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as SignedRecord).type === 'string' &&
  typeof (value as SignedRecord).id === 'string' &&
  typeof (value as SignedRecord).version === 'number';

/** Every record in data.json that an entry says the municipality signed (matched by type and id). */
export function recordsCoveredBy(entry: MunicipalEntry, data: unknown): SignedRecord[] {
  const wanted = new Set(entry.records.map((r) => `${r.type}\u0000${r.id}`));
  const found: SignedRecord[] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 8 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, depth + 1));
    if (isSignedRecord(value) && wanted.has(`${value.type}\u0000${value.id}`)) {
      found.push(value);
      return;
    }
    for (const child of Object.values(value)) walk(child, depth + 1);
  };
  walk(data, 0);
  return found;
}

/**
 * Each municipal entry checked against the JWKS text: the page signature, that every listed
 * record is in the signed page, and that the records in data.json are byte for byte the signed
 * ones. Null when the text is not JSON.
 */
export function checkMunicipalProvenance(provenance: readonly ProvenanceEntry[], data: unknown, jwksText: string): ProvenanceResult[] | null {
  let jwks: unknown;
  try {
    jwks = JSON.parse(jwksText);
  } catch {
    return null;
  }
  return provenance
    .filter((p): p is MunicipalEntry => p.attestedBy === 'municipality')
    .map((entry) => verifyMunicipalProvenance(entry, jwks, recordsCoveredBy(entry, data)));
}
