/**
 * The toolbar popup: lock state at a glance, unlock, what is new, the backup reminder, and the
 * way into the vault page (opened as a plain link: no "tabs" permission needed).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callVault, onVaultEvent } from '../../messaging/client';
import type { StatusInfo } from '../../messaging/api';
import { backupNudge } from '../backup-reminder';
import { formatRoute, type Section } from '../routing/route';
import { BackupReminder } from '../components/BackupReminder';
import { AlertLine, Busy } from '../components/Messages';
import { errorMessage } from '../errors';
import { relativeTime } from '../format';
import { t } from '../i18n/index';
import { profileLabel, type Profile } from '../profiles';
import { requestPersistentStorage } from '../storage-persistence';
import { UnlockForm } from '../vault/UnlockScreen';
import { recentNotes, type RecentNote } from './recent-notes';
import { WhoHasMyData } from '../sharing/WhoHasMyData';
import { bestEffort } from '../../shared/best-effort';

const vaultUrl = (): string => browser.runtime.getURL('/vault.html');
/** The vault page at one of its sections (its address, so the page opens there). */
const vaultSectionUrl = (section: Section): string => vaultUrl() + formatRoute({ section, profileId: null, overview: null });

function OpenVaultLink(props: { label: string }) {
  return (
    <a class="button primary" href={vaultUrl()} target="_blank" rel="noopener">
      {props.label}
    </a>
  );
}

function UnlockedView(props: { status: StatusInfo; onLocked: () => void }) {
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  const [recent, setRecent] = useState<RecentNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const list = await callVault('listProfiles', {});
      setProfiles(list);
      setRecent(await recentNotes(list));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  useEffect(() => {
    void load();
    return onVaultEvent((event) => {
      if (event.type === 'changed') void load();
    });
  }, []);
  const lock = async () => {
    await bestEffort(callVault('lock', {}), 'the popup shows the locked state either way; the background locks on its timer');
    props.onLocked();
  };
  return (
    <>
      <p class="state unlocked">{t('popup.unlocked')}</p>
      {props.status.settings && backupNudge(props.status.settings, new Date()) === 'banner' && <BackupReminder backupHref={vaultSectionUrl('backup')} />}
      <AlertLine>{error}</AlertLine>
      <section aria-labelledby="popup-people">
        <h2 id="popup-people">{t('popup.people')}</h2>
        {profiles && (
          <ul class="plain">
            {profiles.map((p) => (
              <li key={p.id}>{profileLabel(p)}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="popup-recent">
        <h2 id="popup-recent">{t('popup.recent')}</h2>
        {recent && recent.length === 0 && <p>{t('popup.noRecent')}</p>}
        {recent && recent.length > 0 && (
          <ul class="plain">
            {recent.map((n) => (
              <li key={n.id}>{t('popup.noteBy', { title: n.title, name: n.profileName, when: relativeTime(n.updatedAt) })}</li>
            ))}
          </ul>
        )}
      </section>
      <WhoHasMyData vaultHref={vaultSectionUrl('sharing')} />
      <div class="actions">
        <OpenVaultLink label={t('popup.open')} />
        <button type="button" onClick={() => void lock()}>
          {t('popup.lockNow')}
        </button>
      </div>
    </>
  );
}

export function PopupApp() {
  const [status, setStatus] = useState<StatusInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = async () => {
    try {
      setStatus(await callVault('status', {}));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  useEffect(() => {
    void refresh();
    return onVaultEvent((event) => {
      if (event.type === 'state') void refresh();
    });
  }, []);

  return (
    <main class="popup">
      <h1>{t('app.name')}</h1>
      <AlertLine>{error}</AlertLine>
      {!status && !error && <Busy label={t('common.working')} />}
      {status?.state === 'no-vault' && (
        <>
          <p>{t('popup.noVault')}</p>
          <OpenVaultLink label={t('popup.create')} />
        </>
      )}
      {status?.state === 'locked' && (
        <>
          <p class="state locked">{t('popup.locked')}</p>
          <UnlockForm
            onUnlocked={() => {
              void requestPersistentStorage();
              void refresh();
            }}
          />
          <p>
            <a href={vaultUrl()} target="_blank" rel="noopener">
              {t('popup.open')}
            </a>
          </p>
        </>
      )}
      {status?.state === 'unlocked' && <UnlockedView status={status} onLocked={() => void refresh()} />}
    </main>
  );
}
