/**
 * "Overblik": the citizen's municipal data in one place. Its own navigation (Now, Cases,
 * Calendar, Payments, Who looked at my data, Search) and the case and document pages; the
 * heading of each view takes focus when it opens, so screen readers announce where you are.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { indexOverview, hasAnyData } from '../../overview/model';
import { Busy, AlertLine } from '../components/Messages';
import { t, type MessageKey } from '../i18n/index';
import type { Profile } from '../profiles';
import { AccessLogView } from './AccessLogView';
import { CalendarView } from './CalendarView';
import { CasePage, CasesView } from './CasePage';
import { DocumentView } from './DocumentView';
import { CaseLookup, type OverviewRoute } from './Links';
import { NowView } from './NowView';
import { PaymentsView } from './PaymentsView';
import { plainCaseTitle } from './plain';
import { SearchView } from './SearchView';
import { OverviewDamage } from './OverviewDamage';
import { useOverviewData } from './use-overview-data';
import { listsFor, readsEverything } from './view-lists';
import './overview.css';

const VIEWS = ['now', 'cases', 'calendar', 'payments', 'access', 'search'] as const;
type View = (typeof VIEWS)[number];

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

export function OverviewSection(props: { profile: Profile; onAddMunicipality: () => void; now?: () => number }) {
  const [route, setRoute] = useState<OverviewRoute>({ view: 'now' });
  const { data, damaged, error, reload } = useOverviewData(props.profile.id, listsFor(route));
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const now = (props.now ?? Date.now)();

  const go = (to: OverviewRoute) => {
    moved.current = true;
    setRoute(to);
  };
  // Once the view's lists are read: a view whose lists are still loading has no heading of its own yet.
  const ready = data !== null;
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    if (route.view !== 'payments' || !route.focus) window.scrollTo?.(0, 0);
  }, [route, ready]);

  const caseLookup = useMemo(() => {
    const index = data ? indexOverview(data) : null;
    return (origin: string, caseId: string) => {
      const found = index?.case(origin, caseId);
      return found ? { vaultId: found.vaultId, title: plainCaseTitle(found.record) } : undefined;
    };
  }, [data]);

  if (!data) {
    return (
      <>
        <h2 id="section-heading" tabIndex={-1}>
          {t('overview.emptyTitle')}
        </h2>
        {error ? <AlertLine>{error}</AlertLine> : <Busy label={t('overview.loading')} />}
      </>
    );
  }
  if (readsEverything(route) && !hasAnyData(data)) {
    return (
      <>
        <h2 id="section-heading" tabIndex={-1}>
          {t('overview.emptyTitle')}
        </h2>
        <p>{t('overview.empty')}</p>
        <button type="button" class="primary" onClick={props.onAddMunicipality}>
          {t('overview.emptyAction')}
        </button>
      </>
    );
  }

  const theCase = route.view === 'case' ? data.cases.find((c) => c.vaultId === route.id) : undefined;
  const doc = route.view === 'document' ? data.documents.find((d) => d.vaultId === route.id) : undefined;
  const docCase = doc ? caseLookup(doc.origin, doc.record.caseId ?? '') : undefined;
  const title =
    route.view === 'case'
      ? theCase
        ? plainCaseTitle(theCase.record)
        : t('case.notFound')
      : route.view === 'document'
        ? (doc?.record.title ?? t('doc.notFound'))
        : t(VIEW_TITLE[route.view]);

  return (
    <CaseLookup.Provider value={caseLookup}>
      <nav aria-label={t('overview.views')} class="subnav">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <a
                href={`#${v}`}
                aria-current={navOf(route) === v ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go({ view: v });
                }}
              >
                {t(`view.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {(route.view === 'case' || route.view === 'document') && (
        <p class="breadcrumb">
          <a href="#cases" onClick={(e) => (e.preventDefault(), go(docCase ? { view: 'case', id: docCase.vaultId } : { view: 'cases' }))}>
            <span aria-hidden="true">‹ </span>
            {docCase ? docCase.title : t('case.backToCases')}
          </a>
        </p>
      )}
      <h2 id="section-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <OverviewDamage profileId={props.profile.id} profileName={props.profile.data.name} damaged={damaged} onRemoved={reload} />
      {route.view === 'now' && <NowView data={data} now={now} go={go} profileId={props.profile.id} />}
      {route.view === 'cases' && <CasesView data={data} go={go} profileId={props.profile.id} />}
      {route.view === 'case' && theCase && <CasePage key={theCase.vaultId} data={data} theCase={theCase} profileId={props.profile.id} now={now} go={go} />}
      {route.view === 'document' && doc && <DocumentView key={doc.vaultId} doc={doc} profileId={props.profile.id} />}
      {route.view === 'calendar' && <CalendarView data={data} now={now} ownerName={props.profile.data.name} go={go} profileId={props.profile.id} />}
      {route.view === 'payments' && <PaymentsView payments={data.payments} focus={route.focus} profileId={props.profile.id} />}
      {route.view === 'access' && <AccessLogView entries={data.accessLog} profileId={props.profile.id} />}
      {route.view === 'search' && <SearchView data={data} go={go} />}
    </CaseLookup.Provider>
  );
}
