/**
 * The citizen's notes on any record: ordinary `note` records attached to it. The same list and
 * form serve the case page (its own panel and wording) and the files panel of other records;
 * the list draws a page of notes at a time, however many there are.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { noteKind, type NoteData } from '../../records/note';
import type { VaultRecord } from '../../vault/public-types';
import { TextAreaField, TextField } from '../components/Field';
import { WindowedList } from '../components/WindowedList';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { relativeTime } from '../format';
import { t, type MessageKey } from '../i18n/index';
import type { RecordRef } from './attachments';
import { bestEffort } from '../../shared/best-effort';

export interface NotesTexts {
  title: MessageKey;
  none: MessageKey;
  add: MessageKey;
  saved: MessageKey;
  save: MessageKey;
}

const RECORD_NOTE_TEXTS: NotesTexts = {
  title: 'own.notes.title',
  none: 'own.notes.none',
  add: 'own.notes.add',
  saved: 'own.notes.saved',
  save: 'own.notes.save',
};

export const CASE_NOTE_TEXTS: NotesTexts = {
  title: 'case.notes',
  none: 'case.noNotes',
  add: 'case.addNote',
  saved: 'case.noteSaved',
  save: 'common.save',
};

export function OwnNotes(props: {
  profileId: string;
  attachedTo: RecordRef;
  texts?: NotesTexts;
  /** 3: a panel of its own on the page (the case page); 4: part of another panel. */
  level?: 3 | 4;
}) {
  const texts = props.texts ?? RECORD_NOTE_TEXTS;
  const level = props.level ?? 4;
  const Heading = level === 3 ? 'h3' : 'h4';
  const FormHeading = level === 3 ? 'h4' : 'h5';
  const [notes, setNotes] = useState<VaultRecord<NoteData>[] | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const action = useAction();
  const id = useId();
  const { kind, id: recordId } = props.attachedTo;

  const load = async () => {
    const list = await listRecords(props.profileId, noteKind);
    setNotes(
      list.records.filter((n) => n.data.attachedTo?.kind === kind && n.data.attachedTo.id === recordId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    );
  };
  useEffect(() => {
    load().catch(() => setNotes([]));
    return onVaultEvent((e) => {
      if (e.type === 'changed' && e.changes.some((c) => c.kind === 'note')) void bestEffort(load(), 'a failed reload keeps the notes shown');
    });
  }, [props.profileId, kind, recordId]);

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
        await callVault('writeRecords', {
          ops: [{ op: 'put', profileId: props.profileId, kind: 'note', data: { title: title.trim(), body, attachedTo: { kind, id: recordId } } }],
        });
        await load();
        return true;
      },
      t(texts.saved),
    );
    if (ok) {
      setTitle('');
      setBody('');
    }
  };

  const content = (
    <>
      <Heading id={`${id}-notes`}>{t(texts.title)}</Heading>
      {notes && notes.length === 0 && <p class="empty-list">{t(texts.none)}</p>}
      {notes && notes.length > 0 && (
        <WindowedList
          id={`${id}-list`}
          class="plain-list"
          labelledBy={`${id}-notes`}
          items={notes}
          keyOf={(n) => n.id}
          renderItem={(n) => (
            <>
              <strong>{n.data.title}</strong>
              {n.data.body && <p class="note-body">{n.data.body}</p>}
              <p class="meta">{t('notes.changed', { when: relativeTime(n.updatedAt) })}</p>
            </>
          )}
        />
      )}
      <form autocomplete="off" onSubmit={save} noValidate aria-labelledby={`${id}-form`}>
        <FormHeading id={`${id}-form`}>{t(texts.add)}</FormHeading>
        <TextField label={t('notes.titleLabel')} value={title} onInput={setTitle} error={titleError} />
        <TextAreaField label={t('notes.bodyLabel')} value={body} onInput={setBody} rows={3} />
        <button type="submit">{t(texts.save)}</button>
        <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      </form>
    </>
  );
  return level === 3 ? (
    <section class="panel" aria-labelledby={`${id}-notes`}>
      {content}
    </section>
  ) : (
    <div class="own-notes">{content}</div>
  );
}
