/** The browser's storage areas behind the small interfaces the vault service uses. */
import { browser } from 'wxt/browser';
import type { SessionStore } from './session';
import type { SettingsStorage } from '../messaging/settings';

const SESSION_KEY = 'vault-session';
const SETTINGS_KEY = 'settings';

/** storage.session: memory only, never written to disk, cleared when the browser closes. */
export function browserSessionStore(): SessionStore {
  const area = browser.storage.session;
  return {
    get: async () => ((await area.get(SESSION_KEY))[SESSION_KEY] as { dataKey?: string; lastActiveAt?: number }) ?? {},
    set: async (values) => {
      const current = ((await area.get(SESSION_KEY))[SESSION_KEY] as object | undefined) ?? {};
      await area.set({ [SESSION_KEY]: { ...current, ...values } });
    },
    clear: async () => area.remove(SESSION_KEY),
  };
}

export function browserSettingsStorage(): SettingsStorage {
  const area = browser.storage.local;
  return {
    get: async () => (await area.get(SETTINGS_KEY))[SETTINGS_KEY],
    set: async (value) => area.set({ [SETTINGS_KEY]: value }),
  };
}
