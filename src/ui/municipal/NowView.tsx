/**
 * "Nu": open cases, the next appointments and deadlines (the municipality's, and those read from
 * letters and calendar files, each marked by its source), the latest payments, new documents.
 */
import type { CalendarEntry } from '../../overview/calendar';
import type { OverviewData } from '../../overview/model';
import { nowSummary, type OwnEntries } from '../../overview/now';
import { t } from '../i18n/index';
import { ShortTitle } from '../components/ShortTitle';
import { EntryLine } from './CalendarView';
import { dayText, kroner } from './format';
import { RouteLink, type OverviewRoute } from './Links';
import { plainCaseTitle, statusOf } from './plain';
import { useWhose } from '../words/whose';

function Block(props: { id: string; title: string; empty: string; count: number; children: preact.ComponentChildren; more?: preact.ComponentChildren }) {
  return (
    <section class="panel now-block" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      {props.count === 0 ? <p class="empty-list">{props.empty}</p> : props.children}
      {props.more}
    </section>
  );
}

function Entries(props: { entries: CalendarEntry[]; go: (to: OverviewRoute) => void; label: string; profileId?: string | undefined }) {
  return (
    <ul class="entries" aria-label={props.label}>
      {props.entries.map((e) => (
        <li key={e.id}>
          <EntryLine entry={e} go={props.go} profileId={props.profileId} />
        </li>
      ))}
    </ul>
  );
}

/**
 * `data` and `own` need only what `nowSources` and `ownNowSources` keep (the background's
 * summary). `recordsRead` says how many records the background decrypted for it, for the
 * benchmark and tests (a count, no content).
 */
export function NowView(props: {
  data: OverviewData;
  own?: OwnEntries | undefined;
  now: number;
  go: (to: OverviewRoute) => void;
  profileId?: string | undefined;
  recordsRead?: number | undefined;
}) {
  const { go } = props;
  const whose = useWhose();
  const now = nowSummary(props.data, props.now, props.own);
  return (
    <div class="now-grid" data-records-read={props.recordsRead}>
      <Block
        id="now-cases"
        title={whose('now.openCases', 'now.openCasesOf')}
        empty={whose('now.noOpenCases', 'now.noOpenCasesOf')}
        count={now.openCases.length}
        more={
          <RouteLink to={{ view: 'cases' }} go={go} class="more">
            {t('now.allCases')}
          </RouteLink>
        }
      >
        <ul class="case-list">
          {now.openCases.map((c) => (
            <li key={c.vaultId}>
              <RouteLink to={{ view: 'case', id: c.vaultId }} go={go}>
                {plainCaseTitle(c.record)}
              </RouteLink>
              <span class="meta"> – {statusOf(c.record).title}</span>
            </li>
          ))}
        </ul>
      </Block>
      <Block
        id="now-deadlines"
        title={whose('now.deadlines', 'now.deadlinesOf')}
        empty={whose('now.noDeadlines', 'now.noDeadlinesOf')}
        count={now.deadlines.length}
        more={
          <RouteLink to={{ view: 'calendar' }} go={go} class="more">
            {t('now.allCalendar')}
          </RouteLink>
        }
      >
        <Entries entries={now.deadlines} go={go} label={whose('now.deadlines', 'now.deadlinesOf')} profileId={props.profileId} />
      </Block>
      <Block
        id="now-appointments"
        title={whose('now.appointments', 'now.appointmentsOf')}
        empty={whose('now.noAppointments', 'now.noAppointmentsOf')}
        count={now.appointments.length}
      >
        <Entries entries={now.appointments} go={go} label={whose('now.appointments', 'now.appointmentsOf')} profileId={props.profileId} />
      </Block>
      <Block
        id="now-payments"
        title={t('now.payments')}
        empty={t('now.noPayments')}
        count={now.latestPayments.length}
        more={
          <RouteLink to={{ view: 'payments' }} go={go} class="more">
            {t('now.allPayments')}
          </RouteLink>
        }
      >
        <ul class="plain-list">
          {now.latestPayments.map((p) => (
            <li key={p.vaultId}>
              <span class="amount">{kroner(p.record.net.ore)}</span> {p.record.benefit.name}, {dayText(p.record.payoutDate)}
            </li>
          ))}
        </ul>
      </Block>
      <Block id="now-documents" title={t('now.documents')} empty={t('now.noDocuments')} count={now.newDocuments.length}>
        <ul class="plain-list">
          {now.newDocuments.map((d) => (
            <li key={d.vaultId}>
              <RouteLink to={{ view: 'document', id: d.vaultId }} go={go}>
                <ShortTitle title={d.record.title} />
              </RouteLink>
              <span class="meta">, {dayText(d.record.date)}</span>
            </li>
          ))}
        </ul>
      </Block>
    </div>
  );
}
