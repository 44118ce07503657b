/**
 * KLE topics (code → official title) read from the shared data set, the project's reference for
 * codes and titles. The synthetic data refuses codes that are not in it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KleRef } from '../../municipal/api/schemas';

export const DEFAULT_KLE_TSV = fileURLToPath(new URL('../../../../shared/data/kle-topics.tsv', import.meta.url));

export class KleCatalog {
  private constructor(private readonly titles: ReadonlyMap<string, string>) {}

  static fromTsv(text: string): KleCatalog {
    const titles = new Map<string, string>();
    const lines = text.split(/\r?\n/);
    if (lines[0] !== 'code\ttitle') throw new Error('kle-topics.tsv: expected header "code<TAB>title"');
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      const [code, title] = line.split('\t');
      if (!code || !title || !/^\d{2}\.\d{2}\.\d{2}$/.test(code)) throw new Error(`kle-topics.tsv: bad line ${JSON.stringify(line)}`);
      titles.set(code, title);
    }
    return new KleCatalog(titles);
  }

  static load(path = process.env.MUNICIPALITY_KLE_TSV ?? DEFAULT_KLE_TSV): KleCatalog {
    return KleCatalog.fromTsv(readFileSync(path, 'utf8'));
  }

  /** @throws {RangeError} for a code that is not an official KLE topic. */
  ref(code: string): KleRef {
    const title = this.titles.get(code);
    if (title === undefined) throw new RangeError(`unknown KLE code ${code}`);
    return { code, title };
  }

  /** Every topic code, sorted; optionally only current ones (not marked "[udgår …]"). */
  codes(options: { currentOnly?: boolean } = {}): string[] {
    const codes = [...this.titles.keys()].sort();
    return options.currentOnly ? codes.filter((c) => !this.titles.get(c)!.includes('[udgår')) : codes;
  }
}
