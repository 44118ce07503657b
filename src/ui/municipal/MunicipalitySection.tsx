/**
 * "Kommunen": add a municipality, picked from the list the vault ships or by its address, watch
 * the fetch progress, and manage each connection (fetch now, sign in again, remove with or
 * without the fetched data).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callVault, onVaultEvent } from '../../messaging/client';
import { hostPermissionPattern, municipalityOrigin, type ConnectionSummary, type SyncStatus } from '../../messaging/municipal-api';
import { MunicipalError } from '../../messaging/errors';
import { SelectField, TextField } from '../components/Field';
import { ModalDialog } from '../components/ModalDialog';
import { ActionFeedback, AlertLine } from '../components/Messages';
import { useAction } from '../components/use-action';
import { ERROR_MESSAGE_KEYS, errorMessage } from '../errors';
import { t, tn } from '../i18n/index';
import { relativeTime } from '../format';
import type { Profile } from '../profiles';
import { bestEffort } from '../../shared/best-effort';
import { KNOWN_MUNICIPALITIES } from './known-municipalities';
import { GivenPowers } from './GivenPowers';
import { ProfileBasis } from './ProfileBasis';
import { LetterImport } from '../letters/LetterImport';
import './overview.css';

/** Asks for the municipality's host permission; must run inside the click that started it. */
async function requestHostPermission(origin: string): Promise<void> {
  const granted = await browser.permissions.request({ origins: [hostPermissionPattern(origin)] });
  if (!granted) throw new MunicipalError('permission-missing', 'the citizen did not allow it');
}

/**
 * Asks for the host permission at once (the browser asks only during a user gesture) and gives
 * the answer to await later, inside the action that shows a refusal to the citizen.
 */
function askHostPermission(origin: string): () => Promise<void> {
  const answer = requestHostPermission(origin).then(
    () => null,
    (error: unknown) => ({ error }),
  );
  return async () => {
    const refused = await answer;
    if (refused) throw refused.error;
  };
}

function SyncProgress(props: { status: SyncStatus }) {
  const { status } = props;
  const id = useId();
  const running = status.state === 'running';
  return (
    <div class="sync-progress" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`}>{running ? t('muni.syncing', { name: status.municipalityName }) : null}</p>
      {running && <progress max={1} value={status.fraction} aria-label={t('muni.progressLabel', { name: status.municipalityName })} />}
      {running && (
        <ul class="sync-parts">
          {status.parts.map((p) => (
            <li key={p.part} data-state={p.state}>
              {t(`muni.part.${p.part}`)}: {t(`muni.partState.${p.state}`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The message for an error code stored with a sync; an unknown code (from a newer version) reads as unexpected. */
const codeMessage = (code: string): string =>
  Object.hasOwn(ERROR_MESSAGE_KEYS, code) ? t(ERROR_MESSAGE_KEYS[code as keyof typeof ERROR_MESSAGE_KEYS]) : t('common.unexpected');

function syncOutcomeText(status: SyncStatus): string {
  const parts = [status.state === 'ok' ? tn('muni.syncDone', status.stored + status.deleted) : t('muni.syncPartial')];
  if (status.error) parts.push(codeMessage(status.error));
  if (status.rejected > 0) parts.push(tn('muni.rejected', status.rejected));
  return parts.join(' ');
}

function lastSyncText(connection: ConnectionSummary): string {
  const last = connection.lastSync;
  if (!last) return t('muni.neverSynced');
  const when = relativeTime(last.finishedAt);
  if (last.result === 'ok') return t('muni.lastSyncOk', { when });
  const head = last.result === 'partial' ? t('muni.lastSyncPartial', { when }) : t('muni.lastSyncFailed', { when });
  return last.error ? `${head} ${codeMessage(last.error)}` : head;
}

function DisconnectDialog(props: { name: string; onConfirm: (deleteData: boolean) => void; onCancel: () => void }) {
  const id = useId();
  const [deleteData, setDeleteData] = useState(false);
  return (
    <ModalDialog labelId={`${id}-title`} initialFocus="button.cancel" onCancel={props.onCancel}>
      <h3 id={`${id}-title`}>{t('muni.disconnectTitle', { name: props.name })}</h3>
      <div role="radiogroup" aria-labelledby={`${id}-title`} class="choices">
        <label class="choice">
          <input autocomplete="off" type="radio" name={`${id}-data`} checked={!deleteData} onChange={() => setDeleteData(false)} />
          {t('muni.keepData')}
        </label>
        <label class="choice">
          <input autocomplete="off" type="radio" name={`${id}-data`} checked={deleteData} onChange={() => setDeleteData(true)} />
          {t('muni.deleteData')}
        </label>
      </div>
      <div class="actions">
        <button type="button" class="cancel" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="danger" onClick={() => props.onConfirm(deleteData)}>
          {t('muni.disconnectConfirm')}
        </button>
      </div>
    </ModalDialog>
  );
}

export function MunicipalitySection(props: { profile: Profile; onShowOverview: () => void }) {
  const { profile } = props;
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [connections, setConnections] = useState<ConnectionSummary[] | null>(null);
  const [statuses, setStatuses] = useState<Map<string, SyncStatus>>(new Map());
  const [removing, setRemoving] = useState<ConnectionSummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [found, setFound] = useState<string | null>(null);
  const add = useAction();
  const manage = useAction();
  /** The connections whose fetch is running now. */
  const fetching = useRef(new Set<string>());

  const loadConnections = async () => {
    try {
      setConnections(await callVault('municipalConnections', { profileId: profile.id }));
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  };
  const track = (status: SyncStatus) => {
    if (status.profileId !== profile.id) return;
    setStatuses((previous) => new Map(previous).set(status.connectionId, status));
    if (status.state === 'running') fetching.current.add(status.connectionId);
    else {
      fetching.current.delete(status.connectionId);
      // The fetch has ended: its outcome shows on the connection, so "connected" may go.
      add.reset();
      void loadConnections();
    }
  };

  useEffect(() => {
    void loadConnections();
    void bestEffort(
      callVault('municipalSyncStatus', {}).then((list) => list.forEach(track)),
      'without the running fetches, each connection shows its last result',
    );
    return onVaultEvent((event) => {
      if (event.type === 'municipal-sync') track(event.status);
    });
  }, [profile.id]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (address.trim() === '') {
      setAddressError(t('muni.addressMissing'));
      return add.fail(t('muni.addressMissing'));
    }
    let origin: string;
    try {
      origin = municipalityOrigin(address);
    } catch (error) {
      setAddressError(errorMessage(error));
      return add.fail(errorMessage(error));
    }
    setAddressError(null);
    setFound(null);
    // First thing in the click: the browser only asks for a permission during a user gesture.
    const permission = askHostPermission(origin);
    await add.run(
      t('muni.checking'),
      async () => {
        await permission();
        const info = await callVault('municipalDiscover', { origin });
        setFound(info.name);
        const { sync } = await callVault('municipalConnect', { profileId: profile.id, origin: info.origin });
        track(sync);
        setAddress('');
        await loadConnections();
        return { name: info.name, connectionId: sync.connectionId };
      },
      // A fetch that has already ended shows its outcome on the connection: no line to take back later.
      (added) => (fetching.current.has(added.connectionId) ? t('muni.connected', { name: added.name }) : ''),
    );
  };

  const replaceConnection = (next: ConnectionSummary) => setConnections((list) => list && list.map((c) => (c.id === next.id ? next : c)));

  const syncNow = (c: ConnectionSummary) =>
    manage.run(t('muni.syncing', { name: c.municipality.name }), async () =>
      track(await callVault('municipalSync', { profileId: profile.id, connectionId: c.id })),
    );

  const signInAgain = (c: ConnectionSummary) => {
    const permission = askHostPermission(c.origin);
    return manage.run(t('muni.checking'), async () => {
      await permission();
      track((await callVault('municipalConnect', { profileId: profile.id, origin: c.origin })).sync);
      await loadConnections();
    });
  };

  const disconnect = async (c: ConnectionSummary, deleteData: boolean) => {
    setRemoving(null);
    await manage.run(
      t('common.working'),
      async () => {
        await callVault('municipalDisconnect', { profileId: profile.id, connectionId: c.id, deleteData });
        setStatuses((previous) => {
          const next = new Map(previous);
          next.delete(c.id);
          return next;
        });
        await loadConnections();
      },
      t('muni.disconnected'),
    );
  };

  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('muni.title')}
      </h2>
      {connections && <ProfileBasis profileId={profile.id} connections={connections} onChanged={loadConnections} />}
      <p>{t('muni.intro')}</p>
      <AlertLine>{loadError}</AlertLine>

      <section class="panel" aria-labelledby="muni-connections">
        <h3 id="muni-connections">{t('muni.connections')}</h3>
        {connections && connections.length === 0 && <p class="empty-list">{t('muni.none')}</p>}
        {connections && connections.length > 0 && (
          <ul class="cards connections">
            {connections.map((c) => {
              const status = statuses.get(c.id);
              return (
                <li key={c.id}>
                  <article aria-labelledby={`conn-${c.id}`}>
                    <h4 id={`conn-${c.id}`}>
                      {c.municipality.name}
                      {c.demo && <span class="tag">{t('muni.demo')}</span>}
                    </h4>
                    {c.citizen && <p>{t('muni.about', { name: c.citizen.name })}</p>}
                    {c.actor?.relation === 'custody' && <p>{t('muni.custody', { name: c.actor.name })}</p>}
                    <GivenPowers profileId={profile.id} connection={c} onChanged={replaceConnection} />
                    {status && <SyncProgress status={status} />}
                    {status && status.state !== 'running' && <p class="sync-result">{syncOutcomeText(status)}</p>}
                    {!status && <p class="meta">{lastSyncText(c)}</p>}
                    {!c.signedIn && !c.powerEnded && <p class="warning">{t('muni.signedOut')}</p>}
                    <div class="actions">
                      {c.signedIn ? (
                        <button type="button" aria-describedby={`conn-${c.id}`} disabled={status?.state === 'running'} onClick={() => void syncNow(c)}>
                          {t('muni.syncNow')}
                        </button>
                      ) : (
                        <button type="button" class="primary" aria-describedby={`conn-${c.id}`} onClick={() => void signInAgain(c)}>
                          {t('muni.signInAgain')}
                        </button>
                      )}
                      <button type="button" class="danger" aria-describedby={`conn-${c.id}`} onClick={() => setRemoving(c)}>
                        {t('muni.disconnect')}
                      </button>
                    </div>
                  </article>
                </li>
              );
            })}
          </ul>
        )}
        <ActionFeedback busy={manage.busy} done={manage.done} error={manage.error} />
        {connections && connections.length > 0 && (
          <button type="button" class="primary" onClick={props.onShowOverview}>
            {t('muni.showOverview')}
          </button>
        )}
      </section>

      <LetterImport profileId={props.profile.id} />

      <section class="panel" aria-labelledby="muni-add">
        <h3 id="muni-add">{t('muni.addTitle')}</h3>
        {(profile.data.relation === 'helped' || profile.data.relation === 'child') && <p>{t('basis.signInFor', { name: profile.data.name })}</p>}
        <form autocomplete="off" onSubmit={submit} noValidate>
          <SelectField
            label={t('muni.pick')}
            hint={t('muni.pickHint')}
            value={KNOWN_MUNICIPALITIES.find((m) => m.origin === address.trim())?.origin ?? ''}
            options={[
              { value: '', label: t('muni.pickNone') },
              ...KNOWN_MUNICIPALITIES.map((m) => ({ value: m.origin, label: m.reference ? t('muni.reference', { name: m.name }) : m.name })),
            ]}
            onChange={(origin) => {
              setAddress(origin);
              setAddressError(null);
            }}
          />
          <TextField label={t('muni.address')} hint={t('muni.addressHint')} value={address} onInput={setAddress} error={addressError} />
          <button type="submit" class="primary" disabled={add.busy !== null}>
            {t('muni.add')}
          </button>
          {add.busy && found && <p class="found">{t('muni.found', { name: found })}</p>}
          <ActionFeedback busy={add.busy} done={add.done} error={add.error} />
        </form>
      </section>

      {removing && (
        <DisconnectDialog
          name={removing.municipality.name}
          onCancel={() => setRemoving(null)}
          onConfirm={(deleteData) => void disconnect(removing, deleteData)}
        />
      )}
    </>
  );
}
