/**
 * On the overview of a profile with nothing in it yet: letters and calendar files are another
 * way in, without a municipality. Both links are real addresses: the letters, and the calendar
 * with its import.
 */
import { useContext } from 'preact/hooks';
import { t } from '../i18n/index';
import { formatRoute } from '../routing/route';
import { OverviewHref } from '../routing/use-route';
import type { OverviewRoute } from './Links';

export function OwnEntriesStart(props: { profileId: string; go: (to: OverviewRoute) => void }) {
  const hrefOf = useContext(OverviewHref);
  return (
    <section class="panel" aria-labelledby="own-entries-start">
      <h3 id="own-entries-start">{t('overview.ownTitle')}</h3>
      <p>{t('overview.ownText')}</p>
      <ul class="plain-list">
        <li>
          <a href={formatRoute({ section: 'letters', profileId: props.profileId, overview: null })}>{t('overview.ownLetters')}</a>
        </li>
        <li>
          <a href={hrefOf({ view: 'calendar' })} onClick={(e) => (e.preventDefault(), props.go({ view: 'calendar' }))}>
            {t('overview.ownCalendar')}
          </a>
        </li>
      </ul>
    </section>
  );
}
