import { z } from 'zod';
import { defineKind } from '../kind';
import { MunicipalOrigin } from './received';

/**
 * One page signature (compact JWS over the page manifest), stored once and referenced by every
 * record the page carried: with the municipality's JWKS it proves each record's origin later.
 */
export const municipalSignatureKind = defineKind({
  name: 'municipal-signature',
  pageAccess: 'read-only',
  managedBy: 'the municipal connector',
  scope: 'profile',
  version: 1,
  description: 'A municipality\u2019s signature over one page of records, referenced by the records for their provenance.',
  schema: z.object({
    origin: MunicipalOrigin,
    /** The resource the page belongs to (cases, …, me). */
    resource: z.string().min(1).max(40),
    jws: z
      .string()
      .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
      .max(2_000_000),
    /** The key that signed it. */
    kid: z.string().min(1).max(200),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
});
export type MunicipalSignatureData = z.infer<typeof municipalSignatureKind.schema>;
