/** Download a backup file; restore from one (replacing what is in this browser, after a confirmation). */
import type { Settings } from '../../messaging/settings';
import { fetchBackup } from '../backup-transfer';
import { saveBlob } from '../blob-url';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { longDate } from '../format';
import { t } from '../i18n/index';
import { RestoreForm } from './RestoreForm';

export function BackupSection(props: { settings: Settings; onBackedUp: () => void; onRestored: () => void }) {
  const action = useAction();
  const download = async () => {
    const file = await action.run(t('backup.downloading'), fetchBackup, (f) => t('backup.done', { file: f.fileName }));
    if (!file) return;
    saveBlob(file.blob, file.fileName);
    props.onBackedUp();
  };
  const { lastBackupAt } = props.settings;
  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('backup.title')}
      </h2>
      <p>{t('backup.intro')}</p>
      <section aria-labelledby="backup-make" class="panel">
        <h3 id="backup-make">{t('backup.download')}</h3>
        <p>{lastBackupAt ? t('backup.last', { when: longDate(lastBackupAt) }) : t('backup.never')}</p>
        <button type="button" class="primary" onClick={() => void download()} disabled={action.busy !== null}>
          {t('backup.download')}
        </button>
        <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      </section>
      <section aria-labelledby="backup-restore" class="panel">
        <h3 id="backup-restore">{t('backup.restoreTitle')}</h3>
        <RestoreForm replacesExisting onRestored={props.onRestored} />
      </section>
    </>
  );
}
