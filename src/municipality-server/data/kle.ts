/**
 * KLE topics (code → official title) for the synthetic data: the same official table the
 * extension embeds (src/municipal/kle), so server and vault can never disagree on a title.
 * The synthetic data refuses codes that are not in it.
 */
import { readFileSync } from 'node:fs';
import type { KleRef } from '../../municipal/api/schemas';
import { allKleTopics, parseKleTable } from '../../municipal/kle/topics';

export class KleCatalog {
  private constructor(private readonly titles: ReadonlyMap<string, string>) {}

  static fromTsv(text: string): KleCatalog {
    return new KleCatalog(new Map([...parseKleTable(text.replace(/\r\n/g, '\n')).values()].map((t) => [t.code, t.title])));
  }

  /** The embedded table, or a TSV file named by MUNICIPALITY_KLE_TSV (another KLE edition). */
  static load(path = process.env.MUNICIPALITY_KLE_TSV): KleCatalog {
    if (path) return KleCatalog.fromTsv(readFileSync(path, 'utf8'));
    return new KleCatalog(new Map(allKleTopics().map((t) => [t.code, t.title])));
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
