/**
 * A case of the citizen's own: made when a letter belonged to none of the municipality's cases.
 * The page says plainly that it is the citizen's and not the municipality's, shows its name (the
 * citizen may change it), sender and case numbers, the appointments and deadlines read from its
 * letters, and the letters, where more can be dropped. A case that holds no letters any more can
 * be deleted; one that still does says so instead, so no letter is left pointing at nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import { getRecord, putRecord } from '../../messaging/record-client';
import { letterEntry } from '../../overview/letter-calendar';
import { ownCaseKind, type CaseRef, type OwnCaseData } from '../../records/letters/index';
import { bestEffort } from '../../shared/best-effort';
import type { VaultRecord } from '../../vault/public-types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { TextField } from '../components/Field';
import { ActionFeedback } from '../components/Messages';
import { ScreenHeading } from '../components/ScreenHeading';
import { useAction } from '../components/use-action';
import { t, tn } from '../i18n/index';
import { dayText, timeText } from '../municipal/format';
import { CaseLetters } from './CaseLetters';
import { useLetterEvents } from './use-letter-events';

export function OwnCasePage(props: { profileId: string; caseId: string; lettersHref: string; onBack: () => void }) {
  const { profileId, caseId } = props;
  const [found, setFound] = useState<VaultRecord<OwnCaseData> | null | undefined>(undefined);
  const [letterCount, setLetterCount] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const caseRef: CaseRef = { kind: 'own-case', id: caseId };
  const events = useLetterEvents(profileId)
    .filter((e) => e.data.case.kind === 'own-case' && e.data.case.id === caseId)
    .map((e) => letterEntry(e.id, e.data))
    .sort((a, b) => a.start.localeCompare(b.start));

  useEffect(() => {
    const load = async () => {
      const record = await getRecord(profileId, ownCaseKind, caseId);
      setFound(record);
      if (record) setName(record.data.title);
    };
    void action.run(t('common.working'), load);
    return onVaultEvent((e) => {
      if (e.type === 'changed' && e.changes.some((c) => c.profileId === profileId && c.kind === ownCaseKind.name))
        void bestEffort(load(), 'a failed reload keeps the case shown');
    });
  }, [profileId, caseId]);

  const back = (
    <p>
      <a
        href={props.lettersHref}
        onClick={(e) => {
          e.preventDefault();
          props.onBack();
        }}
      >
        {t('letters.ownCase.back')}
      </a>
    </p>
  );

  if (found === null) {
    return (
      <>
        <ScreenHeading level={2} id="section-heading" focusKey={caseId}>
          {t('letters.ownCase.gone')}
        </ScreenHeading>
        {back}
      </>
    );
  }
  if (found === undefined) return <ActionFeedback busy={action.busy} error={action.error} />;

  const rename = (event: Event) => {
    event.preventDefault();
    const title = name.trim();
    if (title === '' || title === found.data.title) return;
    void action.run(t('common.working'), () => putRecord(profileId, ownCaseKind, { ...found.data, title }, caseId), t('letters.ownCase.renamed'));
  };
  const remove = () => {
    setConfirming(false);
    void action
      .run(t('common.working'), () => callVault('writeRecords', { ops: [{ op: 'delete', profileId, kind: ownCaseKind.name, id: caseId }] }))
      .then((deleted) => deleted && props.onBack());
  };
  const { data } = found;
  return (
    <>
      {back}
      <ScreenHeading level={2} id="section-heading" focusKey={caseId}>
        {data.title}
      </ScreenHeading>
      <p>
        <span class="tag">{t('letters.ownCase.tag')}</span> {t('letters.ownCase.provenance')}
      </p>
      <dl class="own-case-facts">
        {data.sender && (
          <>
            <dt>{t('letters.ownCase.sender')}</dt>
            <dd>{data.sender}</dd>
          </>
        )}
        {data.caseNumbers.length > 0 && (
          <>
            <dt>{t('letters.review.caseNumbers')}</dt>
            <dd>{data.caseNumbers.join(', ')}</dd>
          </>
        )}
      </dl>

      <section class="panel" aria-labelledby="own-case-events">
        <h3 id="own-case-events">{t('letters.ownCase.events')}</h3>
        {events.length === 0 ? (
          <p class="empty-list">{t('letters.ownCase.noEvents')}</p>
        ) : (
          <ul class="entries">
            {events.map((e) => (
              <li key={e.id}>
                <strong>{e.allDay ? dayText(e.day) : `${dayText(e.day)}, ${timeText(e.start)}`}</strong> {e.title}
                {e.location && <span class="meta"> · {e.location.name}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <CaseLetters profileId={profileId} caseRef={caseRef} onLoaded={setLetterCount} />

      <section class="panel" aria-labelledby="own-case-manage">
        <h3 id="own-case-manage">{t('letters.ownCase.manage')}</h3>
        <form autocomplete="off" onSubmit={rename}>
          <TextField label={t('letters.ownCase.name')} value={name} onInput={setName} required />
          <button type="submit" disabled={name.trim() === '' || name.trim() === data.title}>
            {t('letters.ownCase.rename')}
          </button>
        </form>
        {letterCount === 0 ? (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t('letters.ownCase.delete')}
          </button>
        ) : (
          letterCount !== null && <p class="hint">{tn('letters.ownCase.holdsLetters', letterCount)}</p>
        )}
      </section>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {confirming && (
        <ConfirmDialog
          message={t('letters.ownCase.confirmDelete', { title: data.title })}
          confirmLabel={t('letters.ownCase.delete')}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
