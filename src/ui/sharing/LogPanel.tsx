/** The transparency log: newest first, a check of its chain, and a download that can be checked anywhere. */
import { useEffect, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { LogEntry } from '../../records/sharing/transparency-entry';
import { saveBlob } from '../blob-url';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { longDate } from '../format';
import { t } from '../i18n/index';
import { logCheckText, logText } from './words';

export function LogPanel(props: { refreshKey: number }) {
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const action = useAction();
  useEffect(() => {
    callVault('logList', {}).then(setEntries, () => setEntries([]));
  }, [props.refreshKey]);

  const verify = () => action.run(t('sharing.log.verifying'), () => callVault('logVerify', {}), logCheckText);
  const download = async () => {
    const file = await action.run(t('common.working'), () => callVault('logExport', {}));
    if (file) saveBlob(new Blob([file.json], { type: 'application/json' }), file.fileName);
  };

  return (
    <section aria-labelledby="sharing-log" class="panel">
      <h3 id="sharing-log">{t('sharing.log.heading')}</h3>
      <p>{t('sharing.log.intro')}</p>
      <div class="actions">
        <button type="button" onClick={() => void verify()} disabled={action.busy !== null}>
          {t('sharing.log.verify')}
        </button>
        <button type="button" onClick={() => void download()} disabled={action.busy !== null}>
          {t('sharing.log.download')}
        </button>
      </div>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {entries && entries.length === 0 && <p class="empty-list">{t('sharing.log.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol class="log" aria-label={t('sharing.log.listLabel')} reversed>
          {entries.map((e) => (
            <li key={e.seq} data-type={e.type}>
              <time dateTime={e.at}>{longDate(e.at)}</time> {logText(e)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
