/** "Hvem har set mine data": the municipality's access log, newest first, a page at a time. */
import { useMemo } from 'preact/hooks';
import type { AccessLogEntry } from '../../municipal/api/schemas';
import type { Item } from '../../overview/model';
import { WindowedTable } from '../components/WindowedList';
import { t } from '../i18n/index';
import { dateTimeText } from './format';
import { CorrectAction } from '../own/CorrectAction';
import { targetOf } from '../own/corrections';
import { useWhose } from '../words/whose';

export function AccessLogView(props: { entries: Item<AccessLogEntry>[]; profileId: string }) {
  const whose = useWhose();
  const entries = useMemo(() => [...props.entries].sort((a, b) => b.record.at.localeCompare(a.record.at)), [props.entries]);
  return (
    <>
      <p>{whose('access.intro', 'access.introOf')}</p>
      {entries.length === 0 ? (
        <p class="empty-list">{t('access.none')}</p>
      ) : (
        <WindowedTable
          id="access-log"
          class="access-log"
          items={entries}
          keyOf={(e) => e.vaultId}
          caption={whose('access.title', 'access.titleOf')}
          captionClass="visually-hidden"
          rowAttrs={(e) => ({ id: `access-${e.vaultId}` })}
          rowDeps={[props.profileId]}
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
                  profileId={props.profileId}
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
