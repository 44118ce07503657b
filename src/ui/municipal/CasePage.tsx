/**
 * One case in plain words: what it is about and where it stands, the decisions and what each
 * rests on (linked), the appeal deadline, whom to contact, documents, payments, appointments,
 * the citizen's own notes, and the whole story as a timeline.
 */
import { useMemo } from 'preact/hooks';
import type { Case, Decision } from '../../municipal/api/schemas';
import { danishDay } from '../../shared/danish-time';
import { EMPTY_OVERVIEW, indexOverview, type CaseBundle, type Item, type OverviewData, type OverviewIndex } from '../../overview/model';
import type { CaseView } from '../../messaging/view-api';
import { calendarEntries } from '../../overview/calendar';
import { caseTimeline, type TimelineEvent } from '../../overview/timeline';
import { t } from '../i18n/index';
import { ShortTitle } from '../components/ShortTitle';
import { WindowedList } from '../components/WindowedList';
import { useWhose } from '../words/whose';
import { CALENDAR_PAGE, EntryLine } from './CalendarView';
import { dayText, dateTimeText, kroner } from './format';
import { CaseLookup, ContactCard, Channels, RouteLink, type OverviewRoute } from './Links';
import { plainCaseTitle, statusOf, topicOf } from './plain';
import { AttachPanel } from '../own/AttachPanel';
import { CaseLetters } from '../letters/CaseLetters';
import { CASE_NOTE_TEXTS, OwnNotes } from '../own/OwnNotes';
import { CorrectAction } from '../own/CorrectAction';
import { CorrectionList } from '../own/CorrectionList';
import { targetOf } from '../own/corrections';
import { readLetter } from '../../letters/reading/read';
import { summariseCase } from '../../summaries/index';
import { SummaryPanel } from './SummaryPanel';

function BasisList(props: { decision: Item<Decision>; index: OverviewIndex; go: (to: OverviewRoute) => void }) {
  const { decision, index, go } = props;
  return (
    <ul class="basis">
      {decision.record.basis.map((b, i) => {
        let link = null;
        if (b.kind === 'document') {
          const doc = index.document(decision.origin, b.documentId);
          link = doc ? (
            <RouteLink to={{ view: 'document', id: doc.vaultId }} go={go}>
              {b.description}
            </RouteLink>
          ) : null;
        } else if (b.kind === 'payment') {
          const payment = index.payment(decision.origin, b.paymentId);
          link = payment ? (
            <RouteLink to={{ view: 'payments', focus: payment.vaultId }} go={go}>
              {b.description}
            </RouteLink>
          ) : null;
        } else if (b.kind === 'case') {
          const other = index.case(decision.origin, b.caseId);
          link = other ? (
            <RouteLink to={{ view: 'case', id: other.vaultId }} go={go}>
              {b.description}
            </RouteLink>
          ) : null;
        }
        return (
          <li key={i}>
            {link ?? <span>{b.description}</span>}
            {b.kind === 'register' && <span class="meta"> – {t('case.basisRegister', { register: b.register })}</span>}
            {!link && b.kind !== 'register' && <span class="meta"> ({t('overview.notFetched')})</span>}
          </li>
        );
      })}
    </ul>
  );
}

function DecisionCard(props: { decision: Item<Decision>; index: OverviewIndex; now: number; go: (to: OverviewRoute) => void; profileId: string }) {
  const d = props.decision.record;
  const appealOpen = d.appeal && d.appeal.deadline >= danishDay(props.now);
  const id = `decision-${props.decision.vaultId}`;
  return (
    <article class="decision" aria-labelledby={id}>
      <h4 id={id}>{d.title}</h4>
      <p>
        <span class={`tag outcome-${d.outcome}`}>{t(`case.outcome.${d.outcome}`)}</span> {t('case.decided', { date: dayText(d.decidedAt) })}
        {d.effectiveFrom && <span>. {t('case.effective', { from: dayText(d.effectiveFrom) })}</span>}
      </p>
      <p>{d.outcomeText}</p>
      <CorrectAction profileId={props.profileId} target={targetOf('decisions', props.decision, d.title)} />
      <h5>{t('case.basis')}</h5>
      {d.basis.length === 0 ? <p class="empty-list">{t('case.none')}</p> : <BasisList decision={props.decision} index={props.index} go={props.go} />}
      {d.legalBasis.length > 0 && (
        <>
          <h5>{t('case.legalBasis')}</h5>
          <ul class="plain-list">
            {d.legalBasis.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      )}
      <h5>{t('case.appealTitle')}</h5>
      {d.appeal ? (
        <div class={appealOpen ? 'appeal open' : 'appeal'}>
          <p>
            <strong>
              {appealOpen ? t('case.appealBy', { date: dayText(d.appeal.deadline) }) : t('case.appealPassed', { date: dayText(d.appeal.deadline) })}
            </strong>
          </p>
          <p>{t('case.appealBody', { body: d.appeal.body, submitTo: d.appeal.submitTo })}</p>
          <p>{d.appeal.howTo}</p>
          {d.appeal.url && (
            <a href={d.appeal.url} target="_blank" rel="noopener noreferrer">
              {t('case.appealLink')}
            </a>
          )}
        </div>
      ) : (
        <p>{t('case.noAppeal')}</p>
      )}
    </article>
  );
}

function timelineText(e: TimelineEvent): string {
  switch (e.kind) {
    case 'status':
      return e.note ? `${statusTitle(e.status)}: ${e.note}` : statusTitle(e.status);
    case 'decision':
      return t('timeline.decision', { title: e.title });
    case 'document':
      return t(`timeline.document.${e.direction}`, { title: e.title });
    case 'payment':
      return t('timeline.payment', { amount: kroner(e.ore) });
    case 'activity':
      return t(e.activityKind === 'appointment' ? 'timeline.appointment' : 'timeline.deadline', { title: e.title });
  }
}
const statusTitle = (status: Case['status']) => statusOf({ status } as Case).title;

/** What the page links to by the municipality's ids: the case, its records, and what its decisions rest on. */
function caseIndex(
  view: CaseView,
  theCase: Item<Case>,
): { index: OverviewIndex; lookup: (origin: string, caseId: string) => { vaultId: string; title: string } | undefined } {
  const index = indexOverview({
    ...EMPTY_OVERVIEW,
    cases: [theCase, ...view.linked.cases],
    documents: [...view.documents, ...view.linked.documents],
    payments: [...view.payments, ...view.linked.payments],
  });
  const lookup = (origin: string, caseId: string) => {
    const found = index.case(origin, caseId);
    return found ? { vaultId: found.vaultId, title: plainCaseTitle(found.record) } : undefined;
  };
  return { index, lookup };
}

interface CasePageProps {
  view: CaseView;
  theCase: Item<Case>;
  profileId: string;
  now: number;
  go: (to: OverviewRoute) => void;
}

export function CasePage(props: CasePageProps) {
  const { index, lookup } = useMemo(() => caseIndex(props.view, props.theCase), [props.view, props.theCase]);
  return (
    <CaseLookup.Provider value={lookup}>
      <CaseContent {...props} index={index} />
    </CaseLookup.Provider>
  );
}

function CaseContent(props: CasePageProps & { index: OverviewIndex }) {
  const whose = useWhose();
  const { theCase, view, go, index } = props;
  const c = theCase.record;
  const topic = topicOf(c.kle);
  const status = statusOf(c);
  const bundle: CaseBundle = { ...view, accessLog: [] };
  const entries = useMemo(() => calendarEntries({ ...EMPTY_OVERVIEW, activities: view.activities }), [view]);
  // Events have no id of their own; their place in the (fixed) story is their key.
  const timelineRows = useMemo(() => caseTimeline(theCase, bundle).map((event, i) => ({ event, key: String(i) })), [view, theCase]);

  return (
    <div class="case-page">
      <p class="meta">
        {t('case.number', { number: c.caseNumber })} · {t('case.opened', { date: dayText(c.openedAt) })}
        {c.closedAt && <> · {t('case.closedOn', { date: dayText(c.closedAt) })}</>} · {c.unit.name}, {c.authority.name}
      </p>
      <div class="actions">
        <CorrectAction profileId={props.profileId} target={targetOf('cases', theCase, plainCaseTitle(c))} class="" />
      </div>
      <SummaryPanel
        make={(language) =>
          summariseCase(
            {
              case: c,
              decisions: bundle.decisions.map((d) => d.record),
              activities: bundle.activities.map((a) => a.record),
              documents: bundle.documents.map((d) => d.record),
              readFacts: (text) => readLetter({ pages: [text] }),
            },
            { today: danishDay(props.now), language },
          )
        }
        links={{ documentVaultId: (id) => index.document(theCase.origin, id)?.vaultId, go }}
      />

      <section class="panel" aria-labelledby="case-topic">
        <h3 id="case-topic">{t('case.topic')}</h3>
        {topic.explanation && <p>{topic.explanation}</p>}
        <p class="meta">{t('case.officialTitle', { title: c.title, code: c.kle.code })}</p>
      </section>

      <section class="panel" aria-labelledby="case-status">
        <h3 id="case-status">{t('case.status', { status: status.title })}</h3>
        <p>{status.explanation}</p>
        {status.tips.length > 0 && (
          <>
            <h4>{t('case.tips')}</h4>
            <ul>
              {status.tips.map((tip) => (
                <li key={tip}>{tip}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section class="panel" aria-labelledby="case-contact">
        <h3 id="case-contact">{whose('case.contact', 'case.contactOf')}</h3>
        {c.caseworker ? <ContactCard contact={c.caseworker} /> : <p>{t('case.noCaseworker', { unit: c.unit.name })}</p>}
        <CorrectAction
          profileId={props.profileId}
          target={{ ...targetOf('cases', theCase, t('own.correct.contactTitle', { case: plainCaseTitle(c) })), field: t('own.correct.contactField') }}
        />
        {c.representatives.length > 0 && (
          <>
            <h4>{t('case.representatives')}</h4>
            <ul class="plain-list">
              {c.representatives.map((r) => (
                <li key={r.name}>
                  <strong>{r.name}</strong>
                  {r.organisation && <span>, {r.organisation}</span>}
                  {r.validUntil && <span class="meta"> ({t('case.repUntil', { date: dayText(r.validUntil) })})</span>}
                  <Channels channels={r.channels} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section class="panel" aria-labelledby="case-decisions">
        <h3 id="case-decisions">{t('case.decisions')}</h3>
        {bundle.decisions.length === 0 ? (
          <p class="empty-list">{t('case.noDecisions')}</p>
        ) : (
          bundle.decisions.map((d) => <DecisionCard key={d.vaultId} decision={d} index={index} now={props.now} go={go} profileId={props.profileId} />)
        )}
      </section>

      <section class="panel" aria-labelledby="case-activities">
        <h3 id="case-activities">{t('case.activities')}</h3>
        {entries.length === 0 ? (
          <p class="empty-list">{t('case.none')}</p>
        ) : (
          <WindowedList
            id="case-activities-list"
            class="entries"
            labelledBy="case-activities"
            size={CALENDAR_PAGE}
            items={entries}
            keyOf={(e) => e.id}
            renderItem={(e) => <EntryLine entry={e} go={go} profileId={props.profileId} />}
          />
        )}
      </section>

      <section class="panel" aria-labelledby="case-documents">
        <h3 id="case-documents">{t('case.documents')}</h3>
        {bundle.documents.length === 0 ? (
          <p class="empty-list">{t('case.noDocuments')}</p>
        ) : (
          <WindowedList
            id="case-documents-list"
            class="plain-list"
            labelledBy="case-documents"
            items={bundle.documents}
            keyOf={(d) => d.vaultId}
            renderItem={(d) => (
              <>
                <RouteLink to={{ view: 'document', id: d.vaultId }} go={go}>
                  <ShortTitle title={d.record.title} />
                </RouteLink>
                <span class="meta">, {dayText(d.record.date)}</span>
              </>
            )}
          />
        )}
      </section>

      <section class="panel" aria-labelledby="case-payments">
        <h3 id="case-payments">{t('case.payments')}</h3>
        {bundle.payments.length === 0 ? (
          <p class="empty-list">{t('case.none')}</p>
        ) : (
          <ul class="plain-list">
            {bundle.payments.slice(0, 12).map((p) => (
              <li key={p.vaultId}>
                <RouteLink to={{ view: 'payments', focus: p.vaultId }} go={go}>
                  {kroner(p.record.net.ore)}
                </RouteLink>{' '}
                {p.record.benefit.name}, {dayText(p.record.payoutDate)} ({t(`payments.status.${p.record.status}`)}){' '}
                <CorrectAction profileId={props.profileId} target={targetOf('payments', p, `${p.record.benefit.name}, ${dayText(p.record.payoutDate)}`)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <OwnNotes profileId={props.profileId} attachedTo={{ kind: 'municipal-case', id: theCase.vaultId }} texts={CASE_NOTE_TEXTS} level={3} />
      <AttachPanel profileId={props.profileId} attachedTo={{ kind: 'municipal-case', id: theCase.vaultId }} withNotes={false} />
      <CaseLetters profileId={props.profileId} caseRef={{ kind: 'municipal-case', id: theCase.vaultId }} />
      <CorrectionList profileId={props.profileId} caseVaultId={theCase.vaultId} title={t('own.list.caseTitle')} />

      <section class="panel" aria-labelledby="case-timeline">
        <h3 id="case-timeline">{t('case.timeline')}</h3>
        <WindowedList
          id="case-timeline-list"
          class="timeline"
          labelledBy="case-timeline"
          items={timelineRows}
          keyOf={(row) => row.key}
          renderItem={({ event: e }) => (
            <span data-kind={e.kind}>
              <time dateTime={e.at}>{e.at.length === 10 ? dayText(e.at) : dateTimeText(e.at)}</time>{' '}
              {'vaultId' in e && e.kind === 'document' ? (
                <RouteLink to={{ view: 'document', id: e.vaultId }} go={go}>
                  {timelineText(e)}
                </RouteLink>
              ) : (
                <span>{timelineText(e)}</span>
              )}
            </span>
          )}
        />
      </section>
    </div>
  );
}

const caseKey = (c: Item<Case>) => c.vaultId;

export function CasesView(props: { data: OverviewData; go: (to: OverviewRoute) => void; profileId: string }) {
  const [open, closed] = useMemo(() => {
    // ISO instants sort as plain strings, without localeCompare's collation (as the background's lists do).
    const sorted = [...props.data.cases].sort((a, b) => (a.record.updatedAt < b.record.updatedAt ? 1 : a.record.updatedAt > b.record.updatedAt ? -1 : 0));
    return [sorted.filter((c) => c.record.status !== 'closed'), sorted.filter((c) => c.record.status === 'closed')];
  }, [props.data.cases]);
  const list = (items: Item<Case>[], labelledBy: string) =>
    items.length === 0 ? (
      <p class="empty-list">{t('cases.none')}</p>
    ) : (
      <WindowedList
        id={`${labelledBy}-list`}
        class="cards"
        labelledBy={labelledBy}
        items={items}
        keyOf={caseKey}
        renderItem={(c) => (
          <>
            <h4>
              <RouteLink to={{ view: 'case', id: c.vaultId }} go={props.go}>
                {topicOf(c.record.kle).plainTitle}
              </RouteLink>
            </h4>
            <p>{statusOf(c.record).title}</p>
            <p class="meta">
              {c.record.title} · {t('case.number', { number: c.record.caseNumber })}
              {c.record.caseworker ? ` · ${c.record.caseworker.name}` : ''}
            </p>
          </>
        )}
      />
    );
  return (
    <>
      <section aria-labelledby="cases-open">
        <h3 id="cases-open">{t('cases.open')}</h3>
        {list(open, 'cases-open')}
      </section>
      <section aria-labelledby="cases-closed">
        <h3 id="cases-closed">{t('cases.closed')}</h3>
        {list(closed, 'cases-closed')}
      </section>
      <CorrectionList profileId={props.profileId} />
    </>
  );
}
