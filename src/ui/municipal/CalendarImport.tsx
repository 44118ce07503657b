/**
 * "Importér kalenderfil": the citizen picks an .ics file; a worker reads it; the page shows what
 * it would add, change and cancel in the calendar (a feed read again also calls off what it no
 * longer holds); only on confirm is it written, in one write, so a file is either all in or not
 * at all.
 */
import { wrap } from 'comlink';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callVault, onVaultEvent } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { planCalendarImport, type CalendarFile, type CalendarPlan } from '../../importers/calendar/index';
import type { ImportedEvent } from '../../overview/calendar';
import { calendarEventKind } from '../../records/own/index';
import { addDays } from '../../shared/danish-time';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { errorMessage } from '../errors';
import { countText, getLanguage, t, tn } from '../i18n/index';
import type { CalendarWorkerApi, CalendarWorkerResult } from './calendar-worker-api';
import { dateTimeText, dayText } from './format';

/** Series are expanded from three months back to two years ahead. */
const WINDOW_BACK_DAYS = 92;
const WINDOW_AHEAD_DAYS = 731;
/** Changes listed in the preview; the counts cover all. */
const PREVIEW_ROWS = 20;

/** The profile's imported appointments, read again when they change; `error` says why they could not be read. */
export function useImportedEvents(profileId: string | undefined): { events: ImportedEvent[]; error: string | null } {
  const [events, setEvents] = useState<ImportedEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!profileId) return;
    let alive = true;
    const load = () =>
      listRecords(profileId, calendarEventKind).then(
        (listed) => {
          if (!alive) return;
          setError(null);
          setEvents(listed.records.map((r) => ({ vaultId: r.id, record: r.data })));
        },
        (caught: unknown) => alive && setError(errorMessage(caught)),
      );
    void load();
    const stop = onVaultEvent((event) => {
      if (event.type === 'changed' && event.changes.some((c) => c.profileId === profileId && c.kind === calendarEventKind.name)) void load();
    });
    return () => {
      alive = false;
      stop();
    };
  }, [profileId]);
  return { events, error };
}

/** Reads the file in a worker, which is ended as soon as it answers. */
async function readInWorker(file: File, today: string): Promise<CalendarWorkerResult> {
  const worker = new Worker(browser.runtime.getURL('/calendar-import-worker.js'));
  try {
    return await new Promise<CalendarWorkerResult>((resolve, reject) => {
      worker.addEventListener('error', () => reject(new Error('the calendar worker stopped')));
      wrap<CalendarWorkerApi>(worker)
        .read(file, { from: addDays(today, -WINDOW_BACK_DAYS), to: addDays(today, WINDOW_AHEAD_DAYS) })
        .then(resolve, reject);
    });
  } finally {
    worker.terminate();
  }
}

interface Preview {
  fileName: string;
  file: CalendarFile;
  plan: CalendarPlan;
}

const whenText = (e: { allDay: boolean; start: string }) => (e.allDay ? dayText(e.start) : dateTimeText(e.start));

export function CalendarImport(props: { profileId: string; stored: readonly ImportedEvent[]; today: string }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const action = useAction();

  const choose = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPreview(null);
    void action.run(t('calendar.importReading', { file: file.name }), async () => {
      const read = await readInWorker(file, props.today);
      if (!read.ok) {
        action.fail(t('calendar.importFailed', { reason: read.citizenMessage?.[getLanguage()] ?? '' }));
        return;
      }
      const source = {
        fileName: file.name.slice(0, 255) || 'kalender.ics',
        ...(read.value.name ? { calendar: read.value.name } : {}),
        importedAt: new Date().toISOString(),
      };
      const stored = props.stored.map((e) => ({ id: e.vaultId, data: e.record }));
      // A feed speaks for its events from today to the end of the window its series were read in.
      const span = { from: props.today, to: addDays(props.today, WINDOW_AHEAD_DAYS) };
      setPreview({ fileName: file.name, file: read.value, plan: planCalendarImport(read.value, stored, source, span) });
    });
  };

  const save = () => {
    if (!preview) return;
    const ops = preview.plan.changes.map((c) => ({
      op: 'put' as const,
      profileId: props.profileId,
      kind: calendarEventKind.name,
      ...(c.id ? { id: c.id } : {}),
      data: c.data,
    }));
    void action
      .run(t('common.working'), () => callVault('writeRecords', { ops }), t('calendar.importDone', { file: preview.fileName }))
      .then((written) => written && setPreview(null));
  };

  const counts = preview && {
    added: preview.plan.changes.filter((c) => c.change === 'added').length,
    updated: preview.plan.changes.filter((c) => c.change === 'updated').length,
    cancelled: preview.plan.changes.filter((c) => c.change === 'cancelled').length,
    vanished: preview.plan.changes.filter((c) => c.change === 'vanished').length,
  };
  return (
    <section class="panel calendar-import" aria-labelledby="cal-import-title">
      <h3 id="cal-import-title">{t('calendar.import')}</h3>
      <div class="field">
        <label for="cal-import-file">{t('calendar.importFile')}</label>
        <input
          autocomplete="off"
          id="cal-import-file"
          type="file"
          accept=".ics,.ical,.ifb,text/calendar"
          aria-describedby="cal-import-hint"
          onChange={choose}
        />
        <p class="hint" id="cal-import-hint">
          {t('calendar.importHint')}
        </p>
      </div>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {preview && counts && (
        <div class="import-preview" role="region" aria-labelledby="cal-preview-title">
          <h4 id="cal-preview-title">{t('calendar.importPreview', { file: preview.fileName })}</h4>
          {preview.plan.changes.length === 0 ? (
            <p>{t('calendar.importNothing')}</p>
          ) : (
            <>
              <p>
                {t('calendar.importCounts', {
                  added: countText(counts.added),
                  updated: countText(counts.updated),
                  cancelled: countText(counts.cancelled),
                  unchanged: countText(preview.plan.unchanged),
                })}
              </p>
              {counts.vanished > 0 && <p>{tn('calendar.importVanished', counts.vanished)}</p>}
              <ul class="import-changes">
                {preview.plan.changes.slice(0, PREVIEW_ROWS).map((c, i) => (
                  <li key={i} data-change={c.change}>
                    <span class="tag">{t(`calendar.importChange.${c.change}`)}</span> <strong>{c.data.title}</strong> – {whenText(c.data)}
                  </li>
                ))}
              </ul>
              {preview.plan.changes.length > PREVIEW_ROWS && <p>{tn('calendar.importMore', preview.plan.changes.length - PREVIEW_ROWS)}</p>}
            </>
          )}
          {preview.plan.unknownCancellations > 0 && <p class="hint">{tn('calendar.importUnknownCancel', preview.plan.unknownCancellations)}</p>}
          {preview.file.issues.length > 0 && (
            <ul class="hint">
              {preview.file.issues.slice(0, 5).map((issue, i) => (
                <li key={i}>{issue.message[getLanguage()]}</li>
              ))}
            </ul>
          )}
          <div class="actions">
            {preview.plan.changes.length > 0 && (
              <button type="button" class="primary" onClick={save} disabled={action.busy !== null}>
                {t('calendar.importConfirm')}
              </button>
            )}
            <button type="button" onClick={() => setPreview(null)}>
              {t('calendar.importCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
