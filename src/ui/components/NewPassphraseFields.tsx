/** "Choose a passphrase" + "repeat it", with the rule explained up front and checked on submit. */
import { SecretField } from './Field';
import { t, type MessageKey } from '../i18n/index';
import type { PassphraseVerdict } from '../passphrase-rule';

export interface NewPassphrase {
  passphrase: string;
  repeated: string;
}

export function NewPassphraseFields(props: {
  value: NewPassphrase;
  onInput: (value: NewPassphrase) => void;
  /** The verdict of the last submit attempt; shown next to the field it concerns. */
  verdict: PassphraseVerdict | null;
  label?: MessageKey;
}) {
  const { value, verdict } = props;
  return (
    <>
      <SecretField
        label={t(props.label ?? 'passphrase.label')}
        hint={t('passphrase.rule')}
        autocomplete="new-password"
        value={value.passphrase}
        error={verdict === 'too-weak' ? t('passphrase.tooWeak') : null}
        onInput={(passphrase) => props.onInput({ ...value, passphrase })}
      />
      <SecretField
        label={t('passphrase.confirm')}
        autocomplete="new-password"
        value={value.repeated}
        error={verdict === 'mismatch' ? t('passphrase.mismatch') : null}
        onInput={(repeated) => props.onInput({ ...value, repeated })}
      />
    </>
  );
}
