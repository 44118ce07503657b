/**
 * "Deling": the profile's key, its recipients, the share wizard, the ledger of who has what
 * until when, and the transparency log. Nothing leaves without the wizard's approval step.
 */
import { useEffect, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { GrantSummary, RecipientSummary } from '../../messaging/sharing-api';
import { AlertLine } from '../components/Messages';
import { t } from '../i18n/index';
import type { Profile } from '../profiles';
import { GrantsPanel } from './GrantsPanel';
import { IdentityPanel } from './IdentityPanel';
import { LogPanel } from './LogPanel';
import { RecipientsPanel } from './RecipientsPanel';
import { ShareWizard } from './ShareWizard';
import { sharingError } from './words';
import './sharing.css';

export function SharingSection(props: { profile: Profile; refreshKey: number }) {
  const { profile } = props;
  const [recipients, setRecipients] = useState<RecipientSummary[]>([]);
  const [grants, setGrants] = useState<GrantSummary[]>([]);
  const [wizard, setWizard] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [logKey, setLogKey] = useState(0);

  const load = async () => {
    try {
      setRecipients(await callVault('recipientList', { profileId: profile.id }));
      setGrants(await callVault('grantsList', { profileId: profile.id }));
      setLogKey((k) => k + 1);
    } catch (caught) {
      setError(sharingError(caught));
    }
  };
  useEffect(() => void load(), [profile.id, props.refreshKey]);

  const start = () => {
    if (recipients.length === 0) return setHint(t('sharing.needRecipient'));
    setHint(null);
    setWizard(true);
  };

  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('sharing.title', { name: profile.data.name })}
      </h2>
      <p>{t('sharing.intro')}</p>
      <AlertLine>{error}</AlertLine>
      {wizard ? (
        <ShareWizard
          profileId={profile.id}
          recipients={recipients}
          onShared={() => void load()}
          onClose={() => {
            setWizard(false);
            void load();
          }}
        />
      ) : (
        <>
          <div class="actions">
            <button type="button" class="primary" onClick={start}>
              {t('sharing.start')}
            </button>
          </div>
          <AlertLine>{hint}</AlertLine>
          <GrantsPanel profileId={profile.id} grants={grants} recipients={recipients} onChanged={() => void load()} />
          <RecipientsPanel profileId={profile.id} recipients={recipients} onChanged={() => void load()} />
          <IdentityPanel profileId={profile.id} />
          <LogPanel refreshKey={logKey} />
        </>
      )}
    </>
  );
}
