/**
 * The unlocked vault: a header that always says whose data is shown, the sections, and the
 * backup reminder. Built for more sections (cases, payments…) as more record kinds arrive.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import type { Settings } from '../../messaging/settings';
import { BackupReminder } from '../components/BackupReminder';
import { AlertLine } from '../components/Messages';
import { needsBackupReminder } from '../backup-reminder';
import { errorMessage } from '../errors';
import { t, type MessageKey } from '../i18n/index';
import { profileLabel, type Profile } from '../profiles';
import type { Persistence } from '../storage-persistence';
import { BackupSection } from './BackupSection';
import { NotesSection } from './NotesSection';
import { ProfilesSection } from './ProfilesSection';
import { SettingsSection } from './SettingsSection';
import { MunicipalitySection } from '../municipal/MunicipalitySection';
import { OverviewSection } from '../municipal/OverviewSection';
import { hasMunicipalConnection } from '../municipal/landing';
import { MoneySection } from '../money/MoneySection';
import { HealthSection } from '../health/HealthSection';
import { SharingSection } from '../sharing/SharingSection';

export const SECTIONS = ['overview', 'municipality', 'money', 'health', 'notes', 'sharing', 'profiles', 'settings', 'backup'] as const;
export type Section = (typeof SECTIONS)[number];

const SECTION_LABEL: Record<Section, MessageKey> = {
  overview: 'section.overview',
  municipality: 'section.municipality',
  money: 'section.money',
  health: 'section.health',
  notes: 'section.notes',
  sharing: 'section.sharing',
  profiles: 'section.profiles',
  settings: 'section.settings',
  backup: 'section.backup',
};

/** Which profile is shown survives a reload of the page (the id is an opaque random string). */
const PROFILE_KEY = 'handlerum.currentProfile';

export function MainScreen(props: { persistence: Persistence; onLock: () => void; onRestored: () => void }) {
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(sessionStorage.getItem(PROFILE_KEY));
  const [settings, setSettings] = useState<Settings | null>(null);
  const [section, setSection] = useState<Section>('notes');
  const [notesRefresh, setNotesRefresh] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [showReminder, setShowReminder] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstSection = useRef(true);
  /** The overview becomes the landing section once a municipality is connected, unless the user already chose one. */
  const sectionChosen = useRef(false);

  const selectProfile = (id: string) => {
    sessionStorage.setItem(PROFILE_KEY, id);
    setCurrentId(id);
  };

  const loadProfiles = async (selectId?: string) => {
    try {
      const list = await callVault('listProfiles', {});
      setProfiles(list);
      setCurrentId((current) => {
        const wanted = selectId ?? current;
        const next = list.find((p) => p.id === wanted)?.id ?? list[0]?.id ?? null;
        if (next) sessionStorage.setItem(PROFILE_KEY, next);
        return next;
      });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  const loadSettings = async (options: { updateReminder?: boolean } = {}) => {
    try {
      const next = await callVault('getSettings', {});
      setSettings(next);
      if (options.updateReminder) setShowReminder(needsBackupReminder(next, new Date()));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  /**
   * The reminder is re-evaluated when the page opens, on a change of section and after a
   * backup, never in the middle of a task: a banner popping up would move the page under the
   * user's pointer.
   */
  const openSection = (next: Section) => {
    sectionChosen.current = true;
    setSection(next);
    void loadSettings({ updateReminder: true });
  };

  useEffect(() => {
    heading.current?.focus();
    void loadProfiles();
    void loadSettings({ updateReminder: true });
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
    document.getElementById('section-heading')?.focus();
  }, [section]);

  const current = profiles?.find((p) => p.id === currentId) ?? null;

  useEffect(() => {
    if (!current || sectionChosen.current) return;
    void hasMunicipalConnection(current.id).then((connected) => {
      if (!connected || sectionChosen.current) return;
      firstSection.current = true; // landing, not a move: focus stays where the page put it
      setSection('overview');
    });
  }, [current?.id]);

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
          {SECTIONS.map((s) => (
            <li key={s}>
              <button type="button" aria-current={s === section ? 'page' : undefined} onClick={() => openSection(s)}>
                {t(SECTION_LABEL[s])}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {showReminder && section !== 'backup' && <BackupReminder onBackup={() => openSection('backup')} />}
      <AlertLine>{error}</AlertLine>
      <main class="section">
        {/* Keyed by profile: one person's notes must never show under another's name, not even while loading. */}
        {section === 'overview' && current && <OverviewSection key={current.id} profile={current} onAddMunicipality={() => openSection('municipality')} />}
        {section === 'municipality' && current && <MunicipalitySection key={current.id} profile={current} onShowOverview={() => openSection('overview')} />}
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
