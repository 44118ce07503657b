/**
 * The form: the bundle file (dropped or chosen with a labelled file input) and the key — a
 * pasted AGE-SECRET-KEY-1…, a loaded key file, or a passphrase. Nothing is sent anywhere.
 */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { t } from './i18n';
import type { ReceiverMessageKey } from './i18n';
import { checkInput, findIdentity, MAX_BUNDLE_BYTES, type InputProblem, type KeyInput } from './open';
import { formatSize } from './format';

export interface FormProps {
  busy: boolean;
  onOpen(file: File, identity: string | { passphrase: string }): void;
}

const PROBLEM_TEXT: Record<InputProblem, ReceiverMessageKey> = {
  missingFile: 'form.missingFile',
  tooLarge: 'form.tooLarge',
  missingKey: 'form.missingKey',
  badKey: 'form.badKey',
  missingPassphrase: 'form.missingPassphrase',
};

export function Form({ busy, onOpen }: FormProps): JSX.Element {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'identity' | 'passphrase'>('identity');
  const [keyText, setKeyText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [keyFileNote, setKeyFileNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<InputProblem | null>(null);
  const [dragging, setDragging] = useState(false);

  const chooseFile = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    if (problem === 'missingFile' || problem === 'tooLarge') setProblem(null);
  };

  const loadKeyFile = async (chosen: File | null | undefined) => {
    if (!chosen) return;
    // Key files are a few lines; a big file is not one (and is not read whole).
    const text = chosen.size > 64 * 1024 ? '' : await chosen.text().catch(() => '');
    const identity = findIdentity(text);
    if (identity) {
      setKeyText(identity);
      setKeyFileNote(t('form.keyFileLoaded', { name: chosen.name }));
      setProblem(null);
    } else setKeyFileNote(t('form.keyFileEmpty', { name: chosen.name }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const key: KeyInput = mode === 'identity' ? { kind: 'identity', text: keyText } : { kind: 'passphrase', passphrase };
    const checked = checkInput(file, key);
    if (!checked.ok) {
      setProblem(checked.problem);
      const target = checked.problem === 'missingFile' || checked.problem === 'tooLarge' ? 'bundle-file' : mode === 'identity' ? 'identity-text' : 'passphrase';
      document.getElementById(target)?.focus();
      return;
    }
    setProblem(null);
    onOpen(file!, checked.identity);
  };

  const fileProblem = problem === 'missingFile' || problem === 'tooLarge' ? problem : null;
  const keyProblem = problem === 'missingKey' || problem === 'badKey' || problem === 'missingPassphrase' ? problem : null;
  const problemText = (p: InputProblem) => t(PROBLEM_TEXT[p], { max: formatSize(MAX_BUNDLE_BYTES) });

  return (
    <form class="open-form" aria-labelledby="form-title" onSubmit={submit} noValidate>
      <h2 id="form-title">{t('form.title')}</h2>
      <fieldset>
        <legend>{t('form.fileLegend')}</legend>
        <div
          class={dragging ? 'drop-zone dragging' : 'drop-zone'}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            chooseFile(e.dataTransfer?.files[0]);
          }}
        >
          <p>{t('form.dropHint')}</p>
          <label for="bundle-file">{t('form.fileLabel')}</label>
          <input
            id="bundle-file"
            type="file"
            aria-invalid={fileProblem ? 'true' : undefined}
            aria-describedby={fileProblem ? 'bundle-file-problem' : undefined}
            onChange={(e) => chooseFile(e.currentTarget.files?.[0])}
          />
          <p aria-live="polite" class="chosen">
            {file ? t('form.fileChosen', { name: file.name, size: formatSize(file.size) }) : ''}
          </p>
        </div>
        {fileProblem && (
          <p id="bundle-file-problem" class="problem" role="alert">
            {problemText(fileProblem)}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('form.keyLegend')}</legend>
        <div class="choices">
          <label>
            <input type="radio" name="key-kind" checked={mode === 'identity'} onChange={() => (setMode('identity'), setProblem(null))} />
            {t('form.useKey')}
          </label>
          <label>
            <input type="radio" name="key-kind" checked={mode === 'passphrase'} onChange={() => (setMode('passphrase'), setProblem(null))} />
            {t('form.usePassphrase')}
          </label>
        </div>
        {mode === 'identity' ? (
          <>
            <label for="identity-text">{t('form.keyLabel')}</label>
            <textarea
              id="identity-text"
              rows={2}
              spellcheck={false}
              autocomplete="off"
              autoCapitalize="off"
              value={keyText}
              aria-invalid={keyProblem ? 'true' : undefined}
              aria-describedby={keyProblem ? 'identity-hint key-problem' : 'identity-hint'}
              onInput={(e) => setKeyText(e.currentTarget.value)}
            />
            <p id="identity-hint" class="hint">
              {t('form.keyHint')}
            </p>
            <label for="identity-file">{t('form.keyFileLabel')}</label>
            <input id="identity-file" type="file" accept=".txt,.key,text/plain" onChange={(e) => void loadKeyFile(e.currentTarget.files?.[0])} />
            <p aria-live="polite" class="chosen">
              {keyFileNote ?? ''}
            </p>
          </>
        ) : (
          <>
            <label for="passphrase">{t('form.passphraseLabel')}</label>
            <input
              id="passphrase"
              type="password"
              autocomplete="off"
              value={passphrase}
              aria-invalid={keyProblem ? 'true' : undefined}
              aria-describedby={keyProblem ? 'key-problem' : undefined}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </>
        )}
        {keyProblem && (
          <p id="key-problem" class="problem" role="alert">
            {problemText(keyProblem)}
          </p>
        )}
      </fieldset>

      <button type="submit" disabled={busy} aria-disabled={busy ? 'true' : undefined}>
        {busy ? t('form.opening') : t('form.submit')}
      </button>
    </form>
  );
}
