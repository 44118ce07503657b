/** "Forgot passphrase?": the recovery key opens the vault, and a new passphrase replaces the old. */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { newKdfParams } from '../../vault/crypto/kdf';
import { derivePassphraseKey } from '../passphrase-key';
import { checkNewPassphrase, type PassphraseVerdict } from '../passphrase-rule';
import { ScreenHeading } from '../components/ScreenHeading';
import { SecretField } from '../components/Field';
import { NewPassphraseFields, type NewPassphrase } from '../components/NewPassphraseFields';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';

export function ForgotScreen(props: { onUnlocked: () => void; onBack: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [secret, setSecret] = useState<NewPassphrase>({ passphrase: '', repeated: '' });
  const [verdict, setVerdict] = useState<PassphraseVerdict | null>(null);
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const check = checkNewPassphrase(secret.passphrase, secret.repeated);
    setVerdict(check === 'ok' ? null : check);
    if (check !== 'ok') return action.fail(check === 'too-weak' ? t('passphrase.tooWeak') : t('passphrase.mismatch'));
    const ok = await action.run(t('kdf.progress'), async () => {
      const kdf = newKdfParams();
      const kek = await derivePassphraseKey(secret.passphrase, kdf);
      await callVault('recover', { recoveryKey, kdf, kek });
      return true;
    });
    if (ok) props.onUnlocked();
  };

  return (
    <main class="narrow">
      <ScreenHeading>{t('forgot.title')}</ScreenHeading>
      <p>{t('forgot.intro')}</p>
      <form autocomplete="off" onSubmit={submit} noValidate>
        <SecretField label={t('forgot.keyLabel')} hint={t('forgot.keyHint')} autocomplete="off" mono value={recoveryKey} onInput={setRecoveryKey} />
        <NewPassphraseFields value={secret} onInput={setSecret} verdict={verdict} label="passphrase.new" />
        <button type="submit" class="primary" disabled={action.busy !== null}>
          {t('forgot.submit')}
        </button>
        <ActionFeedback busy={action.busy} error={action.error} />
      </form>
      <p>
        <button type="button" class="link" onClick={props.onBack}>
          {t('common.back')}
        </button>
      </p>
    </main>
  );
}
