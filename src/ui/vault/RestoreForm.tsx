/**
 * Restore from a backup file: upload it, show what it is (its date), then open it with the
 * passphrase it was made with (derived with the BACKUP's own KDF parameters) or with the
 * recovery key and a new passphrase.
 */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { newKdfParams } from '../../vault/crypto/kdf';
import { derivePassphraseKey } from '../passphrase-key';
import { uploadBackup, type UploadedBackup } from '../backup-transfer';
import { checkNewPassphrase, type PassphraseVerdict } from '../passphrase-rule';
import { SecretField } from '../components/Field';
import { ScreenHeading } from '../components/ScreenHeading';
import { NewPassphraseFields, type NewPassphrase } from '../components/NewPassphraseFields';
import { ActionFeedback, StatusLine } from '../components/Messages';
import { useAction } from '../components/use-action';
import { longDate } from '../format';
import { t } from '../i18n/index';

type Method = 'passphrase' | 'recovery';

export function RestoreForm(props: { replacesExisting: boolean; onRestored: () => void }) {
  const [uploaded, setUploaded] = useState<UploadedBackup | null>(null);
  const [method, setMethod] = useState<Method>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [secret, setSecret] = useState<NewPassphrase>({ passphrase: '', repeated: '' });
  const [verdict, setVerdict] = useState<PassphraseVerdict | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const fileAction = useAction();
  const action = useAction();

  const pickFile = async (input: HTMLInputElement) => {
    setUploaded(null);
    action.reset();
    const file = input.files?.[0];
    if (!file) return;
    const result = await fileAction.run(t('backup.reading'), () => uploadBackup(file));
    if (result) setUploaded(result);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!uploaded) return action.fail(t('backup.noFile'));
    if (props.replacesExisting && !confirmed) {
      setConfirmError(t('backup.confirmMissing'));
      return action.fail(t('backup.confirmMissing'));
    }
    setConfirmError(null);
    if (method === 'recovery') {
      const check = checkNewPassphrase(secret.passphrase, secret.repeated);
      setVerdict(check === 'ok' ? null : check);
      if (check !== 'ok') return action.fail(check === 'too-weak' ? t('passphrase.tooWeak') : t('passphrase.mismatch'));
    }
    const { transferId, header } = uploaded;
    const ok = await action.run(t('backup.restoring'), async () => {
      if (method === 'passphrase') {
        const kek = await derivePassphraseKey(passphrase, header.vault.kdf);
        await callVault('restoreFinish', { transferId, method: 'passphrase', kek });
      } else {
        const kdf = newKdfParams();
        const kek = await derivePassphraseKey(secret.passphrase, kdf);
        await callVault('restoreFinish', { transferId, method: 'recovery', recoveryKey, newPassphrase: { kdf, kek } });
      }
      return true;
    });
    if (ok) props.onRestored();
  };

  return (
    <form autocomplete="off" onSubmit={submit} noValidate class="restore">
      <p class="warning">{t('backup.restoreWarning')}</p>
      <div class="field">
        <label for="restore-file">{t('backup.file')}</label>
        <input autocomplete="off" id="restore-file" type="file" accept=".hrbackup,application/octet-stream" onChange={(e) => void pickFile(e.currentTarget)} />
      </div>
      <StatusLine>{fileAction.busy ? fileAction.busy : uploaded ? t('backup.fileInfo', { date: longDate(uploaded.header.createdAt) }) : null}</StatusLine>
      {fileAction.error && (
        <div role="alert" class="alert">
          {fileAction.error}
        </div>
      )}
      {uploaded && (
        <>
          <fieldset>
            <legend>{t('backup.method')}</legend>
            {(['passphrase', 'recovery'] as const).map((m) => (
              <label class="choice" key={m}>
                <input autocomplete="off" type="radio" name="restore-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
                {m === 'passphrase' ? t('backup.methodPassphrase') : t('backup.methodRecovery')}
              </label>
            ))}
          </fieldset>
          {method === 'passphrase' ? (
            <SecretField label={t('passphrase.label')} autocomplete="off" value={passphrase} onInput={setPassphrase} />
          ) : (
            <>
              <SecretField label={t('forgot.keyLabel')} hint={t('forgot.keyHint')} autocomplete="off" mono value={recoveryKey} onInput={setRecoveryKey} />
              <NewPassphraseFields value={secret} onInput={setSecret} verdict={verdict} label="passphrase.new" />
            </>
          )}
          {props.replacesExisting && (
            <div class="field">
              <label class="choice">
                <input
                  autocomplete="off"
                  type="checkbox"
                  checked={confirmed}
                  aria-invalid={confirmError ? 'true' : undefined}
                  onChange={(e) => setConfirmed(e.currentTarget.checked)}
                />
                {t('backup.confirmReplace')}
              </label>
            </div>
          )}
          <button type="submit" class="primary" disabled={action.busy !== null}>
            {t('backup.restoreSubmit')}
          </button>
        </>
      )}
      <ActionFeedback busy={action.busy} error={action.error} />
    </form>
  );
}

/** First run with a backup in hand: restore instead of creating a new vault. */
export function RestoreScreen(props: { onRestored: () => void; onBack: () => void }) {
  return (
    <main class="narrow">
      <ScreenHeading>{t('backup.restoreTitle')}</ScreenHeading>
      <RestoreForm replacesExisting={false} onRestored={props.onRestored} />
      <p>
        <button type="button" class="link" onClick={props.onBack}>
          {t('common.back')}
        </button>
      </p>
    </main>
  );
}
