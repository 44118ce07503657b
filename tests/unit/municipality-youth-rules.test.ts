import { describe, expect, it } from 'vitest';
import {
  DEFAULT_YOUTH_RULES,
  minimumAge,
  minimumAgeForKle,
  YouthRules,
  youthMaySee,
  type YouthRules as Rules,
} from '../../src/municipality-server/youth-rules';
import { makeApp, syncAll, tokenFor } from './municipality-test-helpers';

const rules: Rules = {
  default: 18,
  kle: { '29': 15, '29.15': 16, '29.15.04': 17, '32.24.04': 15 },
  activitySources: { tandpleje: 15 },
};

describe('youth rules per KLE level', () => {
  it('level 1 applies to a whole main group', () => {
    expect(minimumAgeForKle(rules, '29.21.04')).toBe(15);
  });
  it('level 2 overrides level 1', () => {
    expect(minimumAgeForKle(rules, '29.15.12')).toBe(16);
  });
  it('level 3 overrides level 2', () => {
    expect(minimumAgeForKle(rules, '29.15.04')).toBe(17);
  });
  it('a level-3 rule does not leak to its siblings or its group', () => {
    expect(minimumAgeForKle(rules, '32.24.05')).toBe(18);
    expect(minimumAgeForKle(rules, '32.24.04')).toBe(15);
  });
  it('the default is 18 for anything without a rule', () => {
    expect(minimumAgeForKle(rules, '27.36.06')).toBe(18);
    expect(minimumAge(rules, {})).toBe(18);
  });
  it('activities without KLE follow their source system, else the default', () => {
    expect(minimumAge(rules, { source: 'tandpleje' })).toBe(15);
    expect(minimumAge(rules, { source: 'jobnet' })).toBe(18);
    expect(minimumAge(rules, { kle: '27.36.06', source: 'tandpleje' })).toBe(18);
  });
  it('applies the age: 15–17 see what their age allows, adults see everything', () => {
    expect(youthMaySee(rules, 16, { kle: '29.15.12' })).toBe(true);
    expect(youthMaySee(rules, 16, { kle: '29.15.04' })).toBe(false);
    expect(youthMaySee(rules, 17, { kle: '29.15.04' })).toBe(true);
    expect(youthMaySee(rules, 17, { kle: '27.36.06' })).toBe(false);
    expect(youthMaySee(rules, 18, { kle: '27.36.06' })).toBe(true);
  });
  it('refuses malformed configurations', () => {
    expect(YouthRules.safeParse(DEFAULT_YOUTH_RULES).success).toBe(true);
    expect(YouthRules.safeParse({ ...rules, kle: { '29.1': 15 } }).success).toBe(false);
    expect(YouthRules.safeParse({ ...rules, kle: { '29': 12 } }).success).toBe(false);
    expect(YouthRules.safeParse({ ...rules, default: 21 }).success).toBe(false);
  });
});

describe('youth rules on the served data', () => {
  async function everything(app: ReturnType<typeof makeApp>['app'], citizen: string, actor?: string) {
    const { access } = await tokenFor(app, citizen, actor);
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const r of ['cases', 'decisions', 'activities', 'documents', 'access-log']) out[r] = (await syncAll(app, access, r)).items;
    return out;
  }

  it('Freja (16) sees dental care, guidance and her moped licence, not the notification of concern', async () => {
    const { app } = makeApp();
    const data = await everything(app, 'freja');
    const codes = data.cases!.map((c) => (c.kle as { code: string }).code).sort();
    expect(codes).toEqual(['17.27.21', '23.09.10', '29.15.04']);
    const visibleCaseIds = new Set(data.cases!.map((c) => c.id));
    for (const r of ['decisions', 'documents', 'access-log']) {
      for (const item of data[r]!) if (item.caseId) expect(visibleCaseIds.has(item.caseId as string)).toBe(true);
    }
    const sources = data.activities!.map((a) => (a.source as { id: string }).id).sort();
    expect(sources).toEqual(['koereproeve', 'tandpleje', 'tandpleje', 'ungeindsats']);
  });

  it('with all rules at 18, Freja sees nothing with a KLE code or an unlisted source', async () => {
    const { app } = makeApp({ youthRules: { default: 18, kle: {}, activitySources: {} } });
    const data = await everything(app, 'freja');
    expect(Object.values(data).every((items) => items.length === 0)).toBe(true);
  });

  it('a rule at level 3 opens one topic only', async () => {
    const { app } = makeApp({ youthRules: { default: 18, kle: { '34.10.30': 16 }, activitySources: {} } });
    const data = await everything(app, 'freja');
    expect(data.cases!.map((c) => (c.kle as { code: string }).code)).toEqual(['34.10.30']);
    expect(data.documents).toHaveLength(1);
    expect(data['access-log']).toHaveLength(1);
  });

  it('adults and parents acting by custody are not filtered', async () => {
    const { app, state } = makeApp({ youthRules: { default: 18, kle: {}, activitySources: {} } });
    const lea = await everything(app, 'lea', 'mette');
    expect(lea.activities).toHaveLength(state.catalog.get('lea').records.activities.length);
    const thomas = await everything(app, 'thomas');
    expect(thomas.cases).toHaveLength(state.catalog.get('thomas').records.cases.length);
  });
});
