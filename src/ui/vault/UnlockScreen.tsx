/** Locked: the passphrase opens the vault; a wrong one is refused and nothing changes. */
import { useRef, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { derivePassphraseKey } from '../passphrase-key';
import { ScreenHeading } from '../components/ScreenHeading';
import { SecretField } from '../components/Field';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';

/** The unlock form alone, shared by the vault page and the popup. */
export function UnlockForm(props: { onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const input = useRef<HTMLInputElement | null>(null);
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(t('kdf.progress'), async () => {
      const { kdf } = await callVault('status', {});
      if (!kdf) throw new Error('no vault');
      await callVault('unlock', { kek: await derivePassphraseKey(passphrase, kdf) });
      return true;
    });
    if (ok) props.onUnlocked();
    else {
      input.current?.focus();
      input.current?.select();
    }
  };

  return (
    <form autocomplete="off" onSubmit={submit} noValidate>
      <SecretField label={t('passphrase.label')} autocomplete="off" value={passphrase} onInput={setPassphrase} inputRef={input} />
      <button type="submit" class="primary" disabled={action.busy !== null}>
        {t('unlock.submit')}
      </button>
      <ActionFeedback busy={action.busy} error={action.error} />
    </form>
  );
}

export function UnlockScreen(props: { onUnlocked: () => void; onForgot: () => void }) {
  return (
    <main class="narrow">
      <ScreenHeading>{t('unlock.title')}</ScreenHeading>
      <UnlockForm onUnlocked={props.onUnlocked} />
      <p>
        <button type="button" class="link" onClick={props.onForgot}>
          {t('unlock.forgot')}
        </button>
      </p>
    </main>
  );
}
