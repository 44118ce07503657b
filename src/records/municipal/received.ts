/**
 * Building blocks shared by the municipal record kinds: the record as received, and where it
 * came from.
 *
 * A municipal record keeps the resource object exactly as the municipality sent it, because its
 * signature covers the canonical JSON of that object: a schema that dropped a field the server
 * added in a later API version would break the record's provenance. So the object is checked
 * against the API schema but stored untouched.
 */
import { z } from 'zod';
import { compiledCheckOf } from '../../municipal/api/record-checks';

const Base64UrlDigest = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url SHA-256');
const VaultId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);

/** Origins already found well-formed: every record of a sync names the same one (strings cannot change). */
const goodOrigins = new Set<string>();
const MAX_GOOD_ORIGINS = 64;

function isOrigin(value: string): boolean {
  if (goodOrigins.has(value)) return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const good = url.origin === value && (url.protocol === 'https:' || url.protocol === 'http:');
  if (good && goodOrigins.size < MAX_GOOD_ORIGINS) goodOrigins.add(value);
  return good;
}

/** A municipality is named by the origin of its Citizen Data API, e.g. https://kommune.example. */
export const MunicipalOrigin = z.string().max(300).refine(isOrigin, 'an http(s) origin without path');

/** Where a stored municipal record came from: the municipality, the page signature, its digest. */
export const Provenance = z.object({
  origin: MunicipalOrigin,
  /** Id of the `municipal-signature` record holding the page JWS that lists this record. */
  signatureId: VaultId,
  /** base64url SHA-256 of the record's canonical JSON, as listed in the signed manifest. */
  digest: Base64UrlDigest,
});
export type Provenance = z.infer<typeof Provenance>;

/**
 * Resource objects that passed their API schema, with that schema. The connector checks each
 * object as it arrives (to refuse a bad one alone) and stores that very object untouched — its
 * signature covers it — so the record kind's check on the way into the vault finds it here
 * instead of checking it a second time. A first sync checks tens of thousands of them.
 */
const passed = new WeakMap<object, z.ZodType>();

/**
 * `apiSchema.safeParse(value)`, remembered for this object when it passes. For an object that
 * is stored as it is (a municipal record): do not change it afterwards. A record schema's
 * compiled check answers first (see record-checks.ts); what passes it comes back as `data`
 * itself, fields the schema does not know included (zod would have dropped them).
 */
export function checkReceived<Api extends z.ZodType>(apiSchema: Api, value: Record<string, unknown>): z.ZodSafeParseResult<z.output<Api>> {
  if (compiledCheckOf(apiSchema)?.(value)) {
    passed.set(value, apiSchema);
    return { success: true, data: value as z.output<Api> };
  }
  const checked = apiSchema.safeParse(value);
  if (checked.success) passed.set(value, apiSchema);
  return checked;
}

/**
 * The resource object as received: it must satisfy `apiSchema`, but comes out unchanged (zod
 * objects would strip fields they do not know). Its type is the API schema's: having passed it,
 * the object holds at least what that schema describes (the final check-free step only says so).
 */
export function asReceived<Api extends z.ZodType>(apiSchema: Api) {
  // A plain-object check, not z.record: that would copy every record key by key on its way in.
  return z
    .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'a resource object')
    .superRefine((value, ctx) => {
      if (passed.get(value) === apiSchema) return;
      const checked = apiSchema.safeParse(value);
      if (!checked.success) ctx.addIssue({ code: 'custom', message: `not a valid resource object: ${checked.error.issues[0]?.message ?? ''}` });
    })
    .pipe(z.custom<z.output<Api> & Record<string, unknown>>());
}

export { Base64UrlDigest, VaultId };
