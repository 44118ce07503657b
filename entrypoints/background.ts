/** Wiring only: browser events → the vault service and the municipal connector (src/background, src/messaging). */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { VaultService } from '../src/background/vault-service';
import { MunicipalService } from '../src/background/municipal-service';
import { SharingService } from '../src/background/sharing/index';
import { ViewService } from '../src/background/views/index';
import { leadTimesChanged } from '../src/background/reminders';
import { browserSessionStore, browserSettingsStorage } from '../src/background/browser-storage';
import { privateFetch } from '../src/background/private-fetch';
import { QuietWork } from '../src/background/quiet-work';
import { isApiRequest, route } from '../src/messaging/router';
import { EXTENSION_REDIRECT_PATH } from '../src/municipal/api/extension-identity';
import type { VaultEvent } from '../src/messaging/api';
import { Vault } from '../src/vault/index';
import { bestEffort } from '../src/shared/best-effort';
import { recordKinds } from '../src/records/registry';

const AUTO_LOCK_ALARM = 'handlerum-auto-lock';
const SETTINGS_KEY = 'settings';
const REMINDERS = 'reminders';
const REMINDERS_WHY = 'reminders are rebuilt on the next unlock or settings change';

export default defineBackground(() => {
  // Rebuilding the reminders reads every dated record: it waits until the first screen is answered.
  const quiet = new QuietWork({ quietMs: 2_000, maxWaitMs: 15_000 });
  const ready = Vault.open(recordKinds).then(async (vault) => {
    const settings = browserSettingsStorage();
    const send = (event: VaultEvent) => void bestEffort(browser.runtime.sendMessage(event), 'no page may be open to hear it');
    const fetchPrivately = privateFetch((url, init) => fetch(url, init));
    const hasHostPermission = (pattern: string) => browser.permissions.contains({ origins: [pattern] });
    const sharing: SharingService = new SharingService({
      vault,
      fetch: fetchPrivately,
      hasHostPermission,
      municipalInbox: (args) => municipal.handlers.municipalInboxSend(args),
      municipalDocumentPdf: (args) => municipal.handlers.municipalDocumentPdf(args),
    });
    const municipal: MunicipalService = new MunicipalService({
      onSyncComplete: (profileId): Promise<void> => sharing.onSyncComplete(profileId),
      vault,
      fetch: fetchPrivately,
      settings,
      broadcast: send,
      identity: {
        redirectUrl: () => browser.identity.getRedirectURL(EXTENSION_REDIRECT_PATH),
        launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
      },
      hasHostPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      alarms: {
        getAll: () => browser.alarms.getAll(),
        create: (name, info) => browser.alarms.create(name, info),
        clear: (name) => browser.alarms.clear(name),
      },
      notify: async (id, { title, message }) => {
        await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/notification-icon.png'), title, message });
      },
      uiLanguage: () => browser.i18n.getUILanguage(),
    });
    const service = new VaultService({
      vault,
      session: browserSessionStore(),
      settings,
      municipal: municipal.handlers,
      sharing,
      views: new ViewService(vault),
      broadcast: (event) => {
        send(event);
        // Reminders are read from the vault: rebuild them whenever it opens.
        if (event.type === 'state' && event.state === 'unlocked') quiet.schedule(REMINDERS, () => municipal.refreshReminders(), REMINDERS_WHY);
        if (event.type === 'changed') void bestEffort(municipal.onRecordsChanged(event.changes), REMINDERS_WHY);
      },
    });
    await service.resumeSession();
    quiet.schedule(REMINDERS, () => municipal.refreshReminders(), REMINDERS_WHY);
    return { vault, service, municipal };
  });

  // Listeners are registered synchronously, as MV3 requires, and wait for the vault inside.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isApiRequest(message)) return false;
    void ready.then(({ vault, service }) =>
      quiet
        .during(() =>
          route(message, sender, {
            extensionId: browser.runtime.id,
            extensionOrigin: browser.runtime.getURL('/'),
            handlers: service.handlers,
            vaultState: () => vault.state,
            onActivity: () => service.touch(),
          }),
        )
        .then(sendResponse),
    );
    return true;
  });

  void browser.alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) void ready.then(({ service }) => service.lockIfIdle());
    else
      void bestEffort(
        ready.then(({ municipal }) => municipal.onAlarm(alarm.name)),
        'an alarm fires in the background with no one to tell',
      );
  });

  // New reminder lead times take effect at once.
  browser.storage.onChanged.addListener((changes, area) => {
    const settings = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    if (settings && leadTimesChanged(settings.oldValue, settings.newValue))
      void bestEffort(
        ready.then(({ municipal }) => municipal.refreshReminders()),
        'reminders are rebuilt on the next unlock',
      );
  });
});
