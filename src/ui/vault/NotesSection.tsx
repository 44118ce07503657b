/** The current profile's notes: newest first, a page at a time; add, edit, delete (with a confirmation). */
import { useEffect, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { noteKind, type NoteData } from '../../records/note';
import type { DamagedRecord, VaultRecord } from '../../vault/public-types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { TextAreaField, TextField } from '../components/Field';
import { WindowedList } from '../components/WindowedList';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { errorMessage } from '../errors';
import { relativeTime } from '../format';
import { t } from '../i18n/index';
import type { Profile } from '../profiles';
import { DamageAlert } from './DamageAlert';

type Note = VaultRecord<NoteData>;

function NoteForm(props: { heading: string; initial: NoteData; onSave: (data: NoteData) => Promise<boolean>; onCancel: () => void }) {
  const [title, setTitle] = useState(props.initial.title);
  const [body, setBody] = useState(props.initial.body);
  const [titleError, setTitleError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (title.trim() === '') return setTitleError(t('notes.titleMissing'));
    setTitleError(null);
    await props.onSave({ title: title.trim(), body });
  };
  return (
    <form autocomplete="off" class="note-form" onSubmit={submit} noValidate aria-label={props.heading}>
      <h3>{props.heading}</h3>
      <TextField label={t('notes.titleLabel')} value={title} onInput={setTitle} error={titleError} />
      <TextAreaField label={t('notes.bodyLabel')} value={body} onInput={setBody} />
      <div class="actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function NotesSection(props: { profile: Profile; refreshKey: number }) {
  const { profile } = props;
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [damaged, setDamaged] = useState<DamagedRecord[]>([]);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Note | null>(null);
  const action = useAction();

  const load = async () => {
    const list = await listRecords(profile.id, noteKind);
    setNotes(list.records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
    setDamaged(list.damaged);
  };
  useEffect(() => {
    setEditing(null);
    load().catch((error: unknown) => action.fail(errorMessage(error)));
  }, [profile.id, props.refreshKey]);

  const save = async (id: string | undefined, data: NoteData) => {
    const ok = await action.run(
      t('common.working'),
      async () => {
        await callVault('writeRecords', { ops: [{ op: 'put', profileId: profile.id, kind: 'note', ...(id ? { id } : {}), data }] });
        await load();
        return true;
      },
      t('notes.saved'),
    );
    if (ok) setEditing(null);
    return ok === true;
  };

  const remove = async (note: Note) => {
    setDeleting(null);
    await action.run(
      t('common.working'),
      async () => {
        await callVault('writeRecords', { ops: [{ op: 'delete', profileId: profile.id, kind: 'note', id: note.id }] });
        await load();
      },
      t('notes.deleted'),
    );
  };

  const discardDamaged = async () => {
    await action.run(
      t('common.working'),
      async () => {
        await callVault('discardDamaged', { profileId: profile.id, kind: 'note', refs: damaged.map((d) => d.ref) });
        await load();
      },
      t('damaged.removed'),
    );
  };

  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('notes.title', { name: profile.data.name })}
      </h2>
      {damaged.length > 0 && <DamageAlert damaged={damaged} profileName={profile.data.name} onRemove={discardDamaged} />}
      {editing === 'new' ? (
        <NoteForm heading={t('notes.new')} initial={{ title: '', body: '' }} onSave={(data) => save(undefined, data)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {t('notes.add')}
        </button>
      )}
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {notes && notes.length === 0 && <p class="empty-list">{t('notes.empty')}</p>}
      {notes && notes.length > 0 && (
        <WindowedList
          id="notes-list"
          class="cards"
          label={t('notes.listLabel')}
          items={notes}
          keyOf={(note) => note.id}
          renderItem={(note) =>
            editing === note.id ? (
              <NoteForm heading={t('notes.editing')} initial={note.data} onSave={(data) => save(note.id, data)} onCancel={() => setEditing(null)} />
            ) : (
              <article aria-labelledby={`note-${note.id}`}>
                <h3 id={`note-${note.id}`}>{note.data.title}</h3>
                {note.data.body && <p class="note-body">{note.data.body}</p>}
                <p class="meta">{t('notes.changed', { when: relativeTime(note.updatedAt) })}</p>
                <div class="actions">
                  <button type="button" aria-describedby={`note-${note.id}`} onClick={() => setEditing(note.id)}>
                    {t('common.edit')}
                  </button>
                  <button type="button" class="danger" aria-describedby={`note-${note.id}`} onClick={() => setDeleting(note)}>
                    {t('common.delete')}
                  </button>
                </div>
              </article>
            )
          }
        />
      )}
      {deleting && (
        <ConfirmDialog
          message={t('notes.deleteConfirm', { title: deleting.data.title })}
          confirmLabel={t('common.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </>
  );
}
