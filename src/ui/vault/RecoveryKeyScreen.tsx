/**
 * The recovery key, shown once. The user must prove they kept it (its last group) before going
 * on: a key that was never written down is the most common way to lose a vault for good.
 */
import { useState } from 'preact/hooks';
import { ScreenHeading } from '../components/ScreenHeading';
import { TextField } from '../components/Field';
import { AlertLine } from '../components/Messages';
import { saveBlob } from '../blob-url';
import { longDate } from '../format';
import { t } from '../i18n/index';

/** Same forgiveness as the key parser: case, spaces, dashes and look-alike letters. */
const canonical = (text: string) => text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');

export function RecoveryKeyScreen(props: { recoveryKey: string; onDone: () => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lastGroup = props.recoveryKey.split('-').at(-1) ?? '';

  const download = () => {
    const text = t('recovery.fileText', { key: props.recoveryKey, date: longDate(new Date().toISOString()) });
    saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), t('recovery.fileName'));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (canonical(typed) !== canonical(lastGroup)) {
      setError(t('recovery.confirmWrong'));
      return;
    }
    props.onDone();
  };

  return (
    <main class="narrow">
      <ScreenHeading>{t('recovery.title')}</ScreenHeading>
      <p>{t('recovery.intro')}</p>
      <div class="recovery-sheet">
        <p class="print-only">{t('app.name')}</p>
        <h2 id="recovery-key-label">{t('recovery.keyLabel')}</h2>
        <p class="recovery-key mono" aria-labelledby="recovery-key-label" data-testid="recovery-key">
          {props.recoveryKey}
        </p>
      </div>
      <p>{t('recovery.advice')}</p>
      <p class="warning">{t('create.warning')}</p>
      <div class="actions no-print">
        <button type="button" onClick={download}>
          {t('recovery.download')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
      </div>
      <form autocomplete="off" onSubmit={submit} noValidate class="no-print">
        <TextField label={t('recovery.confirmLabel')} value={typed} onInput={setTyped} error={error} />
        <button type="submit" class="primary">
          {t('recovery.done')}
        </button>
        <AlertLine>{error}</AlertLine>
      </form>
    </main>
  );
}
