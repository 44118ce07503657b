/** Auto-lock time, passphrase change, and whether the browser keeps the data for good. */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { Settings } from '../../messaging/settings';
import { newKdfParams } from '../../vault/crypto/kdf';
import { derivePassphraseKey } from '../passphrase-key';
import { checkNewPassphrase, type PassphraseVerdict } from '../passphrase-rule';
import { SecretField, TextField } from '../components/Field';
import { NewPassphraseFields, type NewPassphrase } from '../components/NewPassphraseFields';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import type { Persistence } from '../storage-persistence';
import { t, tn } from '../i18n/index';

function AutoLockForm(props: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [minutes, setMinutes] = useState(String(props.settings.autoLockMinutes));
  const [invalid, setInvalid] = useState(false);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = Number(minutes);
    const ok = Number.isInteger(value) && value >= 1 && value <= 24 * 60;
    setInvalid(!ok);
    if (!ok) return action.fail(t('settings.autoLockInvalid'));
    const saved = await action.run(
      t('common.working'),
      () => callVault('setSettings', { autoLockMinutes: value }),
      (s) => tn('settings.autoLockSaved', s.autoLockMinutes),
    );
    if (saved) props.onSaved(saved);
  };
  return (
    <form autocomplete="off" onSubmit={submit} noValidate>
      <TextField
        type="number"
        min={1}
        max={1440}
        label={t('settings.autoLock')}
        hint={t('settings.autoLockHint')}
        value={minutes}
        onInput={setMinutes}
        error={invalid ? t('settings.autoLockInvalid') : null}
      />
      <button type="submit">{t('common.save')}</button>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
    </form>
  );
}

function ChangePassphraseForm() {
  const [current, setCurrent] = useState('');
  const [secret, setSecret] = useState<NewPassphrase>({ passphrase: '', repeated: '' });
  const [verdict, setVerdict] = useState<PassphraseVerdict | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const check = checkNewPassphrase(secret.passphrase, secret.repeated);
    setVerdict(check === 'ok' ? null : check);
    if (check !== 'ok') return action.fail(check === 'too-weak' ? t('passphrase.tooWeak') : t('passphrase.mismatch'));
    const ok = await action.run(
      t('kdf.progressCreate'),
      async () => {
        const { kdf: currentKdf } = await callVault('status', {});
        if (!currentKdf) throw new Error('no vault');
        const currentKek = await derivePassphraseKey(current, currentKdf);
        const kdf = newKdfParams();
        const kek = await derivePassphraseKey(secret.passphrase, kdf);
        await callVault('changePassphrase', { currentKek, kdf, kek });
        return true;
      },
      t('settings.passphraseChanged'),
    );
    if (ok) {
      setCurrent('');
      setSecret({ passphrase: '', repeated: '' });
    }
  };
  return (
    <form autocomplete="off" onSubmit={submit} noValidate>
      <SecretField label={t('passphrase.current')} autocomplete="off" value={current} onInput={setCurrent} />
      <NewPassphraseFields value={secret} onInput={setSecret} verdict={verdict} label="passphrase.new" />
      <button type="submit" disabled={action.busy !== null}>
        {t('settings.changePassphraseSubmit')}
      </button>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
    </form>
  );
}

export function SettingsSection(props: { settings: Settings; persistence: Persistence; onSettings: (s: Settings) => void }) {
  const persistenceText = {
    persistent: t('settings.storagePersistent'),
    'best-effort': t('settings.storageNotPersistent'),
    unknown: t('settings.storageUnknown'),
  }[props.persistence];
  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('settings.title')}
      </h2>
      <section aria-labelledby="settings-autolock" class="panel">
        <h3 id="settings-autolock">{t('settings.autoLockTitle')}</h3>
        <AutoLockForm settings={props.settings} onSaved={props.onSettings} />
      </section>
      <section aria-labelledby="settings-passphrase" class="panel">
        <h3 id="settings-passphrase">{t('settings.changePassphrase')}</h3>
        <ChangePassphraseForm />
      </section>
      <section aria-labelledby="settings-storage" class="panel">
        <h3 id="settings-storage">{t('settings.storage')}</h3>
        <p data-persistence={props.persistence}>{persistenceText}</p>
      </section>
    </>
  );
}
