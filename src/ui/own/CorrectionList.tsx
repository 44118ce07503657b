/** The profile's correction requests with their status; open one to read, change, send or download it. */
import { useEffect, useId, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { correctionRequestKind, type CorrectionRequestData } from '../../records/own/index';
import type { VaultRecord } from '../../vault/public-types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';
import { saveFile } from '../blob-url';
import { deleteRequest, exportRequest, listRequests } from './corrections';
import { CorrectionDialog } from './CorrectionForm';
import { statusText } from './messages';
import './own.css';
import { bestEffort } from '../../shared/best-effort';

export function CorrectionList(props: { profileId: string; caseVaultId?: string; title?: string }) {
  const [requests, setRequests] = useState<VaultRecord<CorrectionRequestData>[] | null>(null);
  const [opened, setOpened] = useState<VaultRecord<CorrectionRequestData> | null>(null);
  const [confirming, setConfirming] = useState<VaultRecord<CorrectionRequestData> | null>(null);
  const action = useAction();
  const id = useId();

  const load = async () => {
    const all = await listRequests(props.profileId);
    setRequests(props.caseVaultId ? all.filter((r) => r.data.caseVaultId === props.caseVaultId) : all);
  };
  useEffect(() => {
    load().catch(() => setRequests([]));
    return onVaultEvent((e) => {
      if (e.type === 'changed' && e.changes.some((c) => c.kind === correctionRequestKind.name))
        void bestEffort(load(), 'a failed reload keeps the requests shown');
    });
  }, [props.profileId, props.caseVaultId]);

  const remove = async (r: VaultRecord<CorrectionRequestData>) => {
    setConfirming(null);
    await action.run(
      t('common.working'),
      async () => {
        await deleteRequest(props.profileId, r.id);
        await load();
      },
      t('own.list.deleted'),
    );
  };

  return (
    <section class="panel corrections-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{props.title ?? t('own.list.title')}</h3>
      {requests && requests.length === 0 && <p class="empty-list">{t('own.list.none')}</p>}
      {requests && requests.length > 0 && (
        <ul class="corrections" aria-labelledby={`${id}-title`}>
          {requests.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{r.data.target.title}</strong>: {r.data.whatIsWrong.split('\n')[0]}
              </p>
              <p class={`correction-status status-${r.data.status.state}`}>{statusText(r.data.status)}</p>
              <div class="actions">
                <button type="button" onClick={() => setOpened(r)}>
                  {t('own.list.open')}
                  <span class="visually-hidden"> {r.data.target.title}</span>
                </button>
                <button
                  type="button"
                  onClick={() => {
                    const { fileName, text } = exportRequest(r);
                    saveFile(text, fileName, 'application/json');
                  }}
                >
                  {t('own.correct.export')}
                  <span class="visually-hidden"> {r.data.target.title}</span>
                </button>
                {r.data.status.state !== 'received' && (
                  <button type="button" class="danger" onClick={() => setConfirming(r)}>
                    {t('own.list.delete')}
                    <span class="visually-hidden"> {r.data.target.title}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {opened && (
        <CorrectionDialog
          profileId={props.profileId}
          target={{ ...opened.data.target }}
          {...(opened.data.caseVaultId ? { caseVaultId: opened.data.caseVaultId } : {})}
          existing={opened}
          onClose={() => setOpened(null)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          message={t('own.list.confirmDelete')}
          confirmLabel={t('own.list.delete')}
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
