import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allKleTopics, findKleGroup, findKleTopic, groupOf, isKleTopicCode, parseKleTable, parseKleTopicCode } from '../../src/municipal/kle/index';
import { KLE_TOPICS_TSV } from '../../src/municipal/kle/kle-topics.data';
import { renderDataModule } from '../../src/municipal/kle/build-data.node';

const kleDir = new URL('../../src/municipal/kle/', import.meta.url);
const tsvFile = (): string => readFileSync(new URL('kle-topics.tsv', kleDir), 'utf8');

describe('KLE code shapes', () => {
  it.each(['32.24.04', '15.20.38', '00.01.00', '99.99.99'])('accepts %s', (code) => {
    expect(parseKleTopicCode(code)).toBe(code);
  });

  it.each([
    '32.24.4',
    '32.24.004',
    '3.24.04',
    '32.24',
    '32',
    '',
    ' 32.24.04',
    '32.24.04 ',
    '32-24-04',
    '32,24,04',
    '32.24.04.01',
    '32.24.04G01',
    '３２.２４.０４',
    'ab.cd.ef',
    '32.24.04\n',
    '\n32.24.04',
  ])('rejects %j', (code) => {
    expect(parseKleTopicCode(code)).toBeNull();
    expect(findKleTopic(code)).toBeNull();
  });

  it.each([undefined, null, 322404, {}, ['32.24.04']])('rejects the non-string %j', (value) => {
    expect(isKleTopicCode(value)).toBe(false);
  });

  it('accepts exactly the strings of the form dd.dd.dd', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        expect(isKleTopicCode(value)).toBe(/^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/.test(value));
      }),
      { numRuns: process.env.SLOW ? 20_000 : 300 },
    );
  });
});

describe('KLE table', () => {
  it('holds the 2,390 topics of the February 2026 edition, in code order', () => {
    const topics = allKleTopics();
    expect(topics).toHaveLength(2390);
    const codes = topics.map((t) => t.code);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('finds official titles by exact code', () => {
    expect(findKleTopic('32.24.04')?.title).toBe('Hjælp til forsørgelse (kontanthjælp mv.)');
    expect(findKleTopic('15.20.38')?.title).toBe('Befordringsgodtgørelse - tillægsydelser');
    expect(findKleTopic('23.09.02')?.title).toBe('Pas');
    expect(findKleTopic('32.24.99')).toBeNull();
  });

  it('reads the phase-out note without changing the official title', () => {
    const topic = findKleTopic('15.17.22');
    expect(topic).toMatchObject({ title: 'Ressourceforløb [udgår 2029]', shortTitle: 'Ressourceforløb', phasedOutIn: 2029 });
    expect(findKleTopic('32.24.04')?.phasedOutIn).toBeUndefined();
    expect(allKleTopics().filter((t) => t.phasedOutIn !== undefined)).toHaveLength(17);
  });

  it('names every group through its general topic xx.yy.00', () => {
    expect(findKleGroup('32.24')).toMatchObject({
      code: '32.24',
      title: 'Ydelser efter lov om aktiv socialpolitik mv.',
      generalTopic: { code: '32.24.00' },
    });
    const groups = new Set(allKleTopics().map((t) => groupOf(t.code)));
    expect(groups.size).toBe(498);
    for (const group of groups) {
      const found = findKleGroup(group);
      expect(found?.generalTopic.title, group).toMatch(/ i almindelighed\b/);
      expect(found?.title, group).not.toMatch(/ i almindelighed$/);
    }
  });

  it('keeps a general title verbatim when "i almindelighed" is not at its end', () => {
    expect(findKleGroup('82.08')?.title).toBe('Rengøring i almindelighed, kommunens ejendomme');
  });

  it('gives no group for malformed or absent group codes', () => {
    expect(findKleGroup('32.2')).toBeNull();
    expect(findKleGroup('32.24.04')).toBeNull();
    expect(findKleGroup('32.99')).toBeNull();
  });
});

describe('KLE table parser', () => {
  const header = 'code\ttitle\n';

  it('parses a well-formed table, with or without a final newline', () => {
    expect([...parseKleTable(`${header}01.02.03\tEt emne\n`).keys()]).toEqual(['01.02.03']);
    expect([...parseKleTable(`${header}01.02.03\tEt emne`).keys()]).toEqual(['01.02.03']);
  });

  it.each([
    ['a wrong header', 'kode\ttitel\n01.02.03\tEt emne\n'],
    ['a malformed code', `${header}1.02.03\tEt emne\n`],
    ['a missing title', `${header}01.02.03\t\n`],
    ['an extra column', `${header}01.02.03\tEt emne\tmere\n`],
    ['padding around the title', `${header}01.02.03\t Et emne\n`],
    ['an empty line inside', `${header}01.02.03\tEt emne\n\n01.02.04\tEt andet\n`],
    ['a duplicate code', `${header}01.02.03\tEt emne\n01.02.03\tEt andet\n`],
    ['Windows line endings', `${header}01.02.03\tEt emne\r\n`],
  ])('refuses %s', (_name, tsv) => {
    expect(() => parseKleTable(tsv)).toThrow(/KLE table/);
  });
});

describe('KLE data packaging', () => {
  it('embeds kle-topics.tsv verbatim (regenerate with build-data.node.ts when it changes)', () => {
    expect(KLE_TOPICS_TSV).toBe(tsvFile());
    expect(readFileSync(new URL('kle-topics.data.ts', kleDir), 'utf8')).toBe(renderDataModule(tsvFile()));
  });

  it('keeps the licence attribution next to the data', () => {
    const readme = readFileSync(new URL('README.md', kleDir), 'utf8');
    expect(readme).toContain('OS2KLE');
    expect(readme).toContain('Mozilla Public License 2.0');
  });

  it('imports nothing Node-only outside *.node.ts, so the extension can bundle it', () => {
    const dirs = ['../../src/municipal/kle/', '../../src/municipal/plain-language/', '../../src/municipal/plain-language/topics/'];
    for (const dir of dirs) {
      const url = new URL(dir, import.meta.url);
      for (const name of readdirSync(url).filter((n) => n.endsWith('.ts') && !n.endsWith('.node.ts'))) {
        const source = readFileSync(new URL(name, url), 'utf8');
        expect(source, `${dir}${name}`).not.toMatch(/from ['"](node:|fs|path|url|crypto)['"/]/);
      }
    }
  });
});
