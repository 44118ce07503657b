/**
 * "Overblik": the citizen's municipal data in one place. Its own navigation (Now, Cases,
 * Calendar, Payments, Who looked at my data, Search) and the case and document pages, each with
 * its own address (the page's route says which is shown); the heading of each view takes focus
 * when it opens, so screen readers announce where you are. A profile with nothing in it yet
 * sees the first steps on *Now* instead (overview-choice.ts), with the way in by letters and
 * calendar files.
 */
import { useContext, useEffect, useMemo, useRef } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { indexOverview } from '../../overview/model';
import { bestEffort } from '../../shared/best-effort';
import { Busy, AlertLine } from '../components/Messages';
import { t, type MessageKey } from '../i18n/index';
import type { Profile } from '../profiles';
import { AccessLogView } from './AccessLogView';
import { CalendarView } from './CalendarView';
import { CasePage, CasesView } from './CasePage';
import { DocumentView } from './DocumentView';
import { CaseLookup, type OverviewRoute } from './Links';
import { OVERVIEW_VIEWS, type OverviewView } from '../routing/route';
import { OverviewHref } from '../routing/use-route';
import { NextSteps } from '../vault/NextSteps';
import { ShownProfile, whoseText } from '../words/whose';
import { NowView } from './NowView';
import { PaymentsView } from './PaymentsView';
import { plainCaseTitle } from './plain';
import { SearchView } from './SearchView';
import { OverviewDamage } from './OverviewDamage';
import { ProfileBasis, useConnections } from './ProfileBasis';
import { useNowData } from './use-now-data';
import { useCaseView } from './use-case-view';
import { useOverviewData } from './use-overview-data';
import { listsFor } from './view-lists';
import { overviewChoice } from './overview-choice';
import { OwnEntriesStart } from './OwnEntriesStart';
import './overview.css';

type View = OverviewView;

const VIEW_TITLE: Record<View, MessageKey> = {
  now: 'now.title',
  cases: 'cases.title',
  calendar: 'calendar.title',
  payments: 'payments.title',
  access: 'access.title',
  search: 'search.title',
};

/** The nav entry a route belongs to (a case page is under Cases). */
const navOf = (route: OverviewRoute): View => (route.view === 'case' || route.view === 'document' ? 'cases' : route.view);

/** The words a view's title and navigation use for whose data it is ("Hvem har set Leas data"). */
const viewTitle = (profile: Profile, view: View): string =>
  view === 'access'
    ? whoseText(profile, 'access.title', 'access.titleOf')
    : view === 'cases'
      ? whoseText(profile, 'cases.title', 'cases.titleOf')
      : t(VIEW_TITLE[view]);
const viewLabel = (profile: Profile, view: View): string => (view === 'access' ? whoseText(profile, 'view.access', 'view.accessOf') : t(`view.${view}`));

export function OverviewSection(props: { profile: Profile; route: OverviewRoute; onRoute: (to: OverviewRoute) => void; now?: () => number }) {
  const { route } = props;
  const hrefOf = useContext(OverviewHref);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const now = (props.now ?? Date.now)();
  // Now reads only its summary; the records the other views show are loaded once one is opened.
  const onNow = route.view === 'now';
  const overview = useOverviewData(props.profile.id, listsFor(route));
  const nowData = useNowData(props.profile.id, now, onNow);
  // A case page asks the background for that case alone.
  const caseView = useCaseView(props.profile.id, route.view === 'case' ? route.id : null);
  const onCase = route.view === 'case';
  const { data, error } = onNow ? nowData : overview;
  const [connections, reloadConnections] = useConnections(props.profile.id);
  const basis = <ProfileBasis profileId={props.profile.id} connections={connections} onChanged={reloadConnections} />;

  const go = props.onRoute;
  const loading = data === null || (onCase && caseView.view === null);
  // A move within the overview (a link, Back, Forward) focuses the new screen's heading, also once its
  // records arrive (a view opened from Now may wait for them); the first screen keeps the page's focus.
  useEffect(() => {
    if (!first.current) heading.current?.focus();
    if (!loading) first.current = false;
    if (route.view !== 'payments' || !route.focus) window.scrollTo?.(0, 0);
  }, [route.view, 'id' in route ? route.id : null, loading]);

  // Once Now is drawn, the background prepares every view (views/warm-order.ts). Asked at once: the
  // background starts only after its calls have been quiet a moment, and its steps yield to every
  // message, so a view opened soon after Now finds more of itself made.
  const nowDrawn = onNow && nowData.data !== null;
  useEffect(() => {
    if (nowDrawn) void bestEffort(callVault('viewWarm', { profileId: props.profile.id }), 'a view not prepared is read when it opens');
  }, [nowDrawn, props.profile.id]);

  const caseLookup = useMemo(() => {
    const index = data ? indexOverview(data) : null;
    return (origin: string, caseId: string) => {
      const found = index?.case(origin, caseId);
      return found ? { vaultId: found.vaultId, title: plainCaseTitle(found.record) } : undefined;
    };
  }, [data]);

  if (!data || loading) {
    const failed = onCase ? (caseView.error ?? error) : error;
    return (
      <>
        <h2 id="section-heading" tabIndex={-1}>
          {t('overview.emptyTitle')}
        </h2>
        {failed ? <AlertLine>{failed}</AlertLine> : <Busy label={t('overview.loading')} />}
      </>
    );
  }
  if (overviewChoice(route.view, { municipal: nowData.hasData, ownEntries: nowData.hasOwnEntries }) === 'first-steps') {
    return (
      <>
        <h2 id="section-heading" tabIndex={-1}>
          {t('overview.emptyTitle')}
        </h2>
        {basis}
        <p>{t('overview.empty')}</p>
        <NextSteps profileId={props.profile.id} always />
        <OwnEntriesStart profileId={props.profile.id} go={go} />
      </>
    );
  }

  const theCase = onCase ? (caseView.view?.theCase ?? undefined) : undefined;
  const doc = route.view === 'document' ? data.documents.find((d) => d.vaultId === route.id) : undefined;
  const docCase = doc ? caseLookup(doc.origin, doc.record.caseId ?? '') : undefined;
  const title =
    route.view === 'case'
      ? theCase
        ? plainCaseTitle(theCase.record)
        : t('case.notFound')
      : route.view === 'document'
        ? (doc?.record.title ?? t('doc.notFound'))
        : viewTitle(props.profile, route.view);

  return (
    <ShownProfile.Provider value={props.profile}>
      <CaseLookup.Provider value={caseLookup}>
        <nav aria-label={t('overview.views')} class="subnav">
          <ul>
            {OVERVIEW_VIEWS.map((v) => (
              <li key={v}>
                <a
                  href={hrefOf({ view: v })}
                  aria-current={navOf(route) === v ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    go({ view: v });
                  }}
                >
                  {viewLabel(props.profile, v)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {(route.view === 'case' || route.view === 'document') && (
          <p class="breadcrumb">
            <a
              href={hrefOf(docCase ? { view: 'case', id: docCase.vaultId } : { view: 'cases' })}
              onClick={(e) => (e.preventDefault(), go(docCase ? { view: 'case', id: docCase.vaultId } : { view: 'cases' }))}
            >
              <span aria-hidden="true">‹ </span>
              {docCase ? docCase.title : t('case.backToCases')}
            </a>
          </p>
        )}
        <h2 id="section-heading" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {basis}
        <OverviewDamage
          profileId={props.profile.id}
          profileName={props.profile.data.name}
          damaged={onNow ? nowData.damaged : onCase ? (caseView.view?.damaged ?? []) : overview.damaged}
          onRemoved={onNow ? nowData.reload : onCase ? caseView.reload : overview.reload}
        />
        {route.view === 'now' && <NextSteps profileId={props.profile.id} />}
        {route.view === 'now' && <NowView data={data} own={nowData.own} now={now} go={go} profileId={props.profile.id} recordsRead={nowData.recordsRead} />}
        {route.view === 'cases' && <CasesView data={data} go={go} profileId={props.profile.id} />}
        {route.view === 'case' && theCase && caseView.view && (
          <CasePage key={theCase.vaultId} view={caseView.view} theCase={theCase} profileId={props.profile.id} now={now} go={go} />
        )}
        {route.view === 'document' && doc && <DocumentView key={doc.vaultId} doc={doc} profileId={props.profile.id} />}
        {route.view === 'calendar' && <CalendarView now={now} ownerName={props.profile.data.name} go={go} profileId={props.profile.id} />}
        {route.view === 'payments' && <PaymentsView focus={route.focus} profileId={props.profile.id} profileName={props.profile.data.name} />}
        {route.view === 'access' && <AccessLogView profileId={props.profile.id} profileName={props.profile.data.name} />}
        {route.view === 'search' && <SearchView profileId={props.profile.id} profileName={props.profile.data.name} go={go} />}
      </CaseLookup.Provider>
    </ShownProfile.Provider>
  );
}
