/**
 * "Hvem har set mine data": the municipality's access log, newest first, a page at a time. The
 * background holds the sorted log and answers one page, as for the payments: thousands of
 * entries are never packed into one answer, nor sorted in the page.
 */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { OVERVIEW_KINDS } from '../../overview/from-records';
import { AlertLine, Busy } from '../components/Messages';
import { useBackgroundView } from '../components/use-background-view';
import { DEFAULT_PAGE_SIZE } from '../components/use-row-window';
import { PagedTable } from '../components/WindowedList';
import { t } from '../i18n/index';
import { dateTimeText } from './format';
import { CorrectAction } from '../own/CorrectAction';
import { targetOf } from '../own/corrections';
import { OverviewDamage } from './OverviewDamage';
import { useWhose } from '../words/whose';

const ACCESS_KINDS: ReadonlySet<string> = new Set([OVERVIEW_KINDS.accessLog.name]);

export function AccessLogView(props: { profileId: string; profileName: string }) {
  const { profileId } = props;
  const whose = useWhose();
  const [start, setStart] = useState(0);
  const { answer, error, refresh } = useBackgroundView(
    profileId,
    ACCESS_KINDS,
    () => callVault('viewAccessLog', { profileId, start, count: DEFAULT_PAGE_SIZE }),
    [start],
  );
  if (!answer) return error ? <AlertLine>{error}</AlertLine> : <Busy label={t('overview.loading')} />;
  return (
    <>
      <OverviewDamage profileId={profileId} profileName={props.profileName} damaged={answer.damaged} onRemoved={refresh} />
      <AlertLine>{error}</AlertLine>
      <p>{whose('access.intro', 'access.introOf')}</p>
      {answer.total === 0 ? (
        <p class="empty-list">{t('access.none')}</p>
      ) : (
        <PagedTable
          id="access-log"
          class="access-log"
          page={answer}
          onWindow={setStart}
          keyOf={(e) => e.vaultId}
          caption={whose('access.title', 'access.titleOf')}
          captionClass="visually-hidden"
          rowAttrs={(e) => ({ id: `access-${e.vaultId}` })}
          rowDeps={[profileId]}
          head={
            <>
              <th scope="col">{t('access.when')}</th>
              <th scope="col">{t('access.who')}</th>
              <th scope="col">{t('access.unit')}</th>
              <th scope="col">{t('access.what')}</th>
              <th scope="col">{t('access.why')}</th>
              <th scope="col">{t('own.correct.column')}</th>
            </>
          }
          renderRow={({ vaultId, origin, record: e }) => (
            <>
              <td>
                <time dateTime={e.at}>{dateTimeText(e.at)}</time>
              </td>
              <td>
                {e.actor.name}
                <span class="meta">, {e.actor.role}</span>
              </td>
              <td>{e.unit.name}</td>
              <td>
                {t(`access.action.${e.action}`)}: {e.what} <span class="meta">{t('access.inSystem', { system: e.system })}</span>
              </td>
              <td>{e.reason}</td>
              <td>
                <CorrectAction
                  profileId={profileId}
                  target={targetOf('access-log', { vaultId, origin, record: e }, `${dateTimeText(e.at)}, ${e.actor.name}`)}
                />
              </td>
            </>
          )}
        />
      )}
    </>
  );
}
