/**
 * The popup's "who has my data": every active share of every profile — recipient, what, until
 * when — and apart from them, the ended shares whose recipient still holds a copy.
 */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { GrantSummary } from '../../messaging/sharing-api';
import { t } from '../i18n/index';
import { dayText, itemText, sharingError } from './words';

type Held = GrantSummary & { profileName: string };

function HeldItem({ g, manyProfiles }: { g: Held; manyProfiles: boolean }) {
  const what = g.items.map(itemText).join(', ');
  return (
    <li data-status={g.status}>
      {g.status === 'active'
        ? t('popup.whoHasItem', {
            recipient: g.recipient.name,
            what,
            until: g.untilCase
              ? t('popup.whoHasUntilCase', { caseNumber: g.untilCase.caseNumber })
              : t('popup.whoHasUntilDate', { date: g.expiresAt ? dayText(g.expiresAt) : '' }),
          })
        : t('popup.whoHasEnded', { recipient: g.recipient.name, what })}
      {manyProfiles ? ` (${t('popup.whoHasFor', { name: g.profileName })})` : ''}
    </li>
  );
}

export function WhoHasMyData(props: { vaultHref: string }) {
  const [open, setOpen] = useState(false);
  const [grants, setGrants] = useState<Held[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    try {
      setGrants(await callVault('grantsHeld', {}));
    } catch (caught) {
      setError(sharingError(caught));
    }
  };
  const manyProfiles = new Set(grants?.map((g) => g.profileName)).size > 1;
  const active = grants?.filter((g) => g.status === 'active') ?? [];
  const ended = grants?.filter((g) => g.status !== 'active') ?? [];
  return (
    <section aria-labelledby="popup-who" class="who-has">
      <button type="button" aria-expanded={open} aria-controls="popup-who-list" onClick={() => void toggle()}>
        {t('popup.whoHas')}
      </button>
      <div id="popup-who-list" hidden={!open}>
        <h2 id="popup-who">{t('popup.whoHasHeading')}</h2>
        {error && <p role="alert">{error}</p>}
        {grants && grants.length === 0 && <p>{t('popup.whoHasNone')}</p>}
        {active.length === 0 && ended.length > 0 && <p>{t('popup.whoHasNoActive')}</p>}
        {active.length > 0 && (
          <ul class="plain" aria-label={t('popup.whoHasActive')}>
            {active.map((g) => (
              <HeldItem key={g.id} g={g} manyProfiles={manyProfiles} />
            ))}
          </ul>
        )}
        {ended.length > 0 && (
          <>
            <h3>{t('popup.whoHasEndedHeading')}</h3>
            <ul class="plain" aria-label={t('popup.whoHasEndedHeading')}>
              {ended.map((g) => (
                <HeldItem key={g.id} g={g} manyProfiles={manyProfiles} />
              ))}
            </ul>
          </>
        )}
        <p>
          <a href={props.vaultHref} target="_blank" rel="noopener">
            {t('popup.whoHasManage')}
          </a>
        </p>
      </div>
    </section>
  );
}
