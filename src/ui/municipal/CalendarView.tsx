/**
 * One calendar across the municipality's systems: a list (coming up, earlier; a page at a time)
 * and a month grid moved through with the arrow keys; each entry shows its system, place, time
 * and change link. Export as .ics, and the reminder lead times. The background holds the entries
 * (src/background/views/calendar-view.ts): the page asks for a page of the list or one month.
 */
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { Settings } from '../../messaging/settings';
import type { CalendarCounts, CalendarListAnswer, CalendarMonthAnswer, CaseRef } from '../../messaging/view-api';
import type { CalendarEntry } from '../../overview/calendar';
import { refKey } from '../../overview/model';
import { AheadCache } from '../../shared/ahead-cache';
import { prefetching, type RowRequest, type RowSource } from '../../shared/row-source';
import { addDays, danishDay, isoWeek, nextMonth, previousMonth } from '../../shared/danish-time';
import { toICalendar } from '../../overview/ical';
import { saveFile } from '../blob-url';
import { errorMessage } from '../errors';
import { ActionFeedback, AlertLine, Busy } from '../components/Messages';
import { WindowedList } from '../components/WindowedList';
import { useWhose } from '../words/whose';
import { CorrectAction } from '../own/CorrectAction';
import { entryTarget } from '../own/corrections';
import { useAction } from '../components/use-action';
import { t, tn } from '../i18n/index';
import { dateTimeText, dayText, monthText, timeText, weekdayNames, weekdayText } from './format';
import { CaseLookup, RouteLink, type OverviewRoute } from './Links';
import { CalendarImport, useImportedEvents } from './CalendarImport';
import { OverviewDamage } from './OverviewDamage';
import { plainTopicTitle } from './plain';
import { CALENDAR_KIND_NAMES, useKindsVersion } from './use-kinds-version';

const KIND_LABEL = (kind: CalendarEntry['kind']) => t(`calendar.kind.${kind}`);

/** Entries per page of the list: an entry is some twenty elements, two lists stay near 1,000. */
export const CALENDAR_PAGE = 25;
const entryKey = (e: CalendarEntry) => e.id;

/**
 * One appointment or deadline: what, when, from which system, where, the link to change it, and
 * (given the profile) "this is wrong or incomplete" for the record behind it.
 */
export function EntryLine(props: { entry: CalendarEntry; go: (to: OverviewRoute) => void; showDay?: boolean; profileId?: string | undefined }) {
  const { entry: e } = props;
  const when = e.allDay ? `${dayText(e.day)}, ${t('calendar.allDay')}` : props.showDay === false ? timeText(e.start) : dateTimeText(e.start);
  const place = e.location
    ? [e.location.name, e.location.room, e.location.address, e.location.online ? t('calendar.online') : null].filter(Boolean).join(', ')
    : null;
  const status = e.status === 'planned' || e.status === 'open' ? null : t(`calendar.status.${e.status}`);
  return (
    <div class={`entry entry-${e.kind}`} data-entry-id={e.id}>
      <p class="entry-head">
        <span class="tag">{KIND_LABEL(e.kind)}</span> <strong>{e.title}</strong>
        {status && <span class="tag tag-status"> {status}</span>}
      </p>
      <p class="entry-when">
        <time dateTime={e.allDay ? e.day : e.start}>{when}</time>
        {e.end && !e.allDay && <span> – {timeText(e.end)}</span>}
      </p>
      {e.detail && (e.kind !== 'appeal' || e.recordKind === 'letter-event') && <p>{e.detail}</p>}
      <p class="meta">
        {e.source ? t('calendar.from', { system: e.source.name }) : e.recordKind === 'letter-event' ? t('calendar.fromLetter') : t('calendar.fromCase')}
      </p>
      {e.importedFrom && <p class="meta">{t('calendar.fromFile', { file: e.importedFrom })}</p>}
      {place && <p>{t('calendar.where', { place })}</p>}
      <div class="actions">
        {e.changeUrl && (
          <a class="button" href={e.changeUrl} target="_blank" rel="noopener noreferrer">
            {e.kind === 'appointment' ? t('calendar.change') : e.kind === 'appeal' ? t('case.appealLink') : t('calendar.changeDeadline')}
          </a>
        )}
        {e.caseId && props.go && <CaseLinkFor entry={e} go={props.go} />}
        {/* What the citizen read from a letter or a calendar file is theirs to change, not the municipality's to correct. */}
        {props.profileId && e.recordKind !== 'letter-event' && e.recordKind !== 'calendar-event' && (
          <CorrectAction profileId={props.profileId} target={entryTarget(e, correctionTitle(e))} />
        )}
      </div>
    </div>
  );
}

/** How the citizen recognises the entry in the correction form: what and when (an appeal: the decision). */
const correctionTitle = (e: CalendarEntry): string => (e.kind === 'appeal' ? e.title : `${e.title}, ${e.allDay ? dayText(e.day) : dateTimeText(e.start)}`);

/** A calendar list (ahead or past), a page of entries at a time, labelled by the heading `id`. */
function EntryList(props: {
  id: string;
  source: RowSource<CalendarEntry>;
  initial?: CalendarListAnswer | undefined;
  version: number;
  go: (to: OverviewRoute) => void;
  profileId: string;
}) {
  return (
    <WindowedList
      id={`${props.id}-list`}
      class="entries"
      labelledBy={props.id}
      size={CALENDAR_PAGE}
      source={props.source}
      initial={props.initial}
      version={props.version}
      keyOf={entryKey}
      rowDeps={[props.go, props.profileId]}
      renderItem={(e) => <EntryLine entry={e} go={props.go} profileId={props.profileId} />}
    />
  );
}

function CaseLinkFor(props: { entry: CalendarEntry; go: (to: OverviewRoute) => void }) {
  const found = useContext(CaseLookup)(props.entry.origin, props.entry.caseId!);
  if (!found) return null;
  return (
    <RouteLink to={{ view: 'case', id: found.vaultId }} go={props.go}>
      {t('doc.case', { title: found.title })}
    </RouteLink>
  );
}

const LEAD_CHOICES = [15, 60, 120, 1440, 2880, 10080] as const;
const isLeadChoice = (minutes: number): minutes is (typeof LEAD_CHOICES)[number] => (LEAD_CHOICES as readonly number[]).includes(minutes);

function ReminderSettings() {
  const [lead, setLead] = useState<number[] | null>(null);
  const action = useAction();
  useEffect(() => {
    void callVault('getSettings', {}).then(
      (s: Settings) => setLead(s.reminderLeadMinutes),
      (e: unknown) => action.fail(String(e)),
    );
  }, []);
  if (!lead) return null;
  const toggle = (minutes: number) => setLead(lead.includes(minutes) ? lead.filter((m) => m !== minutes) : [...lead, minutes].sort((a, b) => b - a));
  const save = (event: Event) => {
    event.preventDefault();
    void action.run(
      t('common.working'),
      () => callVault('setSettings', { reminderLeadMinutes: lead.slice(0, 5) }),
      (s) => (s.reminderLeadMinutes.length === 0 ? t('calendar.remindersOff') : t('calendar.remindersSaved')),
    );
  };
  const choices = [...new Set([...LEAD_CHOICES, ...lead])].sort((a, b) => a - b);
  return (
    <section class="panel" aria-labelledby="reminders-title">
      <h3 id="reminders-title">{t('calendar.remindersTitle')}</h3>
      <form autocomplete="off" onSubmit={save}>
        <fieldset>
          <legend>{t('calendar.remindersIntro')}</legend>
          {choices.map((m) => (
            <label class="choice" key={m}>
              <input
                autocomplete="off"
                type="checkbox"
                checked={lead.includes(m)}
                disabled={!lead.includes(m) && lead.length >= 5}
                onChange={() => toggle(m)}
              />
              {isLeadChoice(m) ? t(`lead.${m}`) : `${m} min.`}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('calendar.remindersSave')}</button>
        <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      </form>
    </section>
  );
}

function MonthView(props: { profileId: string; version: number; today: string; go: (to: OverviewRoute) => void; onCases: (cases: CaseRef[]) => void }) {
  const [month, setMonth] = useState(props.today.slice(0, 7));
  const [selected, setSelected] = useState(props.today);
  const [answer, setAnswer] = useState<CalendarMonthAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const grid = useRef<HTMLTableElement>(null);
  const focusNext = useRef(false);
  const [shortDays, longDays] = [weekdayNames('short'), weekdayNames('long')];

  // The months around the one drawn are fetched ahead (their first days, where a month step lands).
  const moved = useRef(month);
  const months = useMemo(
    () =>
      new AheadCache(
        (at: { month: string; day: string }) => callVault('viewCalendarMonth', { profileId: props.profileId, ...at }),
        (at) => `${at.month} ${at.day}`,
        12,
      ),
    [props.profileId, props.version],
  );
  useEffect(() => {
    let alive = true;
    months.get({ month, day: selected }).then(
      (got) => {
        // Three months on in the way the citizen moves (a quick walk does not catch up), one back.
        const back = month < moved.current;
        moved.current = month;
        const ahead = (from: string, n: number): string[] => (n === 0 ? [] : [from, ...ahead(back ? previousMonth(from) : nextMonth(from), n - 1)]);
        const first = back ? previousMonth(month) : nextMonth(month);
        for (const m of [...ahead(first, 3), back ? nextMonth(month) : previousMonth(month)]) months.ahead({ month: m, day: `${m}-01` });
        if (!alive) return;
        props.onCases(got.cases);
        setError(null);
        setAnswer(got);
      },
      (caught: unknown) => alive && setError(errorMessage(caught)),
    );
    return () => {
      alive = false;
    };
  }, [months, month, selected]);

  // A month fetched ahead is drawn in the render the click or key causes; the effect above only notes it.
  const shown = months.ready({ month, day: selected }) ?? answer;

  // The day selected by a key takes the focus once it is drawn: at once within the month shown,
  // or when the month asked for arrives.
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    const cell = grid.current?.querySelector<HTMLElement>(`[data-day="${selected}"]`);
    if (!cell) return;
    focusNext.current = false;
    cell.focus();
  }, [shown, selected]);

  const select = (day: string, focus: boolean) => {
    focusNext.current = focus;
    setSelected(day);
    setMonth(day.slice(0, 7));
  };
  const onKey = (event: KeyboardEvent) => {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (event.key in step) select(addDays(selected, step[event.key]!), true);
    else if (event.key === 'Home') select(addDays(selected, -((new Date(`${selected}T00:00:00Z`).getUTCDay() + 6) % 7)), true);
    else if (event.key === 'End') select(addDays(selected, 6 - ((new Date(`${selected}T00:00:00Z`).getUTCDay() + 6) % 7)), true);
    else if (event.key === 'PageUp') select(`${previousMonth(selected.slice(0, 7))}-01`, true);
    else if (event.key === 'PageDown') select(`${nextMonth(selected.slice(0, 7))}-01`, true);
    else return;
    event.preventDefault();
  };
  const weeks = shown?.weeks ?? [];
  const dayEntries = shown?.entries ?? [];

  return (
    <div class="month-view">
      <div class="month-nav">
        <button type="button" onClick={() => select(`${previousMonth(month)}-01`, false)}>
          <span aria-hidden="true">‹ </span>
          {t('calendar.prevMonth')}
        </button>
        <h3 id="month-title" aria-live="polite">
          {monthText(month)}
        </h3>
        <button type="button" onClick={() => select(`${nextMonth(month)}-01`, false)}>
          {t('calendar.nextMonth')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <p class="hint" id="grid-hint">
        {t('calendar.gridHint')}
      </p>
      {error && <AlertLine>{error}</AlertLine>}
      <table ref={grid} role="grid" class="month-grid" aria-labelledby="month-title" aria-describedby="grid-hint" aria-busy={shown === null} onKeyDown={onKey}>
        <thead>
          <tr>
            <th scope="col" class="week-no">
              {t('calendar.week')}
            </th>
            {shortDays.map((d, i) => (
              <th scope="col" key={d}>
                <abbr title={longDays[i]}>{d}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.day}>
              <th scope="row" class="week-no">
                {isoWeek(week[0]!.day)}
              </th>
              {week.map((d) => {
                const label = `${weekdayText(d.day)}${d.count ? `, ${tn('calendar.dayCount', d.count)}` : ''}`;
                return (
                  <td
                    key={d.day}
                    role="gridcell"
                    data-day={d.day}
                    tabIndex={d.day === selected ? 0 : -1}
                    aria-selected={d.day === selected}
                    aria-label={label}
                    class={[d.inMonth ? '' : 'other-month', d.day === props.today ? 'today' : '', d.count ? 'has-entries' : ''].join(' ')}
                    onClick={() => select(d.day, true)}
                  >
                    <span class="day-number" aria-hidden="true">
                      {Number(d.day.slice(8))}
                    </span>
                    {d.dots.map((e) => (
                      <span key={e.id} class={`dot dot-${e.kind}`} aria-hidden="true" title={e.title} />
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="day-title" class="day-detail">
        <h4 id="day-title">{weekdayText(selected)}</h4>
        {dayEntries.length === 0 ? (
          <p class="empty-list">{t('calendar.nothingThatDay')}</p>
        ) : (
          <ul class="entries">
            {dayEntries.map((e) => (
              <li key={e.id}>
                <EntryLine entry={e} go={props.go} showDay={false} profileId={props.profileId} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The cases the entries shown belong to, gathered from the answers, as the entries' case links read them. */
function useCaseRefs(): [(origin: string, caseId: string) => { vaultId: string; title: string } | undefined, (cases: CaseRef[]) => void] {
  const held = useRef(new Map<string, CaseRef>());
  const [count, setCount] = useState(0);
  const note = useRef((cases: CaseRef[]) => {
    const before = held.current.size;
    for (const c of cases) held.current.set(refKey(c.origin, c.id), c);
    if (held.current.size !== before) setCount(held.current.size);
  }).current;
  const lookup = useMemo(
    () => (origin: string, caseId: string) => {
      const found = held.current.get(refKey(origin, caseId));
      return found ? { vaultId: found.vaultId, title: plainTopicTitle(found.kle) } : undefined;
    },
    [count],
  );
  return [lookup, note];
}

export function CalendarView(props: { now: number; ownerName: string; go: (to: OverviewRoute) => void; profileId: string }) {
  const { profileId } = props;
  const whose = useWhose();
  const [mode, setMode] = useState<'list' | 'month'>('list');
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const imported = useImportedEvents(profileId);
  const version = useKindsVersion(profileId, CALENDAR_KIND_NAMES);
  const [caseLookup, noteCases] = useCaseRefs();
  // The list splits at the minute the view opened (or the data last changed), as every page of it must.
  const minute = useMemo(() => Math.floor(props.now / 60_000) * 60_000, [profileId, version]);
  const [first, setFirst] = useState<CalendarListAnswer | null>(null);
  const [counts, setCounts] = useState<CalendarCounts | null>(null);
  const [reloads, setReloads] = useState(0);
  const sources = useMemo(() => {
    const part =
      (which: 'upcoming' | 'past') =>
      async (request: RowRequest): Promise<CalendarListAnswer> => {
        const answer = await callVault('viewCalendarList', { profileId, now: minute, part: which, ...request });
        noteCases(answer.cases);
        // Pages fetched ahead bring the same counts: the view is not drawn again for them.
        const { upcoming, past } = answer.counts;
        setCounts((held) => (held?.upcoming === upcoming && held.past === past ? held : answer.counts));
        return answer;
      };
    // The pages next to the one drawn are fetched ahead: a page step is drawn from memory.
    return { upcoming: prefetching(part('upcoming')), past: prefetching(part('past')) };
  }, [profileId, minute, reloads]);

  // The first page of what is coming up, with both counts: the lists are drawn from it at once.
  useEffect(() => {
    let alive = true;
    sources.upcoming({ start: 0, count: CALENDAR_PAGE }).then(
      (answer) => {
        if (!alive) return;
        setError(null);
        setFirst(answer);
      },
      (caught: unknown) => alive && setError(errorMessage(caught)),
    );
    return () => {
      alive = false;
    };
  }, [sources]);
  const today = danishDay(props.now);
  const total = counts ? counts.upcoming + counts.past : 0;

  const exportIcs = async () => {
    const { entries } = await callVault('viewCalendarAll', { profileId });
    const text = toICalendar(entries, {
      now: new Date(),
      name: t('calendar.calName', { name: props.ownerName }),
      labels: { appointment: t('calendar.kind.appointment'), deadline: t('calendar.kind.deadline'), appeal: t('calendar.kind.appeal') },
    });
    const file = t('calendar.fileName');
    saveFile(text, file, 'text/calendar;charset=utf-8');
    setExported(t('calendar.exported', { file }));
  };

  return (
    <CaseLookup.Provider value={caseLookup}>
      <p>{whose('calendar.intro', 'calendar.introOf')}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => void exportIcs().catch((caught: unknown) => setError(errorMessage(caught)))}
          aria-describedby="export-hint"
        >
          {t('calendar.export')}
        </button>
      </div>
      <p class="hint" id="export-hint">
        {t('calendar.exportHint')}
      </p>
      <div role="status" class={exported ? 'status' : 'status empty'}>
        {exported}
      </div>
      <CalendarImport profileId={profileId} stored={imported.events} today={today} />
      {imported.error && <p role="alert">{imported.error}</p>}
      {error && <AlertLine>{error}</AlertLine>}
      <OverviewDamage profileId={profileId} profileName={props.ownerName} damaged={first?.damaged ?? []} onRemoved={() => setReloads((n) => n + 1)} />
      <div class="toggle" role="group" aria-label={t('calendar.showAs')}>
        <button type="button" aria-pressed={mode === 'list'} onClick={() => setMode('list')}>
          {t('calendar.list')}
        </button>
        <button type="button" aria-pressed={mode === 'month'} onClick={() => setMode('month')}>
          {t('calendar.month')}
        </button>
      </div>
      {mode === 'list' && !first && !error && <Busy label={t('overview.loading')} />}
      {first && total === 0 && <p class="empty-list">{t('calendar.none')}</p>}
      {mode === 'list' && first && counts && total > 0 && (
        <>
          <section aria-labelledby="cal-upcoming">
            <h3 id="cal-upcoming">{t('calendar.upcoming')}</h3>
            {counts.upcoming === 0 ? (
              <p class="empty-list">{t('calendar.none')}</p>
            ) : (
              <EntryList id="cal-upcoming" source={sources.upcoming} initial={first} version={version} go={props.go} profileId={profileId} />
            )}
          </section>
          {counts.past > 0 && (
            <section aria-labelledby="cal-past">
              <h3 id="cal-past">{t('calendar.past')}</h3>
              <EntryList id="cal-past" source={sources.past} version={version} go={props.go} profileId={profileId} />
            </section>
          )}
        </>
      )}
      {mode === 'month' && <MonthView profileId={profileId} version={version} today={today} go={props.go} onCases={noteCases} />}
      <ReminderSettings />
    </CaseLookup.Provider>
  );
}
