/**
 * Health import in real Chromium, through the page as a person uses it: an Apple Health
 * export.zip (steps from an iPhone and a Watch, weight, heart rate, blood pressure, a workout)
 * → progress → summary → save → the daily steps chart and its table; importing it again adds
 * nothing; a large export cancelled half-way stores nothing; a FHIR bundle's observations are
 * listed with names and units; an empty file, binary garbage, a truncated zip and malformed XML
 * each give a message naming the problem and store nothing; axe finds no serious violations; in an
 * English browser the observations carry their English names.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAppleHealthXml } from '../../src/importers/health/testing/generate';
import { callBackground, chromiumForThisFile, createVault, DA, EN, screenshotPath, text, expectAccessible } from './harness/vault-ui';

const browser = chromiumForThisFile({ bypassCSP: true });
const english = chromiumForThisFile({ bypassCSP: true, locale: 'en-US' });
const files = mkdtempSync(join(tmpdir(), 'handlerum-health-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

const HEALTH_KINDS = ['health-daily', 'health-samples', 'health-workout', 'health-observation', 'health-clinical', 'health-import'];
const PHONE = 'Thomas’ iPhone';
const WATCH = 'Thomas’ Apple Watch';
const KNOWN_DAY = '2026-03-10';

const at = (day: string, time: string) => `${day} ${time} +0100`;
const record = (type: string, source: string, unit: string, day: string, from: string, to: string, value: number | string) =>
  `<Record type="${type}" sourceName="${source}" sourceVersion="17.2" unit="${unit}" creationDate="${at(day, to)}" startDate="${at(day, from)}" endDate="${at(day, to)}" value="${value}"/>`;

const days = Array.from({ length: 21 }, (_, i) => new Date(Date.UTC(2026, 1, 20 + i)).toISOString().slice(0, 10));

/** What the importer must make of the steps: the day's figure is the larger source's total, never the sum of both. */
const stepsOf = (i: number) => ({ phone: [1000 + 37 * i, 2000], watch: [1500 + 53 * i, 2500 + (i % 3) * 100] });

function appleXml(): string {
  const rows: string[] = [];
  days.forEach((day, i) => {
    const s = stepsOf(i);
    rows.push(record('HKQuantityTypeIdentifierStepCount', PHONE, 'count', day, '08:00:00', '09:00:00', s.phone[0]!));
    rows.push(record('HKQuantityTypeIdentifierStepCount', PHONE, 'count', day, '15:00:00', '16:00:00', s.phone[1]!));
    rows.push(record('HKQuantityTypeIdentifierStepCount', WATCH, 'count', day, '08:00:00', '09:00:00', s.watch[0]!));
    rows.push(record('HKQuantityTypeIdentifierStepCount', WATCH, 'count', day, '15:00:00', '16:00:00', s.watch[1]!));
    rows.push(record('HKQuantityTypeIdentifierHeartRate', WATCH, 'count/min', day, '07:00:00', '07:00:00', 58 + (i % 5)));
    rows.push(record('HKQuantityTypeIdentifierHeartRate', WATCH, 'count/min', day, '12:00:00', '12:00:00', 92 + (i % 7)));
    if (i % 7 === 0) rows.push(record('HKQuantityTypeIdentifierBodyMass', PHONE, 'kg', day, '07:30:00', '07:30:00', (84 - i / 10).toFixed(1)));
    if (i % 5 === 0) {
      const sys = record('HKQuantityTypeIdentifierBloodPressureSystolic', PHONE, 'mmHg', day, '09:00:00', '09:00:00', 130 - i);
      const dia = record('HKQuantityTypeIdentifierBloodPressureDiastolic', PHONE, 'mmHg', day, '09:00:00', '09:00:00', 85 - i / 5);
      // Real exports list a correlation's records at top level as well as inside it.
      rows.push(sys, dia);
      rows.push(
        `<Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="${PHONE}" creationDate="${at(day, '09:00:00')}" startDate="${at(day, '09:00:00')}" endDate="${at(day, '09:00:00')}">${sys}${dia}</Correlation>`,
      );
    }
  });
  rows.push(
    `<Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="45" durationUnit="min" totalDistance="3.4" totalDistanceUnit="km" totalEnergyBurned="180" totalEnergyBurnedUnit="kcal" sourceName="${WATCH}" creationDate="${at('2026-03-01', '10:47:00')}" startDate="${at('2026-03-01', '10:02:00')}" endDate="${at('2026-03-01', '10:47:00')}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout)*)>
]>
<HealthData locale="da_DK">
 <ExportDate value="${at('2026-03-12', '18:00:00')}"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-04-02" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexMale"/>
 ${rows.join('\n ')}
</HealthData>
`;
}

const exportZip = (): Buffer => Buffer.from(zipSync({ 'apple_health_export/export.xml': strToU8(appleXml()) }));

const FHIR_BUNDLE = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: 'p1', name: [{ text: 'Thomas Jensen' }], birthDate: '1980-04-02' } },
    {
      resource: {
        resourceType: 'Observation',
        id: 'bp-1',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel with all children optional' }] },
        effectiveDateTime: '2026-03-02T09:30:00+01:00',
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: 128, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: 84, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
          },
        ],
      },
    },
    {
      resource: {
        resourceType: 'Observation',
        id: 'weight-1',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
        effectiveDateTime: '2026-03-02T09:35:00+01:00',
        valueQuantity: { value: 82.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
      },
    },
  ],
};

async function healthCounts(page: Page): Promise<Record<string, number>> {
  const profiles = await callBackground(page, 'listProfiles');
  const profileId = profiles.value[0].id as string;
  const counts: Record<string, number> = {};
  for (const kind of HEALTH_KINDS) {
    const list = await callBackground(page, 'listRecords', { profileId, kind });
    expect(list.ok, `${kind}: ${JSON.stringify(list.error)}`).toBe(true);
    counts[kind] = list.value.records.length;
  }
  return counts;
}

const fileInput = (page: Page) => page.getByLabel(DA['health.import.fileLabel']);
const status = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

/** Records every value the progress bar shows while a file is read (a small file is read faster than a poll). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) seen.push(bar.getAttribute('aria-valuenow') ?? '');
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}
const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string) {
  await fileInput(page).setInputFiles(file);
  const summary = page.getByRole('region', { name: /^Fundet i / });
  await summary.waitFor({ timeout: 60_000 });
  return summary;
}

describe('health import in Chromium', () => {
  let page: Page;

  it('imports an Apple Health export.zip: progress, summary, save, the daily steps chart', async () => {
    const session = await browser.launch();
    page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.health'] }).click();
    await page.getByRole('heading', { level: 2, name: text(DA, 'health.title', { name: 'Thomas' }) }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('section-heading');
    await expectAccessible(page, 'health, empty');

    await watchProgress(page);
    const summary = await importFile(page, { name: 'export.zip', mimeType: 'application/zip', buffer: exportZip() });
    expect((await progressSeen(page)).length).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('health-summary-h');
    await summary.getByText(text(DA, 'health.summary.days', { count: 21 })).waitFor();
    await summary.getByText(text(DA, 'health.summary.workouts', { count: 1 })).waitFor();
    await summary.getByRole('checkbox', { name: 'Puls' }).waitFor();
    await expectAccessible(page, 'health, summary');
    // Nothing is stored before the citizen says so.
    expect(Object.values(await healthCounts(page)).every((n) => n === 0)).toBe(true);
    await page.screenshot({ path: screenshotPath('health-summary-da'), fullPage: true });

    await summary.getByRole('checkbox', { name: 'Puls' }).check();
    await summary.getByRole('button', { name: DA['health.summary.save'] }).click();
    await status(page)
      .filter({ hasText: text(DA, 'health.import.saved', { file: 'export.zip' }) })
      .waitFor({ timeout: 60_000 });

    const steps = page.getByRole('region', { name: DA['health.chart.steps'] });
    const chart = steps.getByRole('img', { name: DA['health.chart.steps'] });
    await chart.waitFor();
    expect(await chart.locator('rect.bar').count()).toBe(21);
    const known = days.indexOf(KNOWN_DAY);
    const s = stepsOf(known);
    const expected = Math.max(s.phone[0]! + s.phone[1]!, s.watch[0]! + s.watch[1]!);
    expect(expected).toBeLessThan(s.phone[0]! + s.phone[1]! + s.watch[0]! + s.watch[1]!);
    await steps.getByRole('button', { name: DA['health.chart.showTable'] }).click();
    const row = steps.locator(`tr[data-date="${KNOWN_DAY}"]`);
    await expect.poll(() => row.locator('td').first().textContent()).toBe(new Intl.NumberFormat('da-DK').format(expected));
    // The picture's text summary names the period it covers.
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    await expect.poll(async () => (await page.locator('#chart-steps-desc').textContent()) ?? '').toMatch('21 dage');

    for (const name of [DA['health.chart.weight'], DA['health.chart.heartRate'], DA['health.chart.bloodPressure']]) {
      await page.getByRole('region', { name }).getByRole('img', { name }).waitFor();
    }
    await page.getByRole('table', { name: DA['health.workouts.caption'] }).getByText('Gåtur').waitFor();
    await expectAccessible(page, 'health, charts and table');
    await page.screenshot({ path: screenshotPath('health-charts-da'), fullPage: true });

    const counts = await healthCounts(page);
    expect(counts).toMatchObject({ 'health-daily': 10, 'health-workout': 1, 'health-import': 1 });
    expect(counts['health-samples']).toBe(2); // heart rate in February and March

    // The same file again: the summary, save, and not one record more.
    const again = await importFile(page, { name: 'export.zip', mimeType: 'application/zip', buffer: exportZip() });
    await again.getByRole('checkbox', { name: 'Puls' }).check();
    await again.getByRole('button', { name: DA['health.summary.save'] }).click();
    await status(page)
      .filter({ hasText: text(DA, 'health.import.saved', { file: 'export.zip' }) })
      .waitFor({ timeout: 60_000 });
    expect(await healthCounts(page)).toEqual(counts);
    // The table stays open across the reload of the data, with the same figure.
    await steps.getByRole('button', { name: DA['health.chart.hideTable'] }).waitFor();
    await expect.poll(() => steps.locator(`tr[data-date="${KNOWN_DAY}"] td`).first().textContent()).toBe(new Intl.NumberFormat('da-DK').format(expected));
  });

  it('cancelling a large import half-way stores nothing', async () => {
    const before = await healthCounts(page);
    const path = join(files, 'export.xml');
    const out = createWriteStream(path);
    for await (const chunk of generateAppleHealthXml(80 * 1024 * 1024, 7, { startDay: '2015-01-01' })) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await fileInput(page).setInputFiles(path);
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    await page.getByRole('button', { name: DA['common.cancel'] }).click();
    await status(page).filter({ hasText: DA['health.import.cancelled'] }).waitFor({ timeout: 30_000 });
    await expect.poll(() => bar.count()).toBe(0);
    expect(await healthCounts(page)).toEqual(before);
  });

  it('lists a FHIR bundle’s observations with their names and units', async () => {
    const before = await healthCounts(page);
    const summary = await importFile(page, { name: 'journal.json', mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify(FHIR_BUNDLE)) });
    await summary.getByText(text(DA, 'health.summary.observations', { count: 2 })).waitFor();
    await summary.getByRole('button', { name: DA['health.summary.save'] }).click();
    await status(page)
      .filter({ hasText: text(DA, 'health.import.saved', { file: 'journal.json' }) })
      .waitFor({ timeout: 30_000 });
    const table = page.getByRole('table', { name: DA['health.observations.caption'] });
    const weight = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Vægt', exact: true }) });
    await expect.poll(async () => (await weight.textContent()) ?? '').toMatch('82,5 kg');
    const bp = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Blodtryk', exact: true }) });
    await expect.poll(async () => (await bp.textContent()) ?? '').toMatch('Blodtryk, det høje tal (systolisk): 128 mmHg');
    await expect.poll(async () => (await bp.textContent()) ?? '').toMatch('Blodtryk, det lave tal (diastolisk): 84 mmHg');
    const after = await healthCounts(page);
    expect(after['health-observation']).toBe(before['health-observation']! + 2);
    expect(after['health-import']).toBe(before['health-import']! + 1);
    await expectAccessible(page, 'health, observations');
  });

  it('names the problem with a bad file and stores nothing', async () => {
    const before = await healthCounts(page);
    const zip = exportZip();
    const cases: { name: string; mimeType: string; buffer: Buffer; problem: RegExp }[] = [
      { name: 'tom.zip', mimeType: 'application/zip', buffer: Buffer.alloc(0), problem: /tom/ },
      { name: 'støj.xml', mimeType: 'text/xml', buffer: Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)), problem: /ikke/ },
      { name: 'halv.zip', mimeType: 'application/zip', buffer: zip.subarray(0, Math.floor(zip.length / 2)), problem: /for tidligt|beskadiget/ },
      {
        name: 'brudt.xml',
        mimeType: 'text/xml',
        buffer: Buffer.from(
          '<?xml version="1.0"?>\n<HealthData locale="da_DK">\n<Record type="HKQuantityTypeIdentifierStepCount" value="12"><Record></HealthData>',
        ),
        problem: /beskadiget|for tidligt/,
      },
    ];
    for (const bad of cases) {
      await fileInput(page).setInputFiles(bad);
      const alert = page.getByRole('alert').filter({ hasText: bad.name });
      await alert.waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(bad.problem);
      await expect.poll(async () => (await alert.textContent()) ?? '').toMatch('Intet er gemt');
      expect(await healthCounts(page), bad.name).toEqual(before);
    }
    await expectAccessible(page, 'health, error');
    await page.screenshot({ path: screenshotPath('health-error-da'), fullPage: true });
  });

  it('refuses a FHIR file with an unknown resource type, naming it, and stores nothing', async () => {
    const before = await healthCounts(page);
    const misspelt = {
      ...FHIR_BUNDLE,
      entry: FHIR_BUNDLE.entry.map((e, i) => (i === 1 ? { ...e, resource: { ...e.resource, resourceType: 'Observaton' } } : e)),
    };
    const cases = [
      { name: 'bundel.json', json: { ...FHIR_BUNDLE, resourceType: 'Bundel' }, problem: /«Bundel».*findes ikke i FHIR/ },
      { name: 'stavefejl.json', json: misspelt, problem: /Post 2 .*«Observaton»/ },
    ];
    for (const bad of cases) {
      await fileInput(page).setInputFiles({ name: bad.name, mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify(bad.json)) });
      const alert = page.getByRole('alert').filter({ hasText: bad.name });
      await alert.waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(bad.problem);
      await expect.poll(async () => (await alert.textContent()) ?? '').toMatch('Intet er gemt');
      expect(await healthCounts(page), bad.name).toEqual(before);
    }
    await page.screenshot({ path: screenshotPath('health-fhir-unknown-type'), fullPage: true });
  });

  it('names what a FHIR file held that is not imported', async () => {
    const withOthers = {
      ...FHIR_BUNDLE,
      entry: [
        ...FHIR_BUNDLE.entry,
        { fullUrl: 'urn:uuid:f1', resource: { resourceType: 'FamilyMemberHistory', id: 'f1', status: 'completed' } },
        { fullUrl: 'urn:uuid:f2', resource: { resourceType: 'FamilyMemberHistory', id: 'f2', status: 'completed' } },
        { fullUrl: 'urn:uuid:d1', resource: { resourceType: 'DocumentReference', id: 'd1', status: 'current' } },
      ],
    };
    const summary = await importFile(page, { name: 'med-andet.json', mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify(withOthers)) });
    await summary.getByText(text(DA, 'health.summary.notImported', { list: '2 familiehistorikker, 1 dokumentreference' })).waitFor();
    await summary.getByRole('button', { name: DA['health.summary.discard'] }).click();
  });

  it('names observations in English, and a bad file’s problem too, when the browser is English', async () => {
    const session = await english.launch();
    const en = await session.openPage('vault.html');
    await createVault(en, { name: 'Aisha', c: EN });
    await en.getByRole('navigation', { name: EN['header.sections'] }).getByRole('button', { name: EN['section.health'] }).click();
    await en
      .getByLabel(EN['health.import.fileLabel'])
      .setInputFiles({ name: 'journal.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(FHIR_BUNDLE)) });
    const summary = en.getByRole('region', { name: text(EN, 'health.summary.title', { file: 'journal.json' }) });
    await summary.getByRole('button', { name: EN['health.summary.save'] }).click();
    const table = en.getByRole('table', { name: EN['health.observations.caption'] });
    const weight = table.getByRole('row').filter({ has: en.getByRole('rowheader', { name: 'Body weight', exact: true }) });
    await expect.poll(async () => (await weight.textContent()) ?? '').toMatch('82.5 kg');
    await en.getByLabel(EN['health.import.fileLabel']).setInputFiles({ name: 'empty.xml', mimeType: 'text/xml', buffer: Buffer.alloc(0) });
    const alert = en.getByRole('alert').filter({ hasText: 'empty.xml' });
    await alert.waitFor();
    await expect.poll(async () => (await alert.textContent()) ?? '').toMatch('The file is empty. Nothing was saved.');
  });
});
