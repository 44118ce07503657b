/** The citizen's own notes on a case: ordinary notes attached to the case's vault record. */
import { useEffect, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import type { VaultRecord } from '../../vault/record-store';
import { TextAreaField, TextField } from '../components/Field';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { relativeTime } from '../format';
import { t } from '../i18n/index';

interface NoteData {
  title: string;
  body: string;
  attachedTo?: { kind: string; id: string };
}

export function CaseNotes(props: { profileId: string; caseVaultId: string }) {
  const [notes, setNotes] = useState<VaultRecord<NoteData>[] | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const action = useAction();
  const attachedTo = { kind: 'municipal-case', id: props.caseVaultId };

  const load = async () => {
    const list = await callVault('listRecords', { profileId: props.profileId, kind: 'note' });
    setNotes(
      (list.records as VaultRecord<NoteData>[])
        .filter((n) => n.data.attachedTo?.kind === attachedTo.kind && n.data.attachedTo.id === attachedTo.id)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    );
  };
  useEffect(() => {
    load().catch(() => setNotes([]));
    return onVaultEvent((e) => {
      if (e.type === 'changed' && e.changes.some((c) => c.kind === 'note')) void load().catch(() => {});
    });
  }, [props.profileId, props.caseVaultId]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (title.trim() === '') {
      setTitleError(t('notes.titleMissing'));
      return action.fail(t('notes.titleMissing'));
    }
    setTitleError(null);
    const ok = await action.run(
      t('common.working'),
      async () => {
        await callVault('writeRecords', { ops: [{ op: 'put', profileId: props.profileId, kind: 'note', data: { title: title.trim(), body, attachedTo } }] });
        await load();
        return true;
      },
      t('case.noteSaved'),
    );
    if (ok) {
      setTitle('');
      setBody('');
    }
  };

  return (
    <section class="panel" aria-labelledby="case-notes">
      <h3 id="case-notes">{t('case.notes')}</h3>
      {notes && notes.length === 0 && <p class="empty-list">{t('case.noNotes')}</p>}
      {notes && notes.length > 0 && (
        <ul class="plain-list">
          {notes.map((n) => (
            <li key={n.id}>
              <strong>{n.data.title}</strong>
              {n.data.body && <p class="note-body">{n.data.body}</p>}
              <p class="meta">{t('notes.changed', { when: relativeTime(n.updatedAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={save} noValidate aria-labelledby="case-note-form">
        <h4 id="case-note-form">{t('case.addNote')}</h4>
        <TextField label={t('notes.titleLabel')} value={title} onInput={setTitle} error={titleError} />
        <TextAreaField label={t('notes.bodyLabel')} value={body} onInput={setBody} rows={3} />
        <button type="submit">{t('common.save')}</button>
        <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      </form>
    </section>
  );
}
