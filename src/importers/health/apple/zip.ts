/**
 * Streams an Apple Health `export.zip` entry by entry with fflate's Unzip: `export.xml` (in any
 * folder) goes to the XML reader as it inflates, `clinical-records/*.json` are read as FHIR, and
 * everything else (export_cda.xml, routes, ECGs, `__MACOSX/` and `.DS_Store`) is passed over.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { FhirImport } from '../types';
import { ImportError } from '../../types';
import { healthError } from '../errors';
import type { IssueLog } from '../issues';
import { emptyFhir, mergeFhir, parseFhir } from '../fhir/parse';
import type { AppleXmlReader } from './reader';
import type { ByteSource } from './source';

/** One FHIR resource per file; anything larger is not a clinical record we can keep. */
const MAX_CLINICAL_JSON = 16 * 1024 * 1024;
/** The end-of-central-directory record sits in the last 22 bytes plus an optional 64 KiB comment. */
const TAIL_BYTES = 22 + 0xffff;
const INFLATE_PIECE = 16 * 1024;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function ignored(path: string): boolean {
  const base = baseName(path);
  return path.startsWith('__MACOSX/') || path.includes('/__MACOSX/') || base === '.DS_Store' || base.startsWith('._') || path.endsWith('/');
}

/** fflate's errors carry a numeric code: 0 and 13 mean the data ended early. */
function zipError(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  const truncated = code === 0 || code === 13;
  return healthError(truncated ? 'truncated' : 'malformed', `zip: ${e instanceof Error ? e.message : String(e)}`, e);
}

export async function readZip(input: ByteSource, reader: AppleXmlReader, issues: IssueLog): Promise<FhirImport> {
  let failure: ImportError | undefined;
  let xmlSeen = false;
  let xmlDone = false;
  let fhir = emptyFhir();
  const decoder = new TextDecoder('utf-8');

  const onXml = (err: Error | null, data: Uint8Array | null, final: boolean): void => {
    if (failure) return;
    try {
      if (err) throw zipError(err);
      if (data && data.length > 0) reader.write(decoder.decode(data, { stream: true }));
      if (final) {
        reader.write(decoder.decode());
        xmlDone = true;
      }
    } catch (e) {
      failure = zipError(e);
    }
  };

  const onClinical = (file: UnzipFile): void => {
    const parts: Uint8Array[] = [];
    let size = 0;
    let tooLarge = false;
    file.ondata = (err, data, final) => {
      if (failure || tooLarge) return;
      if (err) {
        failure = zipError(err);
        return;
      }
      size += data.length;
      if (size > MAX_CLINICAL_JSON) {
        tooLarge = true;
        issues.add('bad-clinical-record', 'skipped', undefined, 'larger than 16 MiB');
        return;
      }
      parts.push(data);
      if (!final) return;
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      try {
        fhir = mergeFhir(fhir, parseFhir(new TextDecoder('utf-8').decode(bytes)));
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        issues.add('bad-clinical-record', 'skipped', undefined, e.code);
      }
    };
    file.start();
  };

  const unzip = new Unzip((file) => {
    const path = file.name;
    if (!ignored(path) && baseName(path) === 'export.xml' && !xmlSeen) {
      xmlSeen = true;
      file.ondata = onXml;
      file.start();
    } else if (!ignored(path) && /(^|\/)clinical-records\/[^/]+\.json$/i.test(path)) {
      onClinical(file);
    } else {
      // fflate keeps the data of an entry nobody started in memory until the end; inflating it
      // into nothing keeps memory bounded (export_cda.xml can be hundreds of MB).
      file.ondata = () => undefined;
      file.start();
    }
  });
  unzip.register(UnzipInflate);

  let tail: Uint8Array = new Uint8Array(0);
  for (let chunk = await input.next(); chunk !== undefined; chunk = await input.next()) {
    tail = keepTail(tail, chunk);
    try {
      // Small pieces keep what one push inflates small: export.xml compresses about 20 to 1.
      for (let at = 0; at < chunk.length && !failure; at += INFLATE_PIECE) unzip.push(chunk.subarray(at, at + INFLATE_PIECE), false);
    } catch (e) {
      throw failure ?? zipError(e);
    }
    if (failure) throw failure;
    input.progress(reader.records);
  }
  try {
    unzip.push(new Uint8Array(0), true);
  } catch (e) {
    throw failure ?? zipError(e);
  }
  if (failure) throw failure;
  if (!xmlSeen) throw healthError('unknown-format', 'the zip holds no export.xml');
  if (!xmlDone || !hasEndRecord(tail)) throw healthError('truncated', 'the zip ends before its directory');
  return fhir;
}

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= TAIL_BYTES) return chunk.slice(chunk.length - TAIL_BYTES);
  const keep = Math.min(tail.length, TAIL_BYTES - chunk.length);
  const out = new Uint8Array(keep + chunk.length);
  out.set(tail.subarray(tail.length - keep));
  out.set(chunk, keep);
  return out;
}

function hasEndRecord(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) return true;
  }
  return false;
}
