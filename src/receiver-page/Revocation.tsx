/** Loading a withdrawal notice the reader received, to see whether the share is withdrawn. */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { BundleManifest } from '../bundle';
import { formatDateTime } from './format';
import { t } from './i18n';
import { checkNotice, MAX_NOTICE_BYTES, type NoticeOutcome } from './revocation-check';

export function Revocation({ manifest, onWithdrawn }: { manifest: BundleManifest; onWithdrawn(revokedAt: string): void }): JSX.Element {
  const [outcome, setOutcome] = useState<{ name: string; result: NoticeOutcome } | null>(null);
  const load = async (file: File | null | undefined) => {
    if (!file) return;
    // A file that cannot be read is reported like any that holds no notice.
    const text = file.size > MAX_NOTICE_BYTES ? '' : await file.text().catch(() => '');
    const result = checkNotice(text, manifest);
    setOutcome({ name: file.name, result });
    if (result.ok) onWithdrawn(result.revokedAt);
  };
  const result = outcome?.result;
  return (
    <>
      <p class="hint">{t('revocation.hint')}</p>
      <label for="revocation-file">{t('revocation.label')}</label>
      <input id="revocation-file" type="file" accept=".jws,.txt,text/plain" onChange={(e) => void load(e.currentTarget.files?.[0])} />
      <p role="status" class={result && !result.ok ? 'problem' : undefined} data-testid="revocation-check">
        {!outcome || !result
          ? ''
          : result.ok
            ? t('revocation.withdrawn', { date: formatDateTime(result.revokedAt) })
            : t(`revocation.${result.problem}`, { name: outcome.name })}
      </p>
    </>
  );
}
