/** The bundle is made: download it, or send it to the recipient's endpoint or the case's municipal inbox. */
import { browser } from 'wxt/browser';
import { callVault } from '../../../messaging/client';
import { hostPermissionPattern, type Delivery, type SharePreview } from '../../../messaging/sharing-api';
import { fromBase64Url } from '../../../shared/base64url';
import { saveBlob } from '../../blob-url';
import type { Action } from '../../components/use-action';
import { t } from '../../i18n/index';
import type { CreatedShare } from './flow';

// A failed delivery is thrown with its own code (and kept on the grant as not delivered).
const delivered = (d: Delivery): string => t(`sharing.delivery.ok.${d.channel}`, { detail: d.detail });

/** The bundle, read back from the background in its base64url parts. */
async function readBundle(created: CreatedShare): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; index < created.chunkCount; index++) {
    const { data } = await callVault('shareRead', { transferId: created.transferId, index });
    parts.push(fromBase64Url(data) as Uint8Array<ArrayBuffer>);
  }
  return new Blob(parts, { type: 'application/octet-stream' });
}

export function DoneStep(props: { profileId: string; created: CreatedShare; preview: SharePreview | null; action: Action }) {
  const { profileId, created, preview, action } = props;

  const download = () =>
    action.run(
      t('common.working'),
      async () => {
        saveBlob(await readBundle(created), created.fileName);
        return callVault('shareDeliver', { profileId, grantId: created.grantId, channel: 'download' });
      },
      delivered,
    );

  const send = async (channel: 'endpoint' | 'municipal-inbox') => {
    const endpoint = preview?.channels.endpoint;
    if (channel === 'endpoint' && endpoint) {
      // Asked for inside the click: browsers only show the prompt for a user gesture. A request
      // the browser refuses to show counts as a "no".
      const granted = await browser.permissions.request({ origins: [hostPermissionPattern(new URL(endpoint).origin)] }).catch(() => false);
      if (!granted) return action.fail(t('sharing.error.recipient-permission-missing'));
    }
    await action.run(t('sharing.wizard.sending'), () => callVault('shareDeliver', { profileId, grantId: created.grantId, channel }), delivered);
  };

  return (
    <>
      <p>{t('sharing.wizard.doneIntro')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void download()} disabled={action.busy !== null}>
          {t('sharing.wizard.download')}
        </button>
        {preview?.channels.endpoint && (
          <button type="button" onClick={() => void send('endpoint')} disabled={action.busy !== null}>
            {t('sharing.wizard.sendEndpoint', { name: preview.recipient.name })}
          </button>
        )}
        {preview?.channels.municipalInbox && (
          <button type="button" onClick={() => void send('municipal-inbox')} disabled={action.busy !== null}>
            {t('sharing.wizard.sendInbox')}
          </button>
        )}
      </div>
    </>
  );
}
