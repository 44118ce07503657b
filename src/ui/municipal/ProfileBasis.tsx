/**
 * The lines under a screen's heading that say what the profile's municipal data rests on: the
 * power of attorney a representative acts by and what it does not cover, the municipality's
 * word that some of a young citizen's data is held back, and — once a power has ended — the
 * citizen's choice to keep or delete the copy already held.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import type { ConnectionSummary } from '../../messaging/municipal-api';
import { ModalDialog } from '../components/ModalDialog';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';
import { bestEffort } from '../../shared/best-effort';
import { endedLine, powerLines, youthLine } from './basis';

/** The profile's connections, read again whenever one of its syncs ends. */
export function useConnections(profileId: string): [ConnectionSummary[], () => Promise<void>] {
  const [connections, setConnections] = useState<ConnectionSummary[]>([]);
  const load = async () => setConnections(await callVault('municipalConnections', { profileId }));
  useEffect(() => {
    void bestEffort(load(), 'the lines show once the connections can be read');
    return onVaultEvent((event) => {
      if (event.type === 'municipal-sync' && event.status.profileId === profileId && event.status.state !== 'running') {
        void bestEffort(load(), 'the lines show once the connections can be read');
      }
    });
  }, [profileId]);
  return [connections, load];
}

function DeleteCopyDialog(props: { connection: ConnectionSummary; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  const words = { municipality: props.connection.municipality.name, name: props.connection.citizen?.name ?? '' };
  return (
    <ModalDialog labelId={`${id}-title`} initialFocus="button.cancel" onCancel={props.onCancel}>
      <h3 id={`${id}-title`}>{t('basis.deleteTitle', words)}</h3>
      <p>{t('basis.deleteBody', words)}</p>
      <div class="actions">
        <button type="button" class="cancel" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="danger" onClick={props.onConfirm}>
          {t('basis.deleteConfirm')}
        </button>
      </div>
    </ModalDialog>
  );
}

function EndedPower(props: { profileId: string; connection: ConnectionSummary; onChanged: () => Promise<void> }) {
  const c = props.connection;
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const keep = () =>
    action.run(t('common.working'), async () => {
      await callVault('municipalKeepCopy', { profileId: props.profileId, connectionId: c.id });
      await props.onChanged();
    });
  const remove = () => {
    setConfirming(false);
    void action.run(
      t('common.working'),
      async () => {
        await callVault('municipalDisconnect', { profileId: props.profileId, connectionId: c.id, deleteData: true });
        await props.onChanged();
      },
      t('basis.deleted', { municipality: c.municipality.name }),
    );
  };
  return (
    <>
      <p class="warning">{endedLine(c)}</p>
      {c.powerEnded?.copyKept ? (
        <p>{t('basis.kept')}</p>
      ) : (
        <>
          <p>{t('basis.endedChoice')}</p>
          <div class="actions">
            <button type="button" disabled={action.busy !== null} onClick={() => void keep()}>
              {t('basis.keepCopy')}
            </button>
            <button type="button" class="danger" disabled={action.busy !== null} onClick={() => setConfirming(true)}>
              {t('basis.deleteCopy')}
            </button>
          </div>
        </>
      )}
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {confirming && <DeleteCopyDialog connection={c} onConfirm={remove} onCancel={() => setConfirming(false)} />}
    </>
  );
}

/** Nothing at all when no connection has anything to say. */
export function ProfileBasis(props: { profileId: string; connections: ConnectionSummary[]; onChanged: () => Promise<void> }) {
  const said = props.connections.filter((c) => c.heldBack || c.powerEnded || powerLines(c).length > 0);
  if (said.length === 0) return null;
  return (
    <section class="profile-basis" aria-label={t('basis.label')}>
      {said.map((c) => {
        const youth = youthLine(c);
        return (
          <div key={c.id}>
            {youth && <p>{youth}</p>}
            {powerLines(c).map((line) => (
              <p key={line}>{line}</p>
            ))}
            {c.powerEnded && <EndedPower profileId={props.profileId} connection={c} onChanged={props.onChanged} />}
          </div>
        );
      })}
    </section>
  );
}
