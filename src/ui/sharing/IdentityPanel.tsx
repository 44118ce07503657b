/** The profile's public key: fingerprint in groups to compare, QR code (the full key), identity file. */
import { useEffect, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { SharingIdentity } from '../../messaging/sharing-api';
import { saveBlob } from '../blob-url';
import { Busy } from '../components/Messages';
import { t } from '../i18n/index';
import { QrCode } from './QrCode';
import { sharingError } from './words';

export function IdentityPanel(props: { profileId: string }) {
  const [identity, setIdentity] = useState<SharingIdentity | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    callVault('sharingIdentity', { profileId: props.profileId }).then(setIdentity, (e: unknown) => setError(sharingError(e)));
  }, [props.profileId]);

  const download = () => {
    if (!identity) return;
    const safeName =
      identity.name
        .toLowerCase()
        .replace(/[^a-z0-9æøå]+/g, '-')
        .replace(/^-|-$/g, '') || 'profil';
    saveBlob(new Blob([identity.identityFile], { type: 'application/json' }), t('sharing.identity.fileName', { name: safeName }));
  };

  return (
    <section aria-labelledby="sharing-identity" class="panel">
      <h3 id="sharing-identity">{t('sharing.identity.heading')}</h3>
      <p>{t('sharing.identity.intro')}</p>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {!identity && !error && <Busy label={t('sharing.identity.loading')} />}
      {identity && (
        <>
          <p class="hint" id="fingerprint-hint">
            {t('sharing.identity.fingerprintHint')}
          </p>
          <p class="fingerprint mono" aria-describedby="fingerprint-hint" data-fingerprint={identity.fingerprint}>
            <span class="label">{t('sharing.identity.fingerprint')}: </span>
            <Groups groups={identity.fingerprintGroups} />
          </p>
          <p class="hint" id="signing-fingerprint-hint">
            {t('sharing.identity.signingFingerprintHint')}
          </p>
          <p class="fingerprint mono" aria-describedby="signing-fingerprint-hint" data-signing-fingerprint={identity.signingFingerprint}>
            <span class="label">{t('sharing.identity.signingFingerprint')}: </span>
            <Groups groups={identity.signingFingerprintGroups} />
          </p>
          <QrCode text={identity.identityFile} label={t('sharing.identity.qr')} />
          <div class="actions">
            <button type="button" onClick={download}>
              {t('sharing.identity.download')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Groups(props: { groups: string[] }) {
  return (
    <>
      {props.groups.map((g, i) => (
        <span key={i} class="group">
          {g}
          {i < props.groups.length - 1 ? ' ' : ''}
        </span>
      ))}
    </>
  );
}
