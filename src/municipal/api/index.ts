/** The Citizen Data API: schemas, signature checks and the OpenAPI builder (pure TypeScript). */
export * from './schemas';
export * from './signature';
export { buildOpenApiDocument } from './openapi';
