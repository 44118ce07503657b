/**
 * The unlocked vault: a header that always says whose data is shown, the sections, and the
 * backup reminder (a quiet badge on the backup section, a banner once enough has changed). Each
 * screen has its own address (src/ui/routing), so Back, Forward, reload and bookmarks work and an
 * unlock opens the screen the vault was locked on.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import type { Settings } from '../../messaging/settings';
import { BackupReminder } from '../components/BackupReminder';
import { AlertLine } from '../components/Messages';
import { backupNudge, type BackupNudge } from '../backup-reminder';
import { errorMessage } from '../errors';
import { t, type MessageKey } from '../i18n/index';
import { profileLabel, type Profile } from '../profiles';
import { formatRoute, parseRoute, SECTIONS, type OverviewRoute, type Section, type VaultRoute } from '../routing/route';
import { OverviewHref, useVaultRoute } from '../routing/use-route';
import type { Persistence } from '../storage-persistence';
import { BackupSection } from './BackupSection';
import { NotesSection } from './NotesSection';
import { ProfilesSection } from './ProfilesSection';
import { SettingsSection } from './SettingsSection';
import { MunicipalitySection } from '../municipal/MunicipalitySection';
import { OverviewSection } from '../municipal/OverviewSection';
import { hasMunicipalConnection } from '../municipal/landing';
import { LettersSection } from '../letters/LettersSection';
import type { CaseRef } from '../../records/letters/index';
import { MoneySection } from '../money/MoneySection';
import { HealthSection } from '../health/HealthSection';
import { SharingSection } from '../sharing/SharingSection';

export { SECTIONS, type Section };

const SECTION_LABEL: Record<Section, MessageKey> = {
  overview: 'section.overview',
  municipality: 'section.municipality',
  letters: 'section.letters',
  money: 'section.money',
  health: 'section.health',
  notes: 'section.notes',
  sharing: 'section.sharing',
  profiles: 'section.profiles',
  settings: 'section.settings',
  backup: 'section.backup',
};

/** Which profile is shown when the address names none (the id is an opaque random string). */
const PROFILE_KEY = 'handlerum.currentProfile';

/** Where an address without a screen lands: the notes, or the overview once a municipality is connected (see below). */
const landing = (): VaultRoute => ({ section: 'notes', profileId: sessionStorage.getItem(PROFILE_KEY), overview: null });

/** The address of a section for a profile; the overview opens on Now. */
const sectionRoute = (section: Section, profileId: string | null): VaultRoute => ({
  section,
  profileId,
  overview: section === 'overview' ? { view: 'now' } : null,
});

export function MainScreen(props: { persistence: Persistence; onLock: () => void; onRestored: () => void }) {
  /** Opened without an address: the overview may still become the landing section once a municipality turns out to be connected. */
  const landed = useRef(parseRoute(location.hash) === null);
  const { route, go } = useVaultRoute(landing);
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notesRefresh, setNotesRefresh] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [nudge, setNudge] = useState<BackupNudge>('none');
  const heading = useRef<HTMLHeadingElement>(null);
  const firstSection = useRef(true);
  const section = route.section;
  const routeRef = useRef(route);
  routeRef.current = route;

  const selectProfile = (id: string) => {
    sessionStorage.setItem(PROFILE_KEY, id);
    // Another person's data: a case or document page of the previous one has no meaning there.
    go(sectionRoute(routeRef.current.section, id));
  };

  const loadProfiles = async () => {
    try {
      setProfiles(await callVault('listProfiles', {}));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  const loadSettings = async (options: { updateReminder?: boolean } = {}) => {
    try {
      const next = await callVault('getSettings', {});
      setSettings(next);
      const level = backupNudge(next, new Date());
      // The badge follows at once; a banner appears only on a move (below), as a badge until then.
      setNudge((shown) => (options.updateReminder || level !== 'banner' || shown === 'banner' ? level : 'badge'));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const current =
    profiles?.find((p) => p.id === route.profileId) ?? profiles?.find((p) => p.id === sessionStorage.getItem(PROFILE_KEY)) ?? profiles?.[0] ?? null;

  // The address always names the profile shown (a bookmark opens the same person's data).
  useEffect(() => {
    if (!current || route.profileId === current.id || landed.current) return;
    sessionStorage.setItem(PROFILE_KEY, current.id);
    // No profile named: the same screen for the one shown. An unknown one (deleted, or another vault's bookmark): that section's start.
    go(route.profileId === null ? { ...route, profileId: current.id } : sectionRoute(route.section, current.id), { replace: true });
  }, [current?.id, route.profileId]);

  /**
   * The reminder is re-evaluated when the page opens, on a move to another screen and after a
   * backup, never in the middle of a task: a banner popping up would move the page under the
   * user's pointer.
   */
  useEffect(() => {
    void loadSettings({ updateReminder: true });
  }, [section]);

  useEffect(() => {
    heading.current?.focus();
    void loadProfiles();
    return onVaultEvent((event) => {
      if (event.type !== 'changed') return;
      if (event.changes.some((c) => c.kind === 'profile')) void loadProfiles();
      if (event.changes.some((c) => c.kind !== 'profile')) setNotesRefresh((n) => n + 1);
      // The background counts changes for the backup reminder just after it broadcasts them.
      setTimeout(() => void loadSettings(), 300);
    });
  }, []);

  useEffect(() => {
    if (firstSection.current) {
      firstSection.current = false;
      return;
    }
    landed.current = false;
    document.getElementById('section-heading')?.focus();
  }, [section]);

  useEffect(() => {
    if (!current || !landed.current) return;
    void hasMunicipalConnection(current.id).then((connected) => {
      if (!connected || !landed.current) return;
      firstSection.current = true; // landing, not a move: focus stays where the page put it
      go(sectionRoute('overview', current.id), { replace: true });
    });
  }, [current?.id]);

  const openSection = (next: Section) => go(sectionRoute(next, current?.id ?? route.profileId));
  const openOverview = (to: OverviewRoute) => go({ section: 'overview', profileId: current?.id ?? route.profileId, overview: to });
  const overviewHref = (to: OverviewRoute) => formatRoute({ section: 'overview', profileId: current?.id ?? route.profileId, overview: to });
  /** A letter's case: the municipality's opens in the overview, the citizen's own under the letters. */
  const caseRoute = (ref: CaseRef): VaultRoute =>
    ref.kind === 'own-case'
      ? { section: 'letters', profileId: current?.id ?? route.profileId, overview: null, ownCase: ref.id }
      : { section: 'overview', profileId: current?.id ?? route.profileId, overview: { view: 'case', id: ref.id } };
  const caseLinks = { href: (ref: CaseRef) => formatRoute(caseRoute(ref)), open: (ref: CaseRef) => go(caseRoute(ref)) };

  return (
    <div class="app">
      <header class="top">
        <h1 ref={heading} tabIndex={-1} class="brand">
          {t('app.name')}
        </h1>
        {profiles && current && (
          <div class="whose">
            <label for="profile-switch">{t('header.viewing')}</label>
            <select autocomplete="off" id="profile-switch" value={current.id} onChange={(e) => selectProfile(e.currentTarget.value)}>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {profileLabel(p)}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" class="lock" onClick={props.onLock}>
          {t('header.lock')}
        </button>
      </header>
      <nav aria-label={t('header.sections')} class="sections">
        <ul>
          {SECTIONS.map((s) => {
            const badge = s === 'backup' && nudge !== 'none';
            return (
              <li key={s}>
                {/* The badge is a description, not part of the name: the button is still called "Sikkerhedskopi". */}
                <button
                  type="button"
                  aria-current={s === section ? 'page' : undefined}
                  aria-describedby={badge ? 'backup-badge' : undefined}
                  onClick={() => openSection(s)}
                >
                  {t(SECTION_LABEL[s])}
                  {badge && <span class="badge" aria-hidden="true" title={t('reminder.badge')} />}
                </button>
                {badge && (
                  <span id="backup-badge" hidden>
                    {t('reminder.badge')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      {nudge === 'banner' && section !== 'backup' && <BackupReminder onBackup={() => openSection('backup')} />}
      <AlertLine>{error}</AlertLine>
      <main class="section">
        {/* Keyed by profile: one person's notes must never show under another's name, not even while loading. */}
        {section === 'overview' && current && (
          <OverviewHref.Provider value={overviewHref}>
            <OverviewSection key={current.id} profile={current} route={route.overview ?? { view: 'now' }} onRoute={openOverview} />
          </OverviewHref.Provider>
        )}
        {section === 'municipality' && current && <MunicipalitySection key={current.id} profile={current} onShowOverview={() => openSection('overview')} />}
        {section === 'letters' && current && (
          <LettersSection
            key={current.id}
            profile={current}
            ownCase={route.ownCase}
            caseLinks={caseLinks}
            lettersHref={formatRoute(sectionRoute('letters', current.id))}
            onAllLetters={() => openSection('letters')}
          />
        )}
        {section === 'money' && current && <MoneySection key={current.id} profile={current} />}
        {section === 'health' && current && <HealthSection key={current.id} profile={current} />}
        {section === 'notes' && current && <NotesSection key={current.id} profile={current} refreshKey={notesRefresh} />}
        {section === 'sharing' && current && <SharingSection key={current.id} profile={current} refreshKey={notesRefresh} />}
        {section === 'profiles' && profiles && current && (
          <ProfilesSection profiles={profiles} currentId={current.id} onSelect={selectProfile} onChanged={loadProfiles} />
        )}
        {section === 'settings' && settings && <SettingsSection settings={settings} persistence={props.persistence} onSettings={setSettings} />}
        {section === 'backup' && settings && (
          <BackupSection settings={settings} onBackedUp={() => void loadSettings({ updateReminder: true })} onRestored={props.onRestored} />
        )}
      </main>
    </div>
  );
}
