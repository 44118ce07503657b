/**
 * The part of PapaParse the importers use, for src/tsconfig.platform-free.json only: @types/papaparse
 * pulls in all of Node's types, which would hide a Node API used by mistake. The root tsconfig
 * type-checks the same calls against @types/papaparse.
 */
export interface ParseConfig {
  delimiter?: string;
  newline?: string;
  quoteChar?: string;
  skipEmptyLines?: boolean;
  preview?: number;
}
export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  row?: number;
  message: string;
}
export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
}
declare const Papa: {
  parse<T>(input: string, config: ParseConfig): ParseResult<T>;
};
export default Papa;
