/**
 * Apple Health import: `export.zip` or a bare `export.xml`, sniffed from the first bytes and
 * streamed to the end. Memory stays bounded by the aggregates, not by the file's size. Either the
 * whole file is read and a result is returned, or an ImportError is thrown and nothing is kept.
 */
import type { AppleHealthImport, AppleHealthOptions } from '../types';
import { detectHealthFile } from '../detect';
import { healthError } from '../errors';
import { IssueLog } from '../issues';
import { emptyFhir } from '../fhir/parse';
import { ByteSource } from './source';
import { AppleXmlReader } from './reader';
import { readZip } from './zip';

const SNIFF_BYTES = 4096;

/**
 * @throws ImportError — `empty-file`; `unknown-format` (neither a zip nor Apple's XML, or a zip
 * without export.xml); `truncated` (the zip or the XML ends early); `malformed` (broken XML or
 * zip data); `cancelled` (the signal was aborted).
 */
export async function importAppleHealth(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: AppleHealthOptions = {},
): Promise<AppleHealthImport> {
  const input = new ByteSource(source, options);
  try {
    const head = await input.head(SNIFF_BYTES);
    if (head.length === 0) throw healthError('empty-file', 'no bytes');
    const kind = detectHealthFile(head);
    const issues = new IssueLog();
    const reader = new AppleXmlReader(issues, options.keepSamples);
    let fhir = emptyFhir();
    if (kind === 'apple-health-zip') {
      fhir = await readZip(input, reader, issues);
    } else if (kind === 'apple-health-xml') {
      await readXml(input, reader);
    } else {
      throw healthError('unknown-format', kind === 'fhir-json' ? 'a FHIR file, not an Apple Health export' : 'not a zip or Apple Health XML');
    }
    const xml = reader.end();
    options.onProgress?.({ bytesRead: input.bytesRead, records: reader.records });
    const result: AppleHealthImport = {
      daily: xml.daily,
      samples: xml.samples,
      workouts: xml.workouts,
      fhir,
      issues: issues.result(),
      bytesRead: input.bytesRead,
      records: reader.records,
    };
    if (xml.exportDate !== undefined) result.exportDate = xml.exportDate;
    return result;
  } catch (e) {
    input.cancel();
    throw e;
  }
}

async function readXml(input: ByteSource, reader: AppleXmlReader): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for (let chunk = await input.next(); chunk !== undefined; chunk = await input.next()) {
    reader.write(decoder.decode(chunk, { stream: true }));
    input.progress(reader.records);
  }
  reader.write(decoder.decode());
}
