/** Grouping an import into vault records: ids, months, merging, re-import. */
import { describe, expect, it } from 'vitest';
import type { DailyAggregate, HealthSample } from '../../src/records/health/types';
import type { AppleHealthImport } from '../../src/importers/health/types';
import { findKind } from '../../src/records/registry';
import {
  dailyId,
  groupDaily,
  groupSamples,
  healthWriteOps,
  importId,
  observationId,
  recordId,
  type DailyData,
  type ObservationData,
} from '../../src/ui/health/records';
import type { WriteOp } from '../../src/vault/record-store';

const steps = (date: string, sum: number, source = 'iPhone'): DailyAggregate => ({
  date,
  type: 'HKQuantityTypeIdentifierStepCount',
  metric: 'steps',
  unit: 'count',
  count: 3,
  sum,
  min: 1,
  max: sum,
  mean: sum / 3,
  sources: [source],
});

const apple = (over: Partial<AppleHealthImport> = {}): AppleHealthImport => ({
  daily: [steps('2026-02-27', 5000), steps('2026-02-28', 6000), steps('2026-03-01', 7000)],
  samples: [],
  workouts: [
    { activity: 'HKWorkoutActivityTypeWalking', start: '2026-03-01T10:00:00+01:00', end: '2026-03-01T10:30:00+01:00', durationMinutes: 30, source: 'Watch' },
  ],
  fhir: {
    observations: [
      {
        id: 'w1',
        status: 'final',
        name: { da: 'Vægt', en: 'Body weight' },
        code: { system: 'http://loinc.org', code: '29463-7' },
        value: { number: 82.5, unit: 'kg' },
      },
    ],
    clinical: [{ id: 'c1', resourceType: 'Condition', title: 'Hypertension' }],
    skipped: {},
    issues: [],
  },
  issues: [],
  bytesRead: 1000,
  records: 10,
  ...over,
});

const input = (over: Partial<Parameters<typeof healthWriteOps>[0]> = {}) => ({
  profileId: 'p1',
  file: { name: 'export.zip', size: 1000 },
  format: 'apple-health-zip' as const,
  apple: apple(),
  keptSamples: [],
  now: new Date('2026-03-12T10:00:00Z'),
  ...over,
});

const puts = (ops: WriteOp[]) => ops.filter((o): o is Extract<WriteOp, { op: 'put' }> => o.op === 'put');

describe('record ids', () => {
  it('are 43-character base64url SHA-256 digests of the key, and differ by every part', () => {
    const id = recordId('health-daily', 'HKQuantityTypeIdentifierStepCount', '2026-03');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(recordId('health-daily', 'HKQuantityTypeIdentifierStepCount', '2026-03')).toBe(id);
    expect(recordId('health-daily', 'HKQuantityTypeIdentifierStepCount', '2026-04')).not.toBe(id);
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(recordId('ab', 'c')).not.toBe(recordId('a', 'bc'));
    // SHA-256("abc"), the FIPS 180-2 example, in base64url.
    expect(recordId('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });
});

describe('groupDaily', () => {
  it('puts each type and month in one record, days sorted', () => {
    const groups = groupDaily([steps('2026-03-02', 2), steps('2026-02-28', 1), steps('2026-03-01', 3)]);
    expect(groups.map((g) => g.data.month).sort()).toEqual(['2026-02', '2026-03']);
    const march = groups.find((g) => g.data.month === '2026-03')!;
    expect(march.id).toBe(dailyId('HKQuantityTypeIdentifierStepCount', '2026-03'));
    expect(march.data.days.map((d) => d.date)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('keeps stored days the import lacks, and takes the import’s figure for a day in both', () => {
    const [stored] = groupDaily([steps('2026-03-01', 100), steps('2026-03-05', 500)]);
    const merged = groupDaily([steps('2026-03-01', 111), steps('2026-03-09', 900)], [stored!]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.data.days.map((d) => [d.date, d.sum])).toEqual([
      ['2026-03-01', 111],
      ['2026-03-05', 500],
      ['2026-03-09', 900],
    ]);
    // Stored months this import does not touch are not rewritten.
    const other = groupDaily([steps('2026-04-01', 1)], [stored!]);
    expect(other.map((g) => g.data.month)).toEqual(['2026-04']);
  });

  it('gives records the health-daily schema accepts', () => {
    const kind = findKind('health-daily')!;
    for (const g of groupDaily(apple().daily)) expect(kind.schema.safeParse(g.data).success).toBe(true);
  });
});

describe('groupSamples', () => {
  const hr = (start: string, value: number, source = 'Watch'): HealthSample => ({
    type: 'HKQuantityTypeIdentifierHeartRate',
    metric: 'heart-rate',
    start,
    end: start,
    value,
    unit: 'count/min',
    source,
  });

  it('stores a month column by column with sources by index', () => {
    const [group, ...rest] = groupSamples([
      hr('2026-03-01T10:00:00+01:00', 60),
      hr('2026-03-01T10:05:00+01:00', 62, 'Phone'),
      hr('2026-03-02T10:00:00+01:00', 61),
    ]);
    expect(rest).toEqual([]);
    expect(group!.data.value).toEqual([60, 62, 61]);
    expect(group!.data.sources).toEqual(['Watch', 'Phone']);
    expect(group!.data.source).toEqual([0, 1, 0]);
    expect(group!.data.start[0]).toBe(Date.parse('2026-03-01T09:00:00Z'));
    expect(findKind('health-samples')!.schema.safeParse(group!.data).success).toBe(true);
  });

  it('uses the month of the sample’s own clock, not UTC', () => {
    // 00:30 on 1 March in Denmark is still February in UTC.
    const [group] = groupSamples([hr('2026-03-01T00:30:00+01:00', 60)]);
    expect(group!.data.month).toBe('2026-03');
  });
});

describe('healthWriteOps', () => {
  it('writes every kind, validated by its schema, the import log last', () => {
    const ops = puts(healthWriteOps(input()));
    expect(ops.map((o) => o.kind)).toEqual(['health-daily', 'health-daily', 'health-workout', 'health-observation', 'health-clinical', 'health-import']);
    for (const op of ops) {
      const parsed = findKind(op.kind)!.schema.safeParse(op.data);
      expect(parsed.success, `${op.kind}: ${parsed.error}`).toBe(true);
    }
    expect(ops.at(-1)!.id).toBe(importId('export.zip', 1000));
    expect(ops.at(-1)!.data).toMatchObject({ counts: { days: 3, types: 1, workouts: 1, observations: 1, clinical: 1, samples: 0 } });
    expect(ops.find((o) => o.kind === 'health-observation')!.id).toBe(observationId('apple-health', 'w1'));
  });

  it('gives the same ids for the same file: a re-import replaces, it does not add', () => {
    const first = puts(healthWriteOps(input()));
    const stored = first.filter((o) => o.kind === 'health-daily').map((o) => ({ id: o.id!, data: o.data as DailyData }));
    const again = puts(healthWriteOps(input({ storedDaily: stored, now: new Date('2026-03-13T10:00:00Z') })));
    expect(again.map((o) => o.id)).toEqual(first.map((o) => o.id));
    expect(again.filter((o) => o.kind === 'health-daily').map((o) => o.data)).toEqual(stored.map((s) => s.data));
  });

  it('keeps raw samples only of the chosen metrics', () => {
    const samples: HealthSample[] = [
      {
        type: 'HKQuantityTypeIdentifierHeartRate',
        metric: 'heart-rate',
        start: '2026-03-01T10:00:00+01:00',
        end: '2026-03-01T10:00:00+01:00',
        value: 60,
        unit: 'count/min',
        source: 'W',
      },
      {
        type: 'HKQuantityTypeIdentifierStepCount',
        metric: 'steps',
        start: '2026-03-01T10:00:00+01:00',
        end: '2026-03-01T10:10:00+01:00',
        value: 600,
        unit: 'count',
        source: 'W',
      },
    ];
    const ops = puts(healthWriteOps(input({ apple: apple({ samples }), keptSamples: ['heart-rate'] })));
    const kept = ops.filter((o) => o.kind === 'health-samples');
    expect(kept.map((o) => (o.data as { metric: string }).metric)).toEqual(['heart-rate']);
    expect(ops.at(-1)!.data).toMatchObject({ keptSamples: ['heart-rate'], counts: { samples: 1 } });
  });

  it('keeps the source’s own display and text of a code, cut to what the record holds; a record from before them still reads', () => {
    const long = 'HbA1c; "æøå" '.repeat(100);
    const code = { system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', text: long };
    const fhir = {
      ...apple().fhir,
      observations: [
        {
          id: 'a1c',
          status: 'final',
          name: { da: 'Langtidsblodsukker', en: 'HbA1c' },
          code,
          components: [{ name: { da: 'x', en: 'x' }, code: { ...code, text: 'Systolisk' } }],
        },
      ],
    };
    const ops = puts(healthWriteOps({ ...input({ format: 'fhir-json', file: { name: 'bundle.json', size: 10 } }), apple: undefined, fhir }));
    const data = ops[0]!.data as ObservationData;
    expect(data.name).toEqual({ da: 'Langtidsblodsukker', en: 'HbA1c' });
    expect(data.code).toEqual({ ...code, text: long.slice(0, 1000) });
    expect(data.components![0]!.code.text).toBe('Systolisk');
    const schema = findKind('health-observation')!.schema;
    expect(schema.safeParse(data).success).toBe(true);
    expect(schema.safeParse({ ...data, code: { system: code.system, code: code.code }, components: undefined }).success).toBe(true);
  });

  it('marks a FHIR bundle’s resources with their origin', () => {
    const fhir = apple().fhir;
    const ops = puts(healthWriteOps({ ...input({ format: 'fhir-json', file: { name: 'bundle.json', size: 10 } }), apple: undefined, fhir }));
    expect(ops.map((o) => o.kind)).toEqual(['health-observation', 'health-clinical', 'health-import']);
    expect(ops[0]!.id).toBe(observationId('fhir-bundle', 'w1'));
    expect(ops[0]!.data).toMatchObject({ origin: 'fhir-bundle', fhirId: 'w1' });
  });
});
