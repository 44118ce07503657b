/**
 * "Ret eller tilføj": the citizen says what is wrong or missing in a municipal record, why, and
 * what it should say; picks evidence (files on the record or its case, the case's documents,
 * bank rows); saves a draft, sends it to the case's inbox, or downloads it as a file when it
 * cannot be sent. It opens as a modal dialog: focus stays inside, Escape closes it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import { getRecord, listRecords } from '../../messaging/record-client';
import type { KindData } from '../../records/kind';
import { bankTransactionKind } from '../../records/money/index';
import { municipalDocumentKind } from '../../records/municipal/index';
import { foldDanish } from '../../overview/search';
import { canSend, correctionRequestKind, isEditable, type AttachmentData, type CorrectionRequestData, type EvidenceRef } from '../../records/own/index';
import type { VaultRecord } from '../../vault/public-types';
import { TextAreaField, TextField } from '../components/Field';
import { ModalDialog } from '../components/ModalDialog';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';
import { dayText, kroner } from '../municipal/format';
import { saveFile } from '../blob-url';
import { listAttachments } from './attachments';
import { AttachPanel } from './AttachPanel';
import { canReach, exportRequest, requestData, saveRequest, type CorrectionTarget, type Draft } from './corrections';
import { sendError, sendErrorMessage, statusText } from './messages';
import { bestEffort } from '../../shared/best-effort';

interface Choice {
  ref: EvidenceRef;
  detail: string;
}

type BankRow = VaultRecord<KindData<typeof bankTransactionKind>>;

const BANK_SHOWN = 20;
const keyOf = (r: { kind: string; id: string }) => `${r.kind}/${r.id}`;

function fileChoice(f: VaultRecord<AttachmentData>): Choice {
  return { ref: { kind: 'attachment', id: f.id, title: f.data.fileName, sha256: f.data.sha256 }, detail: t('own.evidence.ownFile') };
}

export interface CorrectionFormProps {
  profileId: string;
  target: CorrectionTarget;
  /** The vault id of the record's case; without one the request can be saved and downloaded, not sent. */
  caseVaultId?: string;
  existing?: VaultRecord<CorrectionRequestData>;
  onClose: () => void;
}

export function CorrectionDialog(props: CorrectionFormProps) {
  const id = useId();
  return (
    <ModalDialog labelId={`${id}-title`} initialFocus="textarea" class="correction" onCancel={props.onClose}>
      <h2 id={`${id}-title`}>{t('own.correct.title')}</h2>
      <p class="meta">{t('own.correct.about', { record: props.target.title })}</p>
      <CorrectionForm {...props} />
    </ModalDialog>
  );
}

export function CorrectionForm(props: CorrectionFormProps) {
  const { profileId, target, caseVaultId } = props;
  const [record, setRecord] = useState<VaultRecord<CorrectionRequestData> | undefined>(props.existing);
  const initial = props.existing?.data;
  const [draft, setDraft] = useState<Draft>({
    whatIsWrong: initial?.whatIsWrong ?? '',
    why: initial?.why ?? '',
    field: initial?.target.field ?? target.field ?? '',
    proposedValue: initial?.proposedValue ?? '',
    evidence: initial?.evidence ?? [],
  });
  const [whatError, setWhatError] = useState<string | null>(null);
  const [ownFiles, setOwnFiles] = useState<Choice[]>([]);
  const [caseChoices, setCaseChoices] = useState<Choice[]>([]);
  const [bank, setBank] = useState<BankRow[]>([]);
  const [bankFilter, setBankFilter] = useState('');
  const [reach, setReach] = useState<'ok' | 'no-connection' | 'signed-out' | null>(null);
  const action = useAction();
  const id = useId();

  const editable = !record || isEditable(record.data.status);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    let live = true;
    void bestEffort(
      (async () => {
        const choices: Choice[] = [];
        if (caseVaultId && target.kind !== 'municipal-case') {
          for (const f of await listAttachments(profileId, { kind: 'municipal-case', id: caseVaultId }))
            choices.push({ ...fileChoice(f), detail: t('own.evidence.caseFile') });
        }
        const docs = await listRecords(profileId, municipalDocumentKind);
        for (const r of docs.records) {
          const doc = r.data.record;
          const sameCase = target.caseId !== undefined && doc.caseId === target.caseId;
          if (r.data.provenance.origin !== target.origin || !(sameCase || r.id === target.id)) continue;
          const sha256 = doc.content.format === 'pdf' ? doc.content.sha256 : undefined;
          choices.push({
            ref: { kind: 'municipal-document', id: r.id, title: doc.title.slice(0, 300), ...(sha256 ? { sha256 } : {}) },
            detail: t('own.evidence.document', { date: dayText(doc.date) }),
          });
        }
        if (live) setCaseChoices(choices);
        // Bank rows exist once the citizen imported a statement; a vault without the kind has none.
        const rows = await listRecords(profileId, bankTransactionKind).catch(() => null);
        if (live && rows) setBank(rows.records.sort((a, b) => b.data.date.localeCompare(a.data.date)));
      })(),
      'the evidence choices are optional: the form works without them',
    );
    canReach(profileId, target.origin)
      .then((r) => live && setReach(r))
      .catch(() => live && setReach('no-connection'));
    return () => {
      live = false;
    };
  }, [profileId, target.id, caseVaultId]);

  const bankChoices = useMemo(() => {
    const q = foldDanish(bankFilter);
    const chosen = new Set(draft.evidence.map(keyOf));
    const title = (r: BankRow) => `${dayText(r.data.date)} ${r.data.text} ${kroner(r.data.amountMinor)}`.slice(0, 300);
    const shown = bank.filter((r) => chosen.has(keyOf({ kind: 'bank-transaction', id: r.id })) || (q !== '' && foldDanish(title(r)).includes(q)));
    return shown
      .slice(0, BANK_SHOWN + chosen.size)
      .map((r): Choice => ({ ref: { kind: 'bank-transaction', id: r.id, title: title(r) }, detail: t('own.evidence.bankRow') }));
  }, [bank, bankFilter, draft.evidence]);

  const toggle = (ref: EvidenceRef, on: boolean) =>
    set({ evidence: on ? [...draft.evidence.filter((e) => keyOf(e) !== keyOf(ref)), ref] : draft.evidence.filter((e) => keyOf(e) !== keyOf(ref)) });

  const validate = (): boolean => {
    if (draft.whatIsWrong.trim()) return (setWhatError(null), true);
    setWhatError(t('own.correct.whatMissing'));
    action.fail(t('own.correct.whatMissing'));
    return false;
  };

  const save = async (): Promise<VaultRecord<CorrectionRequestData> | undefined> => {
    const saved = await saveRequest(profileId, record?.id, requestData(target, caseVaultId, draft, record?.data));
    setRecord(saved);
    return saved;
  };

  const onSave = async () => {
    if (!validate()) return;
    await action.run(t('common.working'), save, t('own.correct.saved'));
  };

  const onSend = async () => {
    if (editable && !validate()) return;
    let failure: string | null = null;
    const result = await action.run(
      t('own.correct.sending'),
      async () => {
        const saved = editable ? await save() : record;
        if (!saved || !caseVaultId) throw new Error('nothing to send');
        try {
          const { receipt } = await callVault('municipalInboxSend', { profileId, caseVaultId, payload: { type: 'correction', requestId: saved.id } });
          return receipt;
        } catch (error) {
          failure = sendError(error);
          throw error;
        } finally {
          // The background stored the outcome (received or failed) on the request.
          const now = await getRecord(profileId, correctionRequestKind, saved.id).catch(() => null);
          if (now) setRecord(now);
        }
      },
      (receipt) => t('own.correct.received', { receipt: receipt.id }),
    );
    if (result === undefined && failure) action.fail(failure);
  };

  const onExport = async () => {
    if (editable && !validate()) return;
    await action.run(
      t('common.working'),
      async () => {
        const saved = editable ? await save() : record;
        if (!saved) return '';
        const { fileName, text } = exportRequest(saved);
        saveFile(text, fileName, 'application/json');
        return fileName;
      },
      (file) => t('own.correct.exported', { file }),
    );
  };

  const status = record?.data.status;
  const sendable = Boolean(caseVaultId) && reach === 'ok' && (!status || canSend(status));
  const cannotSend = !caseVaultId
    ? t('own.correct.noCase')
    : reach === 'no-connection'
      ? t('own.correct.noConnection')
      : reach === 'signed-out'
        ? t('own.correct.signedOut')
        : null;

  const choiceList = (choices: Choice[], legend: string, extra?: ComponentChildren) => (
    <fieldset>
      <legend>{legend}</legend>
      {extra}
      {choices.length === 0 && <p class="empty-list">{t('own.evidence.none')}</p>}
      {choices.map((c) => (
        <label class="choice" key={keyOf(c.ref)}>
          <input
            autocomplete="off"
            type="checkbox"
            checked={draft.evidence.some((e) => keyOf(e) === keyOf(c.ref))}
            disabled={!editable}
            onChange={(e) => toggle(c.ref, e.currentTarget.checked)}
          />
          <span>
            {c.ref.title} <span class="meta">({c.detail})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );

  return (
    <div class="correction-form">
      {status && (
        <p class={`correction-status status-${status.state}`} role="status">
          {statusText(status)}
          {status.state === 'failed' && <> {sendErrorMessage(status.reason)}</>}
        </p>
      )}
      {editable ? (
        <>
          <TextAreaField
            label={t('own.correct.what')}
            hint={t('own.correct.whatHint')}
            value={draft.whatIsWrong}
            onInput={(v) => set({ whatIsWrong: v })}
            error={whatError}
            rows={3}
          />
          <TextAreaField label={t('own.correct.why')} value={draft.why} onInput={(v) => set({ why: v })} rows={3} />
          <TextField label={t('own.correct.field')} hint={t('own.correct.fieldHint')} value={draft.field} onInput={(v) => set({ field: v })} />
          <TextField label={t('own.correct.proposed')} value={draft.proposedValue} onInput={(v) => set({ proposedValue: v })} />
        </>
      ) : (
        <dl>
          <dt>{t('own.correct.what')}</dt>
          <dd class="note-body">{draft.whatIsWrong}</dd>
          {draft.why && (
            <>
              <dt>{t('own.correct.why')}</dt>
              <dd class="note-body">{draft.why}</dd>
            </>
          )}
          {draft.proposedValue && (
            <>
              <dt>{t('own.correct.proposed')}</dt>
              <dd>{draft.proposedValue}</dd>
            </>
          )}
        </dl>
      )}

      <h3 id={`${id}-evidence`}>{t('own.evidence.title')}</h3>
      {editable ? (
        <>
          {choiceList(ownFiles, t('own.evidence.recordFiles'))}
          <AttachPanel
            profileId={profileId}
            attachedTo={{ kind: target.kind, id: target.id }}
            title={t('own.evidence.attachNew')}
            withNotes={false}
            as="div"
            onList={(files) => setOwnFiles(files.map(fileChoice))}
          />
          {choiceList(caseChoices, t('own.evidence.caseMaterial'))}
          {bank.length > 0 &&
            choiceList(
              bankChoices,
              t('own.evidence.bank'),
              <TextField label={t('own.evidence.bankFilter')} hint={t('own.evidence.bankFilterHint')} value={bankFilter} onInput={setBankFilter} />,
            )}
        </>
      ) : draft.evidence.length === 0 ? (
        <p class="empty-list">{t('own.evidence.none')}</p>
      ) : (
        <ul class="plain-list" aria-labelledby={`${id}-evidence`}>
          {draft.evidence.map((e) => (
            <li key={keyOf(e)}>{e.title}</li>
          ))}
        </ul>
      )}

      {cannotSend && (!status || canSend(status)) && <p class="warning">{cannotSend}</p>}
      <div class="actions">
        {sendable && (
          <button type="button" class="primary" onClick={onSend}>
            {status && status.state !== 'draft' ? t('own.correct.sendAgain') : t('own.correct.send')}
          </button>
        )}
        {editable && (
          <button type="button" onClick={onSave}>
            {t('own.correct.saveDraft')}
          </button>
        )}
        <button type="button" onClick={onExport}>
          {t('own.correct.export')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('own.correct.close')}
        </button>
      </div>
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
    </div>
  );
}
