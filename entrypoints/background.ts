/** Wiring only: browser events → the vault service (src/background, src/messaging). */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { VaultService } from '../src/background/vault-service';
import { browserSessionStore, browserSettingsStorage } from '../src/background/browser-storage';
import { isApiRequest, route } from '../src/messaging/router';
import type { VaultEvent } from '../src/messaging/api';
import { Vault } from '../src/vault/index';

const AUTO_LOCK_ALARM = 'handlerum-auto-lock';

export default defineBackground(() => {
  const ready = Vault.open().then(async (vault) => {
    const service = new VaultService({
      vault,
      session: browserSessionStore(),
      settings: browserSettingsStorage(),
      broadcast: (event: VaultEvent) => void browser.runtime.sendMessage(event).catch(() => {}),
    });
    await service.resumeSession();
    return service;
  });

  // Listeners are registered synchronously, as MV3 requires, and wait for the vault inside.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isApiRequest(message)) return false;
    void ready.then((service) =>
      route(message, sender, {
        extensionId: browser.runtime.id,
        extensionOrigin: browser.runtime.getURL('/'),
        handlers: service.handlers,
        onActivity: () => service.touch(),
      }).then(sendResponse),
    );
    return true;
  });

  void browser.alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) void ready.then((service) => service.lockIfIdle());
  });
});
