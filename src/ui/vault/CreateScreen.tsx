/** First run: the owner's name and a passphrase; the vault is created and the recovery key shown next. */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { newKdfParams } from '../../vault/crypto/kdf';
import { derivePassphraseKey } from '../passphrase-key';
import { checkNewPassphrase, type PassphraseVerdict } from '../passphrase-rule';
import { ScreenHeading } from '../components/ScreenHeading';
import { TextField } from '../components/Field';
import { NewPassphraseFields, type NewPassphrase } from '../components/NewPassphraseFields';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';

export function CreateScreen(props: { onCreated: (recoveryKey: string) => void; onRestoreInstead: () => void }) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [secret, setSecret] = useState<NewPassphrase>({ passphrase: '', repeated: '' });
  const [verdict, setVerdict] = useState<PassphraseVerdict | null>(null);
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const missingName = name.trim() === '';
    const check = checkNewPassphrase(secret.passphrase, secret.repeated);
    setNameError(missingName ? t('create.nameMissing') : null);
    setVerdict(check === 'ok' ? null : check);
    if (missingName || check !== 'ok') {
      action.fail(missingName ? t('create.nameMissing') : check === 'too-weak' ? t('passphrase.tooWeak') : t('passphrase.mismatch'));
      return;
    }
    const created = await action.run(t('kdf.progressCreate'), async () => {
      const kdf = newKdfParams();
      const kek = await derivePassphraseKey(secret.passphrase, kdf);
      return callVault('create', { kdf, kek, owner: { name: name.trim() } });
    });
    if (created) props.onCreated(created.recoveryKey);
  };

  return (
    <main class="narrow">
      <ScreenHeading>{t('create.title')}</ScreenHeading>
      <p>{t('create.intro')}</p>
      <form autocomplete="off" onSubmit={submit} noValidate>
        <TextField label={t('create.name')} hint={t('create.nameHint')} value={name} onInput={setName} error={nameError} />
        <NewPassphraseFields value={secret} onInput={setSecret} verdict={verdict} />
        <p class="warning">{t('create.warning')}</p>
        <button type="submit" class="primary" disabled={action.busy !== null}>
          {t('create.submit')}
        </button>
        <ActionFeedback busy={action.busy} error={action.error} />
      </form>
      <section class="aside" aria-labelledby="have-backup">
        <h2 id="have-backup">{t('create.haveBackup')}</h2>
        <button type="button" onClick={props.onRestoreInstead}>
          {t('create.restoreInstead')}
        </button>
      </section>
    </main>
  );
}
