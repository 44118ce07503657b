/** The vault's lifecycle in Firefox ESR, with the add-on installed on a kept profile. */
import { launchFirefox, newFirefoxProfileDir, removeFirefoxProfileDir } from './harness/firefox';
import { describeVaultLifecycle } from './harness/vault-lifecycle';
import { VaultApi } from './harness/vault-api';

describeVaultLifecycle({
  name: 'Firefox',
  newProfileDir: newFirefoxProfileDir,
  removeProfileDir: removeFirefoxProfileDir,
  async launch(profileDir) {
    const firefox = await launchFirefox({ profileDir });
    try {
      const page = await firefox.openPage('vault.html');
      return { api: VaultApi.puppeteer(page), close: () => firefox.close() };
    } catch (error) {
      await firefox.close();
      throw error;
    }
  },
});
