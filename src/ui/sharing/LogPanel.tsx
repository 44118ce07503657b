/** The transparency log: newest first, a check of its chain, and a download that can be checked anywhere. */
import { useEffect, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { LogEntry } from '../../records/sharing/transparency-entry';
import { saveBlob } from '../blob-url';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { WindowedList } from '../components/WindowedList';
import { longDate } from '../format';
import { t } from '../i18n/index';
import { logCheckText, logText, sharingError } from './words';

export function LogPanel(props: { refreshKey: number }) {
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const action = useAction();
  useEffect(() => {
    callVault('logList', {}).then(setEntries, (caught: unknown) => {
      setEntries([]);
      action.fail(sharingError(caught));
    });
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
        <WindowedList
          id="sharing-log-list"
          class="log"
          label={t('sharing.log.listLabel')}
          items={entries}
          keyOf={(e) => String(e.seq)}
          rowAttrs={(e) => ({ 'data-type': e.type })}
          renderItem={(e) => (
            <>
              <time dateTime={e.at}>{longDate(e.at)}</time> {logText(e)}
            </>
          )}
        />
      )}
    </section>
  );
}
