/** Why a bundle did not open, in plain words per reason, with the technical detail below. */
import { useEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { BundleFile, OpenFailureReason } from '../bundle';
import { visible } from '../bundle/visible';
import { Downloads } from './Downloads';
import { t } from './i18n';

/**
 * `verifiedFiles`: a genuine bundle whose data is too deep to show comes with its files as they
 * came, offered instead of the view.
 */
export function Failure({
  reason,
  detail,
  verifiedFiles,
}: {
  reason: OpenFailureReason | 'internal';
  detail: string;
  verifiedFiles?: BundleFile[] | undefined;
}): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [reason, detail]);
  return (
    <div class="failure" role="alert" tabIndex={-1} ref={box} data-reason={reason}>
      <h2>{t('fail.title')}</h2>
      <p>{t(`fail.${reason}`)}</p>
      {verifiedFiles && (
        <>
          <p>{t('fail.rawFiles')}</p>
          <Downloads files={verifiedFiles} />
        </>
      )}
      <p class="hint">{t('fail.detail', { detail: visible(detail) })}</p>
    </div>
  );
}
