/**
 * Whether the share has ended: the status the bundle's own place gives when the reader asks,
 * and a withdrawal notice the reader received and loads.
 */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { BundleManifest } from '../bundle';
import { statusUrl, type BundleStatus } from '../bundle/status';
import { formatDateTime } from './format';
import { t } from './i18n';
import { checkNotice, fetchStatus, MAX_NOTICE_BYTES, type NoticeOutcome } from './revocation-check';

export function Revocation(props: { manifest: BundleManifest; onWithdrawn(revokedAt: string): void; onStatus(status: BundleStatus): void }): JSX.Element {
  const { manifest, onWithdrawn } = props;
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
      <StatusCheck {...props} />
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

/** The status check, offered only when the bundle names a place; it asks only on the reader's press. */
function StatusCheck({ manifest, onWithdrawn, onStatus }: { manifest: BundleManifest; onWithdrawn(at: string): void; onStatus(s: BundleStatus): void }) {
  const place = statusUrl(manifest);
  const [status, setStatus] = useState<BundleStatus | 'checking' | null>(null);
  if (!place) return <p class="hint">{t('revocation.noPlace')}</p>;
  const check = async () => {
    setStatus('checking');
    const checked = await fetchStatus(manifest);
    setStatus(checked);
    onStatus(checked);
    if (checked.state === 'ended') onWithdrawn(checked.endedAt);
  };
  const host = new URL(place).host;
  return (
    <>
      <p class="hint">{t('revocation.statusHint', { place: host })}</p>
      <button type="button" disabled={status === 'checking'} onClick={() => void check()}>
        {t('revocation.statusCheck')}
      </button>
      <p role="status" class={status && status !== 'checking' && status.state === 'unknown' ? 'problem' : undefined} data-testid="status-check">
        {status === null
          ? ''
          : status === 'checking'
            ? t('revocation.statusChecking')
            : status.state === 'active'
              ? t('revocation.statusActive', { place: host })
              : status.state === 'ended'
                ? t('revocation.statusEnded', { date: formatDateTime(status.endedAt), place: host })
                : t(`revocation.unknown.${status.reason === 'no-place' ? 'unreachable' : status.reason}`, { place: host })}
      </p>
    </>
  );
}
