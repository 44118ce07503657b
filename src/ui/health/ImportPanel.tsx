/**
 * Importing a health file: pick it (a real, labelled file input), watch it being read (progress
 * bar with MB/s and rows/s, and Cancel), see what was found and choose which raw samples to keep,
 * then save — in one write, so a cancelled or failed import stores nothing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { writeLarge } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { healthDailyKind } from '../../records/health/index';
import type { HealthMetric } from '../../records/health/types';
import type { ImportErrorCode } from '../../importers/types';
import { AlertLine, Busy, StatusLine } from '../components/Messages';
import { errorMessage } from '../errors';
import { getLanguage, t, tn, type MessageKey } from '../i18n/index';
import type { Profile } from '../profiles';
import { mbText, metricName, notKeptText, numberText } from './format';
import type { HealthParseOutcome, HealthProgress } from './health-worker-api';
import { healthWriteOps } from './records';
import { parseHealthFile, type RunningParse } from './worker-client';

type Parsed = Extract<HealthParseOutcome, { ok: true }>;

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; file: File; progress: HealthProgress | null; pass: 'first' | 'samples' }
  | { step: 'summary'; file: File; parsed: Parsed }
  | { step: 'saving'; file: File };

/** Every error code has words, for errors the importer had none for (a worker that died, a file we did not recognise). */
const ERROR_KEY = {
  'empty-file': 'health.error.empty-file',
  'not-text': 'health.error.not-text',
  'unknown-format': 'health.error.unknown-format',
  'damaged-encoding': 'health.error.damaged-encoding',
  malformed: 'health.error.malformed',
  truncated: 'health.error.truncated',
  'too-large': 'health.error.too-large',
  'line-too-long': 'health.error.line-too-long',
  cancelled: 'health.error.cancelled',
} satisfies Record<ImportErrorCode, MessageKey>;

export function importErrorText(fileName: string, outcome: Extract<HealthParseOutcome, { ok: false }>): string {
  const problem = outcome.message?.[getLanguage()] ?? t(ERROR_KEY[outcome.code]);
  return t('health.error.file', { file: fileName, problem });
}

/** Metrics whose raw samples the citizen may keep: the named ones found in the export. */
function sampleChoices(parsed: Parsed): HealthMetric[] {
  if (parsed.format === 'fhir-json') return [];
  const found = new Set(parsed.apple.daily.map((d) => d.metric));
  found.delete('other');
  return [...found].sort((a, b) => metricName(a).localeCompare(metricName(b)));
}

function ProgressView(props: { file: File; progress: HealthProgress | null; onCancel: () => void }) {
  const { file, progress } = props;
  const total = progress?.totalBytes || file.size || 1;
  const read = progress?.bytesRead ?? 0;
  const percent = Math.min(100, Math.round((100 * read) / total));
  const seconds = Math.max(0.001, (progress?.elapsedMs ?? 0) / 1000);
  const speed = t('health.progress.speed', {
    read: mbText(read),
    total: mbText(total),
    mbps: numberText(read / 1_000_000 / seconds, 1),
    rows: numberText(Math.round((progress?.records ?? 0) / seconds)),
  });
  return (
    <div class="health-progress">
      <p id="health-progress-label">{t('health.progress.label', { file: file.name })}</p>
      <div
        role="progressbar"
        aria-labelledby="health-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} % · ${speed}`}
        class="bar-track"
      >
        <div class="bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="meta" aria-hidden="true">
        {percent} % · {speed}
      </p>
      <button type="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

function Summary(props: { file: File; parsed: Parsed; onSave: (keep: HealthMetric[]) => void; onDiscard: () => void }) {
  const { parsed } = props;
  const choices = sampleChoices(parsed);
  const [keep, setKeep] = useState<HealthMetric[]>([]);
  // The summary replaces the progress bar: move focus to it so a screen reader reads what was found.
  useEffect(() => document.getElementById('health-summary-h')?.focus(), []);
  const apple = parsed.format === 'fhir-json' ? null : parsed.apple;
  const fhir = parsed.format === 'fhir-json' ? parsed.fhir : parsed.apple.fhir;
  const types = apple ? [...new Set(apple.daily.map((d) => `${d.metric}\u0000${d.type}`))].map((k) => k.split('\u0000') as [HealthMetric, string]) : [];
  const issues = [...(apple?.issues ?? []), ...fhir.issues];
  const lines: string[] = [];
  if (apple) {
    lines.push(t('health.summary.days', { count: numberText(new Set(apple.daily.map((d) => d.date)).size) }));
    lines.push(
      t('health.summary.types', { count: numberText(types.length), names: [...new Set(types.map(([m, ty]) => metricName(m, ty)))].join(', ') || '–' }),
    );
    lines.push(t('health.summary.workouts', { count: numberText(apple.workouts.length) }));
  }
  lines.push(t('health.summary.observations', { count: numberText(fhir.observations.length) }));
  lines.push(t('health.summary.clinical', { count: numberText(fhir.clinical.length) }));
  const notKept = notKeptText(fhir.skipped);
  if (notKept !== '') lines.push(t('health.summary.notImported', { list: notKept }));
  const toggle = (metric: HealthMetric, on: boolean) => setKeep((k) => (on ? [...k, metric] : k.filter((m) => m !== metric)));
  return (
    <section class="panel health-summary" aria-labelledby="health-summary-h">
      <h3 id="health-summary-h" tabIndex={-1}>
        {t('health.summary.title', { file: props.file.name })}
      </h3>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {issues.length > 0 && (
        <div class="warning">
          <p>{tn('health.summary.issues', issues.length)}</p>
          <ul>
            {issues.slice(0, 5).map((issue, i) => (
              <li key={i}>{issue.message[getLanguage()]}</li>
            ))}
          </ul>
        </div>
      )}
      {choices.length > 0 && (
        <fieldset>
          <legend>{t('health.summary.keepLegend')}</legend>
          <p class="hint">{t('health.summary.keepHint')}</p>
          {choices.map((metric) => (
            <label class="choice" key={metric}>
              <input autocomplete="off" type="checkbox" checked={keep.includes(metric)} onChange={(e) => toggle(metric, e.currentTarget.checked)} />
              {metricName(metric)}
            </label>
          ))}
        </fieldset>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={() => props.onSave(keep)}>
          {t('health.summary.save')}
        </button>
        <button type="button" onClick={props.onDiscard}>
          {t('health.summary.discard')}
        </button>
      </div>
    </section>
  );
}

export function ImportPanel(props: { profile: Profile; onSaved: () => void }) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<RunningParse | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const read = async (file: File, keepSamples: HealthMetric[], pass: 'first' | 'samples'): Promise<Parsed | null> => {
    setPhase({ step: 'reading', file, progress: null, pass });
    const run = parseHealthFile(file, { keepSamples }, (progress) => setPhase((p) => (p.step === 'reading' && p.file === file ? { ...p, progress } : p)));
    running.current = run;
    const outcome = await run.result;
    running.current = null;
    if (outcome.ok) return outcome;
    setPhase({ step: 'idle' });
    if (outcome.code === 'cancelled') setStatus(t('health.import.cancelled'));
    else setError(importErrorText(file.name, outcome));
    return null;
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setStatus(null);
    setError(null);
    const parsed = await read(file, [], 'first');
    if (parsed) setPhase({ step: 'summary', file, parsed });
    if (input.current) input.current.value = '';
  };

  const save = async (file: File, first: Parsed, keep: HealthMetric[]) => {
    // Raw samples are read in a second pass, only of what the citizen chose: the first pass keeps memory bounded.
    const parsed = keep.length > 0 ? await read(file, keep, 'samples') : first;
    if (!parsed) return;
    setPhase({ step: 'saving', file });
    try {
      const profileId = props.profile.id;
      const stored = parsed.format === 'fhir-json' ? [] : (await listRecords(profileId, healthDailyKind)).records;
      const ops = healthWriteOps({
        profileId,
        file: { name: file.name, size: file.size },
        format: parsed.format,
        ...(parsed.format === 'fhir-json' ? { fhir: parsed.fhir } : { apple: parsed.apple, sampleGroups: parsed.sampleGroups }),
        keptSamples: keep,
        storedDaily: stored.map((r) => ({ id: r.id, data: r.data })),
        now: new Date(),
      });
      // One transaction however many parts it takes: a failure leaves nothing of this import behind.
      await writeLarge(ops);
      setStatus(t('health.import.saved', { file: file.name }));
      props.onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  return (
    <section class="panel health-import" aria-labelledby="health-import-h">
      <h3 id="health-import-h">{t('health.import.title')}</h3>
      <p class="hint" id="health-file-hint">
        {t('health.import.hint')}
      </p>
      <div class="field">
        <label for="health-file">{t('health.import.fileLabel')}</label>
        <input
          autocomplete="off"
          ref={input}
          id="health-file"
          type="file"
          accept=".zip,.xml,.json,application/zip,text/xml,application/xml,application/json,application/fhir+json"
          aria-describedby="health-file-hint"
          disabled={phase.step !== 'idle'}
          onChange={(e) => void pick(e.currentTarget.files?.[0])}
        />
      </div>
      {phase.step === 'reading' && <ProgressView file={phase.file} progress={phase.progress} onCancel={() => running.current?.cancel()} />}
      {phase.step === 'summary' && (
        <Summary
          file={phase.file}
          parsed={phase.parsed}
          onSave={(keep) => void save(phase.file, phase.parsed, keep)}
          onDiscard={() => {
            setPhase({ step: 'idle' });
            setStatus(t('health.import.discarded'));
          }}
        />
      )}
      <StatusLine>{phase.step === 'saving' ? <Busy label={t('health.import.saving')} /> : status}</StatusLine>
      <AlertLine>{error}</AlertLine>
    </section>
  );
}
