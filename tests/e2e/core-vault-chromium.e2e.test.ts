/** The vault's lifecycle in Chromium, the same scenario as in Firefox. */
import { launchChromium, newProfileDir, removeProfileDir } from './harness/chromium';
import { describeVaultLifecycle } from './harness/vault-lifecycle';
import { VaultApi } from './harness/vault-api';

describeVaultLifecycle({
  name: 'Chromium',
  newProfileDir,
  removeProfileDir,
  async launch(profileDir) {
    const chromium = await launchChromium({ profileDir });
    try {
      const page = await chromium.openPage('vault.html');
      return { api: VaultApi.playwright(page), close: () => chromium.close() };
    } catch (error) {
      await chromium.close();
      throw error;
    }
  },
});
