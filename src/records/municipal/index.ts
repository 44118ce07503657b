/** The municipal record kinds: a connection, page signatures, and one kind per synced resource. */
export * from './connection';
export * from './record-kinds';
export * from './signature';
export * from './now-summary';
export { checkReceived, MunicipalOrigin, Provenance } from './received';
