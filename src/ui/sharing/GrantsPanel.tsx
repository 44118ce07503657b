/**
 * The grants ledger: every share with recipient, purpose, what, since and until when, and its
 * status. Revoking is explained honestly: the consent ends and the recipient is told, but what
 * they already opened cannot be taken back.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callVault } from '../../messaging/client';
import { hostPermissionPattern, type GrantSummary, type RecipientSummary } from '../../messaging/sharing-api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { WindowedList } from '../components/WindowedList';
import { ActionFeedback } from '../components/Messages';
import { relativeTime } from '../format';
import { t } from '../i18n/index';
import { HoldsCopy } from './HoldsCopy';
import { itemText, sharingError, untilText } from './words';

/** Every delivery of the bundle, oldest first: each download, each sending to the recipient or the inbox, and each failed attempt. */
function DeliveryList({ grantId, deliveries }: { grantId: string; deliveries: GrantSummary['deliveries'] }) {
  if (deliveries.length === 0) return null;
  return (
    <ul class="meta deliveries" aria-label={t('sharing.grants.deliveries')} id={`grant-${grantId}-deliveries`}>
      {deliveries.map((d, i) => (
        <li key={i}>
          {d.ok
            ? t(`sharing.grants.delivered.${d.channel}`, { when: relativeTime(d.at), detail: d.detail })
            : t('sharing.grants.notDelivered', { when: relativeTime(d.at) })}
        </li>
      ))}
    </ul>
  );
}

export function GrantsPanel(props: { profileId: string; grants: GrantSummary[]; recipients: RecipientSummary[]; onChanged: () => void }) {
  const [revoking, setRevoking] = useState<GrantSummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const revoke = async (grant: GrantSummary) => {
    setRevoking(null);
    const endpoint = props.recipients.find((r) => r.id === grant.recipient.id)?.endpoints.revocation;
    // Asked for inside the click (the dialog's button): browsers only prompt for a user gesture.
    // Refused or not, the grant is revoked; only the notice cannot then be sent.
    if (endpoint) await browser.permissions.request({ origins: [hostPermissionPattern(new URL(endpoint).origin)] }).catch(() => false);
    setBusy(t('sharing.grants.revoking'));
    setDone(null);
    setError(null);
    try {
      const result = await callVault('grantRevoke', { profileId: props.profileId, grantId: grant.id });
      const delivery = result.revocation?.delivery ?? null;
      const name = grant.recipient.name;
      if (!delivery) setDone(t('sharing.grants.revokedNoEndpoint', { name }));
      else if (delivery.ok) setDone(t('sharing.grants.revoked', { name }));
      else setDone(t('sharing.grants.revokedNotDelivered', { name, detail: delivery.detail }));
      props.onChanged();
    } catch (caught) {
      setError(sharingError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="sharing-grants" class="panel">
      <h3 id="sharing-grants">{t('sharing.grants.heading')}</h3>
      <ActionFeedback busy={busy} done={done} error={error} />
      {props.grants.length === 0 ? (
        <p class="empty-list">{t('sharing.grants.empty')}</p>
      ) : (
        <WindowedList
          id="sharing-grants-list"
          class="cards grants"
          label={t('sharing.grants.listLabel')}
          items={props.grants}
          keyOf={(g) => g.id}
          rowAttrs={(g) => ({ 'data-status': g.status })}
          renderItem={(g) => (
            <article aria-labelledby={`grant-${g.id}`}>
              <h4 id={`grant-${g.id}`}>{t('sharing.grants.to', { name: g.recipient.name, purpose: g.purpose })}</h4>
              <p class="status-badge">{t(`sharing.grants.status.${g.status}`)}</p>
              <ul>
                {g.items.map((item, i) => (
                  <li key={i}>{itemText(item)}</li>
                ))}
              </ul>
              <p class="meta">
                {t('sharing.grants.created', { when: relativeTime(g.createdAt) })} · {untilText(g)}
              </p>
              <DeliveryList grantId={g.id} deliveries={g.deliveries} />
              {g.revocation?.delivery && (
                <p class="meta">
                  {g.revocation.delivery.ok
                    ? t('sharing.grants.noticeSent', { when: relativeTime(g.revocation.delivery.at) })
                    : t('sharing.grants.noticeFailed')}
                </p>
              )}
              {g.holdsCopy && <HoldsCopy grant={g} />}
              {g.status === 'active' && (
                <div class="actions">
                  <button type="button" class="danger" aria-describedby={`grant-${g.id}`} onClick={() => setRevoking(g)} disabled={busy !== null}>
                    {t('sharing.grants.revoke')}
                  </button>
                </div>
              )}
            </article>
          )}
        />
      )}
      {revoking && (
        <ConfirmDialog
          message={t('sharing.grants.revokeConfirm', { name: revoking.recipient.name })}
          confirmLabel={t('sharing.grants.revoke')}
          onCancel={() => setRevoking(null)}
          onConfirm={() => void revoke(revoking)}
        />
      )}
    </section>
  );
}
