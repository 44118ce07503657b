/** The popup's "who has my data": every active share of every profile — recipient, what, until when. */
import { useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { GrantSummary } from '../../messaging/sharing-api';
import { t } from '../i18n/index';
import { dayText, itemText, sharingError } from './words';

type Active = GrantSummary & { profileName: string };

export function WhoHasMyData(props: { vaultHref: string }) {
  const [open, setOpen] = useState(false);
  const [grants, setGrants] = useState<Active[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    try {
      setGrants(await callVault('grantsActive', {}));
    } catch (caught) {
      setError(sharingError(caught));
    }
  };
  const profiles = new Set(grants?.map((g) => g.profileName));
  return (
    <section aria-labelledby="popup-who" class="who-has">
      <button type="button" aria-expanded={open} aria-controls="popup-who-list" onClick={() => void toggle()}>
        {t('popup.whoHas')}
      </button>
      <div id="popup-who-list" hidden={!open}>
        <h2 id="popup-who">{t('popup.whoHasHeading')}</h2>
        {error && <p role="alert">{error}</p>}
        {grants && grants.length === 0 && <p>{t('popup.whoHasNone')}</p>}
        {grants && grants.length > 0 && (
          <ul class="plain">
            {grants.map((g) => (
              <li key={g.id}>
                {t('popup.whoHasItem', {
                  recipient: g.recipient.name,
                  what: g.items.map(itemText).join(', '),
                  until: g.untilCase
                    ? t('popup.whoHasUntilCase', { caseNumber: g.untilCase.caseNumber })
                    : t('popup.whoHasUntilDate', { date: g.expiresAt ? dayText(g.expiresAt) : '' }),
                })}
                {profiles.size > 1 ? ` (${t('popup.whoHasFor', { name: g.profileName })})` : ''}
              </li>
            ))}
          </ul>
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
