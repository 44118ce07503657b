/** Why a bundle did not open, in plain words per reason, with the technical detail below. */
import { useEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { OpenFailureReason } from '../bundle';
import { t } from './i18n';

export function Failure({ reason, detail }: { reason: OpenFailureReason | 'internal'; detail: string }): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [reason, detail]);
  return (
    <div class="failure" role="alert" tabIndex={-1} ref={box} data-reason={reason}>
      <h2>{t('fail.title')}</h2>
      <p>{t(`fail.${reason}`)}</p>
      <p class="hint">{t('fail.detail', { detail })}</p>
    </div>
  );
}
