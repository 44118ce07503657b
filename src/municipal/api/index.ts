/** The Citizen Data API: schemas, signature checks and the OpenAPI builder (pure TypeScript). */
export * from './schemas';
export * from './signature';
export { base64urlDecode, base64urlEncode } from './encoding';
export { buildOpenApiDocument } from './openapi';
