/**
 * The powers of attorney a citizen has given, as their municipality listed them at the last
 * sync, each with a way to ask the municipality to withdraw it (confirmed first).
 */
import { useId, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { ConnectionSummary } from '../../messaging/municipal-api';
import type { GivenPower } from '../../records/municipal/index';
import { ModalDialog } from '../components/ModalDialog';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';
import { categoryWords } from './basis';
import { dateTimeText, dayText } from './format';

function WithdrawDialog(props: { power: GivenPower; municipality: string; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  const words = { name: props.power.representative.name, municipality: props.municipality };
  return (
    <ModalDialog labelId={`${id}-title`} initialFocus="button.cancel" onCancel={props.onCancel}>
      <h3 id={`${id}-title`}>{t('powers.withdrawTitle', words)}</h3>
      <p>{t('powers.withdrawBody', words)}</p>
      <div class="actions">
        <button type="button" class="cancel" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="danger" onClick={props.onConfirm}>
          {t('powers.withdrawConfirm')}
        </button>
      </div>
    </ModalDialog>
  );
}

function statusText(p: GivenPower): string {
  if (p.status === 'withdrawn') return t('powers.status.withdrawn', { when: p.withdrawnAt ? dateTimeText(p.withdrawnAt) : '' });
  return t(`powers.status.${p.status}`);
}

/** For the citizen's own connection only; nothing before the municipality has listed any. */
export function GivenPowers(props: { profileId: string; connection: ConnectionSummary; onChanged: (c: ConnectionSummary) => void }) {
  const c = props.connection;
  const id = useId();
  const [withdrawing, setWithdrawing] = useState<GivenPower | null>(null);
  const action = useAction();
  if (c.actor?.relation !== 'self') return null;
  const withdraw = (p: GivenPower) => {
    setWithdrawing(null);
    void action.run(
      t('powers.withdrawing'),
      async () => props.onChanged(await callVault('municipalWithdrawPower', { profileId: props.profileId, connectionId: c.id, powerId: p.id })),
      t('powers.withdrawn', { name: p.representative.name }),
    );
  };
  return (
    <section aria-labelledby={`${id}-title`} class="given-powers">
      <h5 id={`${id}-title`}>{t('powers.title')}</h5>
      {c.givenPowers === null && <p class="empty-list">{t('powers.notListed', { municipality: c.municipality.name })}</p>}
      {c.givenPowers?.length === 0 && <p class="empty-list">{t('powers.none', { municipality: c.municipality.name })}</p>}
      <ul>
        {(c.givenPowers ?? []).map((p) => (
          <li key={p.id}>
            <article aria-labelledby={`${id}-${p.id}`}>
              <h6 id={`${id}-${p.id}`}>{p.representative.name}</h6>
              <p>{t('basis.covers', { categories: categoryWords(p.categories) })}</p>
              <p>
                {p.validUntil
                  ? t('powers.period', { from: dayText(p.validFrom), until: dayText(p.validUntil) })
                  : t('powers.periodOpen', { from: dayText(p.validFrom) })}{' '}
                {statusText(p)}
              </p>
              {(p.status === 'active' || p.status === 'not-yet-valid') && (
                <button type="button" class="danger" aria-describedby={`${id}-${p.id}`} disabled={action.busy !== null} onClick={() => setWithdrawing(p)}>
                  {t('powers.withdraw')}
                </button>
              )}
            </article>
          </li>
        ))}
      </ul>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {withdrawing && (
        <WithdrawDialog power={withdrawing} municipality={c.municipality.name} onConfirm={() => withdraw(withdrawing)} onCancel={() => setWithdrawing(null)} />
      )}
    </section>
  );
}
