/**
 * The record schemas' compiled checks (src/municipal/api/record-checks.ts) against zod itself:
 * the generated module is what the script writes from today's schemas, every record the
 * reference municipality serves takes the compiled path, and on records mutated at random the
 * connector's check accepts exactly what zod accepts. `SLOW=1` runs many more mutations.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_OF, RESOURCES, type ResourceName } from '../../src/municipal/api/schemas';
import { compiledCheckOf } from '../../src/municipal/api/record-checks';
import { checkReceived } from '../../src/records/municipal/index';
import { CitizenCatalog, PERSONAS } from '../../src/municipality-server/data/catalog';
import { renderRecordChecks } from '../../scripts/record-checks';
import { KLE, TODAY } from './municipality-test-helpers';

const RUNS = process.env.SLOW === '1' ? 20_000 : 600;
const catalog = new CitizenCatalog({ today: TODAY, kle: KLE, baseUrl: 'http://127.0.0.1:8787' }, { scale: 0.02 });
const served = Object.fromEntries(
  RESOURCES.map((resource) => [resource, PERSONAS.flatMap((persona) => catalog.get(persona.id).records[resource] as unknown as Record<string, unknown>[])]),
) as Record<ResourceName, Record<string, unknown>[]>;

type Json = null | boolean | number | string | undefined | Json[] | { [key: string]: Json };

/** Every place in a record a mutation can hit: object keys and array positions, nested. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** Values that are almost right somewhere in these schemas, and plainly wrong ones. */
const replacement = fc.oneof(
  fc.constantFrom<Json>(
    '',
    ' ',
    'x',
    '2026-02-29',
    '2024-02-29',
    '2026-13-01',
    '2026-03-12T10:30:00+01:00',
    '2026-03-12T10:30:00',
    '2026-03-12T24:00:00Z',
    '12.34.56',
    '1.2.3',
    'https://kommune.example/a',
    'http:example.com',
    'not a url',
    '/files/a.pdf',
    '//a',
    'DKK',
    'EUR',
    'a'.repeat(128),
    'a'.repeat(129),
    '\u{1F600}',
    'paid',
    'appointment',
    'deadline',
    'pdf',
    'text',
    0,
    1,
    -1,
    1.5,
    2 ** 53,
    Number.NaN,
    true,
    false,
    null,
    undefined,
    [],
    {},
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Mutation = { op: 'set'; at: number; value: Json } | { op: 'delete'; at: number } | { op: 'add'; at: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: replacement }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.string({ maxLength: 8 }), value: replacement }),
);

function mutate(record: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  const copy = structuredClone(record) as { [key: string]: Json };
  const all = [[], ...paths(copy)];
  const path = all[m.at % all.length]!;
  if (path.length === 0) {
    if (m.op === 'add') copy[m.key] = m.value;
    return copy;
  }
  let parent: Json = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step]!;
  const last = path.at(-1)!;
  const target = parent as Record<string | number, Json>;
  if (m.op === 'set') target[last] = m.value;
  else if (m.op === 'delete') {
    if (Array.isArray(target)) target.splice(Number(last), 1);
    else delete target[last];
  } else if (typeof target[last] === 'object' && target[last] !== null && !Array.isArray(target[last])) {
    (target[last] as Record<string, Json>)[m.key] = m.value;
  }
  return copy;
}

describe('compiled record checks', () => {
  it('are what scripts/record-checks.ts writes from the schemas today (run it after changing a schema)', () => {
    const file = readFileSync(new URL('../../src/municipal/api/record-checks.data.ts', import.meta.url), 'utf8');
    expect(file).toBe(renderRecordChecks());
  });

  it.each(RESOURCES)('pass every %s record the reference municipality serves', (resource) => {
    const check = compiledCheckOf(RECORD_SCHEMA_OF[resource])!;
    expect(served[resource].length).toBeGreaterThan(0);
    for (const record of served[resource]) expect(check(record), String(record.id)).toBe(true);
  });

  it.each(RESOURCES)('accept exactly what zod accepts on mutated %s records', (resource) => {
    const schema = RECORD_SCHEMA_OF[resource];
    const check = compiledCheckOf(schema)!;
    const outcomes = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.nat(), mutation, (pick, m) => {
        const record = mutate(served[resource][pick % served[resource].length]!, m);
        const zod = schema.safeParse(record).success;
        // The compiled check may only ever say "passes" for what zod passes…
        if (check(record)) expect(zod).toBe(true);
        // …and the connector's check, compiled first and zod after, agrees with zod exactly.
        expect(checkReceived(schema, record).success).toBe(zod);
        outcomes[zod ? 'accepted' : 'refused'] += 1;
      }),
      { numRuns: RUNS },
    );
    // Mutations that prove nothing (all refused, or all harmless) would make this test hollow.
    expect(outcomes.accepted).toBeGreaterThan(RUNS / 50);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 4);
  });

  it('refuses what is not an object at all, as zod does', () => {
    for (const resource of RESOURCES) {
      const check = compiledCheckOf(RECORD_SCHEMA_OF[resource])!;
      for (const value of [null, undefined, 'case', 1, [], [served[resource][0]]]) expect(check(value)).toBe(false);
    }
  });
});
