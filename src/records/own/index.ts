/** The citizen's own records: files attached to records, and correction requests. */
export * from './attachment';
export { decodeBase64Url, encodeBase64Url } from './base64url';
export * from './correction-request';
