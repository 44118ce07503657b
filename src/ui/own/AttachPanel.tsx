/**
 * The citizen's own files (and notes) on any record: attach a file through a labelled file
 * field, list them, open or download them, delete one after a confirmation. Any record view
 * embeds it with `{ profileId, attachedTo: { kind, id } }`.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { ATTACHMENT_MAX_BYTES, attachmentKind, type AttachmentData } from '../../records/own/index';
import type { VaultRecord } from '../../vault/public-types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { TextField } from '../components/Field';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { saveFile, showBlob } from '../blob-url';
import { relativeTime } from '../format';
import { locale, t } from '../i18n/index';
import { deleteAttachment, listAttachments, readAttachment, readChosenFile, sizeText, storeAttachment, type RecordRef } from './attachments';
import { fileErrorMessage } from './messages';
import { OwnNotes } from './OwnNotes';
import './own.css';
import { bestEffort } from '../../shared/best-effort';

/**
 * Types a new tab may show. The tab has the extension's origin, so anything that can run
 * script (HTML, SVG) is only ever downloaded, never opened.
 */
const OPENABLE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

export interface AttachPanelProps {
  profileId: string;
  attachedTo: RecordRef;
  /** The panel's heading; "Dine filer" by default. */
  title?: string;
  /** The citizen's notes on the record too (off where the view shows notes itself). */
  withNotes?: boolean;
  /** Called with the new list after every change (the correction form offers the files as evidence). */
  onList?: (files: VaultRecord<AttachmentData>[]) => void;
  /** `section` stands alone in a view; `div` sits inside a form or dialog. */
  as?: 'section' | 'div';
}

export function AttachPanel(props: AttachPanelProps) {
  const [files, setFiles] = useState<VaultRecord<AttachmentData>[] | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<VaultRecord<AttachmentData> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const id = useId();
  const { kind, id: recordId } = props.attachedTo;

  const load = async () => {
    const list = await listAttachments(props.profileId, { kind, id: recordId });
    setFiles(list);
    props.onList?.(list);
  };
  useEffect(() => {
    load().catch(() => setFiles([]));
    return onVaultEvent((e) => {
      if (e.type === 'changed' && e.changes.some((c) => c.kind === attachmentKind.name)) void bestEffort(load(), 'a failed reload keeps the files shown');
    });
  }, [props.profileId, kind, recordId]);

  const attach = async (event: Event) => {
    event.preventDefault();
    if (!chosen) {
      setFileError(t('own.files.noneChosen'));
      return action.fail(t('own.files.noneChosen'));
    }
    setFileError(null);
    const file = chosen;
    let problem: string | null = null;
    const stored = await action.run(
      t('own.files.attaching', { name: file.name }),
      async () => {
        try {
          const bytes = await readChosenFile(file);
          const record = await storeAttachment(props.profileId, { kind, id: recordId }, { name: file.name, type: file.type, bytes }, note);
          await load();
          return record;
        } catch (error) {
          problem = fileErrorMessage(error, file.size);
          throw error;
        }
      },
      (r) => t('own.files.attached', { name: r.data.fileName }),
    );
    if (stored) {
      setChosen(null);
      setNote('');
      if (input.current) input.current.value = '';
    } else {
      // The choice stays, so the citizen can try again or pick another file.
      setFileError(problem);
      action.fail(problem);
    }
  };

  const open = (file: VaultRecord<AttachmentData>, mode: 'open' | 'download') => {
    // Opened inside the click, before any await, so the browser does not block it as a pop-up.
    const tab = mode === 'open' ? window.open('about:blank', '_blank') : null;
    let problem: string | null = null;
    void action
      .run(
        t('own.files.reading', { name: file.data.fileName }),
        async () => {
          try {
            const bytes = await readAttachment(props.profileId, file);
            if (mode === 'download') return saveFile(bytes, file.data.fileName, file.data.mediaType);
            showBlob(tab, new Blob([bytes as BlobPart], { type: file.data.mediaType }));
          } catch (error) {
            problem = fileErrorMessage(error, file.data.size);
            throw error;
          }
        },
        mode === 'open' ? t('own.files.opened', { name: file.data.fileName }) : t('own.files.downloaded', { name: file.data.fileName }),
      )
      .then((r) => {
        if (r !== undefined || !problem) return;
        tab?.close();
        action.fail(problem);
      });
  };

  const remove = async (file: VaultRecord<AttachmentData>) => {
    setConfirming(null);
    await action.run(
      t('common.working'),
      async () => {
        await deleteAttachment(props.profileId, file);
        await load();
      },
      t('own.files.deleted', { name: file.data.fileName }),
    );
  };

  const Tag = props.as ?? 'section';
  const headingId = `${id}-files`;
  const Heading = Tag === 'section' ? 'h3' : 'h4';
  return (
    <Tag class={Tag === 'section' ? 'panel own-files' : 'own-files'} aria-labelledby={headingId}>
      <Heading id={headingId}>{props.title ?? t('own.files.title')}</Heading>
      {files && files.length === 0 && <p class="empty-list">{t('own.files.none')}</p>}
      {files && files.length > 0 && (
        <ul class="files" aria-labelledby={headingId}>
          {files.map((f) => (
            <li key={f.id}>
              <span class="file-name">{f.data.fileName}</span>{' '}
              <span class="meta">
                {sizeText(f.data.size, locale())} · {t('own.files.added', { when: relativeTime(f.createdAt) })}
              </span>
              {f.data.note && <p class="note-body">{f.data.note}</p>}
              <div class="actions">
                {OPENABLE.has(f.data.mediaType) && (
                  <button type="button" onClick={() => open(f, 'open')}>
                    {t('own.files.open')}
                    <span class="visually-hidden"> {f.data.fileName}</span>
                  </button>
                )}
                <button type="button" onClick={() => open(f, 'download')}>
                  {t('own.files.download')}
                  <span class="visually-hidden"> {f.data.fileName}</span>
                </button>
                <button type="button" class="danger" onClick={() => setConfirming(f)}>
                  {t('own.files.delete')}
                  <span class="visually-hidden"> {f.data.fileName}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div class="attach-form" role="group" aria-labelledby={`${id}-attach`}>
        <p id={`${id}-attach`} class="visually-hidden">
          {t('own.files.attachGroup')}
        </p>
        <div class="field">
          <label for={`${id}-input`}>{t('own.files.choose')}</label>
          <p class="hint" id={`${id}-hint`}>
            {t('own.files.hint', { max: sizeText(ATTACHMENT_MAX_BYTES, locale()) })}
          </p>
          <input
            autocomplete="off"
            id={`${id}-input`}
            ref={input}
            type="file"
            aria-describedby={fileError ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={fileError ? 'true' : undefined}
            onChange={(e) => {
              setChosen(e.currentTarget.files?.[0] ?? null);
              setFileError(null);
              action.reset();
            }}
          />
          {fileError && (
            <p class="field-error" id={`${id}-error`}>
              {fileError}
            </p>
          )}
        </div>
        <TextField label={t('own.files.noteLabel')} value={note} onInput={setNote} />
        <button type="button" onClick={attach}>
          {t('own.files.attach')}
        </button>
      </div>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {confirming && (
        <ConfirmDialog
          message={t('own.files.confirmDelete', { name: confirming.data.fileName })}
          confirmLabel={t('own.files.delete')}
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {props.withNotes !== false && <OwnNotes profileId={props.profileId} attachedTo={{ kind, id: recordId }} />}
    </Tag>
  );
}
