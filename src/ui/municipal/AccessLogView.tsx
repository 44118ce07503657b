/** "Hvem har set mine data": the municipality's access log, newest first. */
import type { AccessLogEntry } from '../../municipal/api/schemas';
import type { Item } from '../../overview/model';
import { t } from '../i18n/index';
import { dateTimeText } from './format';
import { CorrectAction } from '../own/CorrectAction';
import { targetOf } from '../own/corrections';

export function AccessLogView(props: { entries: Item<AccessLogEntry>[]; profileId: string }) {
  const entries = [...props.entries].sort((a, b) => b.record.at.localeCompare(a.record.at));
  return (
    <>
      <p>{t('access.intro')}</p>
      {entries.length === 0 ? (
        <p class="empty-list">{t('access.none')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="access-caption">
          <table class="data access-log">
            <caption id="access-caption" class="visually-hidden">
              {t('access.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('access.when')}</th>
                <th scope="col">{t('access.who')}</th>
                <th scope="col">{t('access.unit')}</th>
                <th scope="col">{t('access.what')}</th>
                <th scope="col">{t('access.why')}</th>
                <th scope="col">{t('own.correct.column')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(({ vaultId, origin, record: e }) => (
                <tr key={vaultId} id={`access-${vaultId}`}>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
