/**
 * Reading a bundle's JSON files once their bytes are verified: at open, or — for data.json, which
 * can be tens of megabytes — when it is first read. Either way only signed, digest-checked bytes
 * are parsed, and a file that is not the JSON its schema wants is named, never guessed at.
 */
import { z } from 'zod';
import type { ZipEntry } from './zip';
import { BundleData } from './schemas';
import { CodedError } from '../shared/coded-error';
import { fromUtf8 } from '../shared/bytes';

/**
 * data.json, read after an open that left it for its first read, is not a UTF-8 JSON object.
 * Its bytes carry the issuer's signature, so only a broken or hostile issuer makes such a
 * bundle; opened with `parseData: 'at-open'` the same bundle is refused as `tampered`.
 */
export class BundleDataError extends CodedError<'tampered'> {
  override readonly name = 'BundleDataError';
}

/** The file parsed and checked against `schema`, or a detail naming what is wrong. */
export function parseJsonFile<T>(entry: ZipEntry, schema: z.ZodType<T>, keepParsed = false): T | string {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(entry.bytes));
  } catch {
    return `${entry.name} is not UTF-8 JSON`;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return `${entry.name}: ${z.prettifyError(parsed.error)}`;
  // zod copies a record key by key, and a `__proto__` key would then set the copy's prototype
  // instead of staying data: hand back what JSON.parse made (own properties only) once checked.
  return keepParsed ? (value as T) : parsed.data;
}

/** data.json's value; keeps what JSON.parse made (see {@link parseJsonFile}). */
export const parseBundleData = (entry: ZipEntry): Record<string, unknown> | string => parseJsonFile(entry, BundleData, true);

/**
 * `opened` with a `data` property that parses `entry` when first read and keeps the value; a
 * data.json that does not parse throws {@link BundleDataError} on every read.
 */
export function withDataOnFirstRead<T extends object>(opened: T, entry: ZipEntry): T & { data: Record<string, unknown> } {
  return Object.defineProperty(opened, 'data', {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const data = parseBundleData(entry);
      if (typeof data === 'string') throw new BundleDataError('tampered', data);
      Object.defineProperty(this, 'data', { value: data, enumerable: true, configurable: true, writable: true });
      return data;
    },
  }) as T & { data: Record<string, unknown> };
}
