import type { AppleHealthImport, AppleHealthOptions } from '../types';
import { healthError } from '../errors';

export async function importAppleHealth(
  _source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  _options: AppleHealthOptions = {},
): Promise<AppleHealthImport> {
  throw healthError('unknown-format', 'not yet wired');
}
