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

const Base64UrlDigest = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url SHA-256');
const VaultId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);

/** A municipality is named by the origin of its Citizen Data API, e.g. https://kommune.example. */
export const MunicipalOrigin = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.origin === value && (url.protocol === 'https:' || url.protocol === 'http:');
    } catch {
      return false;
    }
  }, 'an http(s) origin without path');

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
 * The resource object as received: it must satisfy `apiSchema`, but comes out unchanged (zod
 * objects would strip fields they do not know). Its type is the API schema's: having passed it,
 * the object holds at least what that schema describes (the final check-free step only says so).
 */
export function asReceived<Api extends z.ZodType>(apiSchema: Api) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      const checked = apiSchema.safeParse(value);
      if (!checked.success) ctx.addIssue({ code: 'custom', message: `not a valid resource object: ${checked.error.issues[0]?.message ?? ''}` });
    })
    .pipe(z.custom<z.output<Api> & Record<string, unknown>>());
}

export { Base64UrlDigest, VaultId };
