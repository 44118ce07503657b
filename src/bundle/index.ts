/**
 * Handlerum bundles: a citizen's signed, encrypted, time-limited share of vault data. The format
 * is written down in docs/bundle-format.md. Pure TypeScript (no DOM, extension or Node types):
 * the vault and the receiver kit (src/receiver) both build on this entry.
 */
export { BUNDLE_FORMAT_VERSION, MANIFEST_JWS_TYPE, REVOCATION_JWS_TYPE } from './schemas';
export { BundleManifest as BundleManifestSchema, ConsentReceipt as ConsentReceiptSchema, ProvenanceEntry as ProvenanceEntrySchema } from './schemas';
export type * from './types';
export { createBundle } from './create';
export { openBundle } from './open';
export { BundleDataError } from './json-file';
export { UNSAFE_TEXT, visible } from './visible';
export { DEFAULT_MAX_BUNDLE_BYTES, MAX_DATA_DEPTH, MAX_SCRYPT_WORK_FACTOR, jsonDepth, scryptMemory } from './limits';
export { generateIdentity, identityToRecipient, keyFingerprint, recipientFingerprint } from './keys';
export { claimedBundleId, createRevocation, verifyRevocation, type RevocationResult } from './revocation';
export { checkStatus, readStatusAnswer, statusUrl, type BundleStatus, type StatusGet } from './status';
export { transactionsToCsv, transactionsToOfx, type StandardTransaction } from './standard/transactions';
export {
  CLINICAL_RESOURCE_TYPES,
  healthToFhirBundle,
  isFhirId,
  OBSERVATION_STATISTICS,
  OBSERVATION_STATUSES,
  ucumCode,
  type StandardClinical,
  type StandardObservation,
} from './standard/fhir';
export { activitiesToICalendar, type StandardActivity } from './standard/ical';
export { textFile, STANDARD_MEDIA_TYPES } from './standard/file';
export { BUNDLE_PATHS, FILES_PREFIX, BundleInputError } from './create';
export { ed25519Jwk, jwkFingerprint } from './keys';
export { verifyMunicipalProvenance, recordDigest, type ProvenanceResult } from './provenance';
