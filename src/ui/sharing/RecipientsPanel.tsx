/**
 * Recipients: the list, a page at a time, and four ways to add one — paste a key, pick a key
 * file, pick a picture of a QR code, or fetch the recipient's well-known document from their
 * domain.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callVault } from '../../messaging/client';
import { hostPermissionPattern, type RecipientSummary } from '../../messaging/sharing-api';
import { municipalityOrigin } from '../../messaging/municipal-api';
import { SharingError } from '../../messaging/errors';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { TextAreaField, TextField } from '../components/Field';
import { WindowedList } from '../components/WindowedList';
import { ActionFeedback } from '../components/Messages';
import { relativeTime } from '../format';
import { t, type MessageKey } from '../i18n/index';
import { readQrFromImage } from './read-qr';
import { sharingError } from './words';
import { CodedError } from '../../shared/coded-error';

/** A problem the panel finds before asking the vault; its words are the panel's own. */
class PanelProblem extends CodedError<'qr-not-found'> {
  override readonly name = 'PanelProblem';
}
const PANEL_PROBLEM_KEYS = { 'qr-not-found': 'sharing.recipients.qrNotFound' } as const satisfies Record<PanelProblem['code'], MessageKey>;

export function RecipientsPanel(props: { profileId: string; recipients: RecipientSummary[]; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [removing, setRemoving] = useState<RecipientSummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (label: string, work: () => Promise<RecipientSummary | null>) => {
    if (busy) return;
    setBusy(label);
    setDone(null);
    setError(null);
    try {
      const added = await work();
      if (added) setDone(t('sharing.recipients.done', { name: added.name, fingerprint: added.fingerprintGroups.join(' ') }));
      props.onChanged();
      return added;
    } catch (caught) {
      setError(caught instanceof PanelProblem ? t(PANEL_PROBLEM_KEYS[caught.code]) : sharingError(caught));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const addPasted = async (event: Event) => {
    event.preventDefault();
    const added = await run(t('sharing.recipients.working'), () =>
      callVault('recipientAdd', { profileId: props.profileId, source: 'paste', text, ...(name.trim() ? { name: name.trim() } : {}) }),
    );
    if (added) {
      setText('');
      setName('');
    }
  };

  const addFile = async (input: HTMLInputElement, kind: 'file' | 'qr') => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await run(t('sharing.recipients.working'), async () => {
      const content = kind === 'file' ? (file.size > 20_000 ? '' : await file.text()) : await readQrFromImage(file);
      if (content === null) throw new PanelProblem('qr-not-found');
      return callVault('recipientAdd', { profileId: props.profileId, source: kind, text: content || ' ', ...(name.trim() ? { name: name.trim() } : {}) });
    });
  };

  const fetchWellKnown = async (event: Event) => {
    event.preventDefault();
    let origin: string;
    try {
      origin = municipalityOrigin(domain);
    } catch (caught) {
      setError(sharingError(new SharingError('bad-recipient-address', 'not an https address', { cause: caught })));
      return;
    }
    // Asked for inside the click: browsers only show the prompt for a user gesture.
    const granted = await browser.permissions.request({ origins: [hostPermissionPattern(origin)] }).catch(() => false);
    await run(t('sharing.recipients.working'), async () => {
      if (!granted) throw new SharingError('recipient-permission-missing', 'the citizen did not allow it');
      return callVault('recipientFetchWellKnown', { profileId: props.profileId, domain: origin });
    });
  };

  const remove = async (r: RecipientSummary) => {
    setRemoving(null);
    await run(t('common.working'), async () => {
      await callVault('recipientDelete', { profileId: props.profileId, recipientId: r.id });
      setDone(t('sharing.recipients.deleted', { name: r.name }));
      return null;
    });
  };

  return (
    <section aria-labelledby="sharing-recipients" class="panel">
      <h3 id="sharing-recipients">{t('sharing.recipients.heading')}</h3>
      {props.recipients.length === 0 ? (
        <p class="empty-list">{t('sharing.recipients.empty')}</p>
      ) : (
        <WindowedList
          id="sharing-recipients-list"
          class="cards"
          label={t('sharing.recipients.listLabel')}
          items={props.recipients}
          keyOf={(r) => r.id}
          renderItem={(r) => (
            <article aria-labelledby={`rcp-${r.id}`}>
              <h4 id={`rcp-${r.id}`}>{r.name}</h4>
              <p class="mono fingerprint">
                {t('sharing.identity.fingerprint')}: {r.fingerprintGroups.join(' ')}
              </p>
              {r.description && <p>{r.description}</p>}
              <p class="meta">
                {t('sharing.recipients.added', { when: relativeTime(r.addedAt) })}
                {r.endpoints.bundle ? ` · ${t('sharing.recipients.endpoint')}` : ''}
              </p>
              <div class="actions">
                <button type="button" class="danger" onClick={() => setRemoving(r)}>
                  {t('sharing.recipients.delete', { name: r.name })}
                </button>
              </div>
            </article>
          )}
        />
      )}
      <h4>{t('sharing.recipients.addHeading')}</h4>
      <form autocomplete="off" onSubmit={addPasted} noValidate aria-label={t('sharing.recipients.addHeading')}>
        <TextAreaField label={t('sharing.recipients.pasteLabel')} hint={t('sharing.recipients.pasteHint')} value={text} onInput={setText} rows={3} />
        <TextField label={t('sharing.recipients.nameLabel')} hint={t('sharing.recipients.nameHint')} value={name} onInput={setName} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy !== null || text.trim() === ''}>
            {t('sharing.recipients.add')}
          </button>
        </div>
      </form>
      <div class="field">
        <label for="recipient-file">{t('sharing.recipients.fileLabel')}</label>
        <input
          autocomplete="off"
          id="recipient-file"
          type="file"
          accept=".json,application/json,text/plain"
          onChange={(e) => void addFile(e.currentTarget, 'file')}
        />
      </div>
      <div class="field">
        <label for="recipient-qr">{t('sharing.recipients.qrLabel')}</label>
        <input autocomplete="off" id="recipient-qr" type="file" accept="image/*" onChange={(e) => void addFile(e.currentTarget, 'qr')} />
      </div>
      <form autocomplete="off" onSubmit={fetchWellKnown} noValidate aria-label={t('sharing.recipients.domainLabel')}>
        <TextField label={t('sharing.recipients.domainLabel')} hint={t('sharing.recipients.domainHint')} value={domain} onInput={setDomain} />
        <div class="actions">
          <button type="submit" disabled={busy !== null || domain.trim() === ''}>
            {t('sharing.recipients.fetch')}
          </button>
        </div>
      </form>
      <ActionFeedback busy={busy} done={done} error={error} />
      {removing && (
        <ConfirmDialog
          message={t('sharing.recipients.deleteConfirm', { name: removing.name })}
          confirmLabel={t('common.delete')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      )}
    </section>
  );
}
