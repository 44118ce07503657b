/** The nudge to take a backup, with the reason in plain words. */
import { useId } from 'preact/hooks';
import { t } from '../i18n/index';

export function BackupReminder(props: { onBackup?: () => void; backupHref?: string }) {
  const id = useId();
  return (
    <section class="reminder" aria-labelledby={id}>
      <h2 id={id}>{t('reminder.title')}</h2>
      <p>{t('reminder.text')}</p>
      {props.onBackup && (
        <button type="button" onClick={props.onBackup}>
          {t('reminder.action')}
        </button>
      )}
      {props.backupHref && (
        <a href={props.backupHref} target="_blank" rel="noopener">
          {t('reminder.action')}
        </a>
      )}
    </section>
  );
}
