/**
 * An ended share whose recipient still holds a copy (a file, or a notice that did not arrive):
 * the vault cannot reach them, so it says so and hands the citizen a ready message to send —
 * text to copy, or an e-mail to write — with the signed end notice the receiver page can check.
 */
import { useState } from 'preact/hooks';
import type { GrantSummary } from '../../messaging/sharing-api';
import { t } from '../i18n/index';
import { dayText } from './words';

/** The message to the recipient, in the vault's language. */
export function endMessage(g: GrantSummary): { subject: string; body: string } {
  const ended = g.revocation?.at ?? g.expiresAt ?? g.createdAt;
  const reason = g.revocation?.reason === 'case-closed' && g.untilCase ? t('sharing.holds.reasonCase', { caseNumber: g.untilCase.caseNumber }) : '';
  const body = [
    t('sharing.holds.greeting', { name: g.recipient.name }),
    '',
    t('sharing.holds.body', { purpose: g.purpose, date: dayText(ended), reason }),
    '',
    t('sharing.holds.bundleId', { id: g.bundleId }),
    ...(g.revocation ? ['', t('sharing.holds.notice'), g.revocation.notice] : []),
  ].join('\n');
  return { subject: t('sharing.holds.subject'), body };
}

export function HoldsCopy({ grant }: { grant: GrantSummary }) {
  const [copied, setCopied] = useState<string | null>(null);
  const { subject, body } = endMessage(grant);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(body);
      setCopied(t('sharing.holds.copied'));
    } catch {
      // The text stays on screen to select by hand; saying so is the handling.
      setCopied(t('sharing.holds.copyFailed'));
    }
  };
  const id = `holds-${grant.id}`;
  return (
    <div class="holds-copy" data-testid="holds-copy">
      <p class="alert" id={id}>
        {t('sharing.holds.intro', { name: grant.recipient.name })}
      </p>
      <label for={`${id}-text`}>{t('sharing.holds.messageLabel')}</label>
      <textarea id={`${id}-text`} autocomplete="off" readOnly rows={8} value={body} />
      <div class="actions">
        <button type="button" aria-describedby={id} onClick={() => void copy()}>
          {t('sharing.holds.copy')}
        </button>
        <a href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}>{t('sharing.holds.mail')}</a>
      </div>
      <p role="status">{copied ?? ''}</p>
    </div>
  );
}
