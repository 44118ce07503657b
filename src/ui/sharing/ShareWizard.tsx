/**
 * The share wizard: recipient → purpose → which data → for how long → approval of exactly what
 * leaves → the bundle (download, send to the recipient, or to the municipality's inbox). Each
 * step's heading takes focus, so a screen reader announces where the citizen is.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callVault } from '../../messaging/client';
import { hostPermissionPattern, type Delivery, type RecipientSummary, type ShareExpiry, type ShareOptions, type SharePreview } from '../../messaging/sharing-api';
import { CLINICAL_TYPES, TRANSACTION_FIELDS, type SelectionItem } from '../../records/sharing/selection';
import { fromBase64Url } from '../../vault/crypto/bytes';
import { SharingError } from '../../messaging/errors';
import { saveBlob } from '../blob-url';
import { TextAreaField, TextField } from '../components/Field';
import { ActionFeedback, Busy } from '../components/Messages';
import { ScreenHeading } from '../components/ScreenHeading';
import { countText, locale, t, type MessageKey } from '../i18n/index';
import { categoryLabel } from '../money/categories';
import { sizeText } from '../own/attachments';
import { copyText, dayText, itemText, metricText, sharingError, untilText } from './words';

const STEPS = ['recipient', 'purpose', 'data', 'expiry', 'approve', 'done'] as const;
type Step = (typeof STEPS)[number];
const CASE_PARTS = ['decisions', 'documents', 'payments', 'activities'] as const;
type CasePart = (typeof CASE_PARTS)[number];
type TransactionField = (typeof TRANSACTION_FIELDS)[number];
type ClinicalType = (typeof CLINICAL_TYPES)[number];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (days: number) => isoDay(new Date(Date.now() + days * 86_400_000));

/** The last `count` whole months before this one, as YYYY-MM from–to. */
function lastMonths(count: number): { from: string; to: string } {
  const now = new Date();
  const month = (offset: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - offset, 1));
    return d.toISOString().slice(0, 7);
  };
  return { from: month(count), to: month(1) };
}

interface Choice {
  notes: Set<string>;
  cases: Map<string, Set<CasePart>>;
  foodBudget: number | null;
  spending: number | null;
  transactions: { months: number; categories: Set<string>; fields: Set<TransactionField> } | null;
  health: Set<string>;
  /** Health data as imported (daily figures, observations, clinical items), over the last `months`. */
  healthRecords: { months: number; metrics: Set<string>; observations: boolean; clinical: Set<ClinicalType> } | null;
  attachments: Set<string>;
}

const NO_CHOICE: Choice = { notes: new Set(), cases: new Map(), foodBudget: null, spending: null, transactions: null, health: new Set(), healthRecords: null, attachments: new Set() };

const healthRecordsEmpty = (h: NonNullable<Choice['healthRecords']>): boolean => h.metrics.size === 0 && !h.observations && h.clinical.size === 0;

function selectionOf(choice: Choice): SelectionItem[] {
  const items: SelectionItem[] = [];
  for (const noteId of choice.notes) items.push({ type: 'note', noteId });
  for (const [caseId, parts] of choice.cases) items.push({ type: 'case', caseId, parts: CASE_PARTS.filter((p) => parts.has(p)) });
  if (choice.foodBudget) items.push({ type: 'food-budget', months: choice.foodBudget });
  if (choice.spending) items.push({ type: 'monthly-spending', ...lastMonths(choice.spending) });
  if (choice.transactions) {
    const { from } = lastMonths(choice.transactions.months);
    const tx = choice.transactions;
    items.push({ type: 'transactions', from: `${from}-01`, to: isoDay(new Date()), categories: [...tx.categories].sort(), fields: TRANSACTION_FIELDS.filter((f) => tx.fields.has(f)) });
  }
  const health = lastMonths(12);
  for (const metric of choice.health) items.push({ type: 'health-summary', kind: metric, from: `${health.from}-01`, to: isoDay(new Date()) });
  const hr = choice.healthRecords;
  if (hr && !healthRecordsEmpty(hr)) {
    items.push({
      type: 'health-records',
      from: `${lastMonths(hr.months).from}-01`,
      to: isoDay(new Date()),
      metrics: [...hr.metrics].sort(),
      observations: hr.observations,
      clinical: CLINICAL_TYPES.filter((c) => hr.clinical.has(c)),
    });
  }
  for (const attachmentId of choice.attachments) items.push({ type: 'attachment', attachmentId });
  return items;
}

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

/** How many months back a choice covers: 1–36, anything else typed is brought into that range. */
function MonthsField(props: { value: number; onChange: (months: number) => void }) {
  return <TextField type="number" min={1} max={36} label={t('sharing.wizard.months')} value={String(props.value)} onInput={(v) => props.onChange(Math.max(1, Math.min(36, Number(v) || 1)))} />;
}

function Check(props: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <div class="check">
      <input autocomplete="off" id={props.id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

export function ShareWizard(props: { profileId: string; recipients: RecipientSummary[]; onClose: () => void; onShared: () => void }) {
  const { profileId } = props;
  const [step, setStep] = useState<Step>('recipient');
  const [recipientId, setRecipientId] = useState<string>(props.recipients[0]?.id ?? '');
  const [purpose, setPurpose] = useState('');
  const [options, setOptions] = useState<ShareOptions | null>(null);
  const [choice, setChoice] = useState<Choice>(NO_CHOICE);
  const [expiryKind, setExpiryKind] = useState<'date' | 'until-case'>('date');
  const [expiryDate, setExpiryDate] = useState(addDays(30));
  const [expiryCase, setExpiryCase] = useState('');
  const [preview, setPreview] = useState<SharePreview | null>(null);
  const [created, setCreated] = useState<{ grantId: string; fileName: string; transferId: string; chunkCount: number } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    callVault('shareOptions', { profileId }).then(setOptions, (e: unknown) => setError(sharingError(e)));
  }, [profileId]);

  const index = STEPS.indexOf(step);
  const recipient = props.recipients.find((r) => r.id === recipientId) ?? null;
  const expiry = (): ShareExpiry => (expiryKind === 'date' ? { kind: 'date', date: expiryDate } : { kind: 'until-case', caseId: expiryCase });
  const request = () => ({ profileId, recipientId, purpose: purpose.trim(), selection: { items: selectionOf(choice) }, expiry: expiry() });

  const work = async <T,>(label: string, fn: () => Promise<T>): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(label);
    setError(null);
    setDone(null);
    try {
      return await fn();
    } catch (caught) {
      setError(sharingError(caught));
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const go = (next: Step) => {
    setFieldError(null);
    setError(null);
    setDone(null);
    setStep(next);
  };

  const next = async (event: Event) => {
    event.preventDefault();
    if (step === 'recipient' && !recipient) return setFieldError(t('sharing.wizard.recipientMissing'));
    if (step === 'purpose' && purpose.trim() === '') return setFieldError(t('sharing.wizard.purposeMissing'));
    if (step === 'data' && choice.healthRecords && healthRecordsEmpty(choice.healthRecords)) return setFieldError(t('sharing.wizard.healthRecordsMissing'));
    if (step === 'data' && selectionOf(choice).length === 0) return setFieldError(t('sharing.wizard.dataMissing'));
    if (step === 'data' && choice.transactions && choice.transactions.fields.size === 0) return setFieldError(t('sharing.wizard.fieldsMissing'));
    if (step === 'expiry') {
      if (expiryKind === 'date' && !(expiryDate > isoDay(new Date()))) return setFieldError(t('sharing.wizard.expiryMissing'));
      if (expiryKind === 'until-case' && !expiryCase) return setFieldError(t('sharing.wizard.expiryCaseLabel'));
      const shown = await work(t('sharing.wizard.previewing'), () => callVault('sharePreview', request()));
      if (!shown) return;
      setPreview(shown);
    }
    go(STEPS[index + 1]!);
  };

  const approve = async () => {
    const made = await work(t('sharing.wizard.creating'), () => callVault('shareCreate', request()));
    if (!made) return;
    setCreated(made);
    props.onShared();
    go('done');
  };

  // A failed delivery is thrown with its own code (and kept on the grant as not delivered).
  const describe = (d: Delivery) => t(`sharing.delivery.ok.${d.channel}` as MessageKey, { detail: d.detail });

  const download = async () => {
    if (!created) return;
    const delivery = await work(t('common.working'), async () => {
      const parts: Uint8Array<ArrayBuffer>[] = [];
      for (let i = 0; i < created.chunkCount; i++) parts.push(fromBase64Url((await callVault('shareRead', { transferId: created.transferId, index: i })).data) as Uint8Array<ArrayBuffer>);
      saveBlob(new Blob(parts, { type: 'application/octet-stream' }), created.fileName);
      return callVault('shareDeliver', { profileId, grantId: created.grantId, channel: 'download' });
    });
    if (delivery) setDone(describe(delivery));
  };

  const send = async (channel: 'endpoint' | 'municipal-inbox') => {
    if (!created) return;
    let granted = true;
    if (channel === 'endpoint' && preview?.channels.endpoint) {
      // Asked for inside the click: browsers only show the prompt for a user gesture.
      granted = await browser.permissions.request({ origins: [hostPermissionPattern(new URL(preview.channels.endpoint).origin)] }).catch(() => false);
    }
    const delivery = await work(t('sharing.wizard.sending'), async () => {
      if (!granted) throw new SharingError('recipient-permission-missing', 'the citizen did not allow it');
      return callVault('shareDeliver', { profileId, grantId: created.grantId, channel });
    });
    if (delivery) setDone(describe(delivery));
  };

  const toggleCase = (caseId: string, on: boolean) =>
    setChoice((c) => {
      const cases = new Map(c.cases);
      if (on) cases.set(caseId, new Set(CASE_PARTS));
      else cases.delete(caseId);
      return { ...c, cases };
    });
  const togglePart = (caseId: string, part: CasePart, on: boolean) =>
    setChoice((c) => {
      const cases = new Map(c.cases);
      const parts = new Set(cases.get(caseId) ?? []);
      if (on) parts.add(part);
      else parts.delete(part);
      cases.set(caseId, parts);
      return { ...c, cases };
    });
  const setTransactions = (patch: (tx: NonNullable<Choice['transactions']>) => NonNullable<Choice['transactions']>) =>
    setChoice((c) => (c.transactions ? { ...c, transactions: patch(c.transactions) } : c));
  const setHealthRecords = (patch: (h: NonNullable<Choice['healthRecords']>) => NonNullable<Choice['healthRecords']>) =>
    setChoice((c) => (c.healthRecords ? { ...c, healthRecords: patch(c.healthRecords) } : c));
  const toggleSet = (key: 'notes' | 'health' | 'attachments', id: string, on: boolean) =>
    setChoice((c) => {
      const set = new Set(c[key]);
      if (on) set.add(id);
      else set.delete(id);
      return { ...c, [key]: set };
    });

  const headings: Record<Step, string> = {
    recipient: t('sharing.wizard.recipient'),
    purpose: t('sharing.wizard.purpose'),
    data: t('sharing.wizard.data'),
    expiry: t('sharing.wizard.expiry'),
    approve: t('sharing.wizard.approve'),
    done: t('sharing.wizard.done'),
  };
  const openCases = options?.cases.filter((c) => c.status !== 'closed') ?? [];
  const hasHealthRecords = options ? options.health.length > 0 || options.healthRecords.observations > 0 || options.healthRecords.clinical.length > 0 : false;
  const nothing = options && options.notes.length === 0 && options.cases.length === 0 && !options.transactions && !hasHealthRecords && options.attachments.length === 0;

  return (
    <section aria-labelledby="wizard-step" class="panel wizard">
      <p class="meta">{t('sharing.wizard.step', { step: Math.min(index + 1, 5), count: 5 })}</p>
      <ScreenHeading level={3} id="wizard-step" focusKey={step}>
        {headings[step]}
      </ScreenHeading>
      <form autocomplete="off" onSubmit={(e) => void next(e)} noValidate>
        {step === 'recipient' && (
          <fieldset>
            <legend>{t('sharing.wizard.recipient')}</legend>
            {props.recipients.map((r) => (
              <div class="check" key={r.id}>
                <input autocomplete="off" id={`pick-${r.id}`} type="radio" name="recipient" checked={recipientId === r.id} onChange={() => setRecipientId(r.id)} />
                <label for={`pick-${r.id}`}>
                  {r.name} <span class="mono">({r.fingerprintGroups.slice(0, 3).join(' ')} …)</span>
                </label>
              </div>
            ))}
          </fieldset>
        )}
        {step === 'purpose' && <TextAreaField label={t('sharing.wizard.purposeLabel')} hint={t('sharing.wizard.purposeHint')} value={purpose} onInput={setPurpose} rows={2} error={fieldError} />}
        {step === 'data' && (
          <>
            <p class="hint">{t('sharing.wizard.dataHint')}</p>
            {!options && <Busy label={t('common.working')} />}
            {nothing && <p>{t('sharing.wizard.nothing')}</p>}
            {options && options.notes.length > 0 && (
              <fieldset>
                <legend>{t('sharing.wizard.notes')}</legend>
                {options.notes.map((n) => (
                  <Check key={n.id} id={`note-${n.id}`} label={n.title} checked={choice.notes.has(n.id)} onChange={(on) => toggleSet('notes', n.id, on)} />
                ))}
              </fieldset>
            )}
            {options && options.cases.length > 0 && (
              <fieldset>
                <legend>{t('sharing.wizard.cases')}</legend>
                {options.cases.map((c) => (
                  <div key={c.id}>
                    <Check id={`case-${c.id}`} label={`${c.title} (${c.caseNumber})`} checked={choice.cases.has(c.id)} onChange={(on) => toggleCase(c.id, on)} />
                    {choice.cases.has(c.id) && (
                      <fieldset class="nested">
                        <legend>{t('sharing.wizard.caseParts', { title: c.title })}</legend>
                        {CASE_PARTS.map((p) => (
                          <Check
                            key={p}
                            id={`case-${c.id}-${p}`}
                            label={t(`sharing.wizard.part.${p}`, { count: countText(c.counts[p] ?? 0) })}
                            checked={choice.cases.get(c.id)?.has(p) ?? false}
                            onChange={(on) => togglePart(c.id, p, on)}
                          />
                        ))}
                      </fieldset>
                    )}
                  </div>
                ))}
              </fieldset>
            )}
            {options?.transactions && (
              <fieldset>
                <legend>{t('sharing.wizard.money')}</legend>
                <Check id="food-budget" label={t('sharing.wizard.foodBudget')} checked={choice.foodBudget !== null} onChange={(on) => setChoice((c) => ({ ...c, foodBudget: on ? 12 : null }))} />
                {choice.foodBudget !== null && (
                  <MonthsField value={choice.foodBudget} onChange={(months) => setChoice((c) => ({ ...c, foodBudget: months }))} />
                )}
                <Check id="spending" label={t('sharing.wizard.spending')} checked={choice.spending !== null} onChange={(on) => setChoice((c) => ({ ...c, spending: on ? 12 : null }))} />
                {choice.spending !== null && (
                  <MonthsField value={choice.spending} onChange={(months) => setChoice((c) => ({ ...c, spending: months }))} />
                )}
                <Check
                  id="transactions"
                  label={t('sharing.wizard.transactions')}
                  checked={choice.transactions !== null}
                  onChange={(on) => setChoice((c) => ({ ...c, transactions: on ? { months: 3, categories: new Set(), fields: new Set(['date', 'amount']) } : null }))}
                />
                {choice.transactions && (
                  <fieldset class="nested">
                    <legend>{t('sharing.wizard.transactionsWhich')}</legend>
                    <MonthsField value={choice.transactions.months} onChange={(months) => setTransactions((tx) => ({ ...tx, months }))} />
                    <fieldset class="nested">
                      <legend>{t('sharing.wizard.fields')}</legend>
                      {TRANSACTION_FIELDS.map((f) => (
                        <Check key={f} id={`tx-field-${f}`} label={t(`sharing.field.${f}`)} checked={choice.transactions!.fields.has(f)} onChange={(on) => setTransactions((tx) => ({ ...tx, fields: toggled(tx.fields, f, on) }))} />
                      ))}
                    </fieldset>
                    <fieldset class="nested">
                      <legend>{t('sharing.wizard.categories')}</legend>
                      {options.transactions.categories.map((cat) => (
                        <Check key={cat} id={`tx-cat-${cat}`} label={categoryLabel(cat)} checked={choice.transactions!.categories.has(cat)} onChange={(on) => setTransactions((tx) => ({ ...tx, categories: toggled(tx.categories, cat, on) }))} />
                      ))}
                    </fieldset>
                  </fieldset>
                )}
              </fieldset>
            )}
            {options && options.health.length > 0 && (
              <fieldset>
                <legend>{t('sharing.wizard.health')}</legend>
                {options.health.map((h) => (
                  <Check key={h.metric} id={`health-${h.metric}`} label={t('sharing.wizard.healthMetric', { metric: metricText(h.metric) })} checked={choice.health.has(h.metric)} onChange={(on) => toggleSet('health', h.metric, on)} />
                ))}
              </fieldset>
            )}
            {options && hasHealthRecords && (
              <fieldset>
                <legend>{t('sharing.wizard.healthRecords')}</legend>
                <Check
                  id="health-records"
                  label={t('sharing.wizard.healthRecordsToggle')}
                  checked={choice.healthRecords !== null}
                  onChange={(on) => setChoice((c) => ({ ...c, healthRecords: on ? { months: 3, metrics: new Set(), observations: false, clinical: new Set() } : null }))}
                />
                {choice.healthRecords && (
                  <fieldset class="nested">
                    <legend>{t('sharing.wizard.healthRecordsWhich')}</legend>
                    <p class="hint">{t('sharing.wizard.healthRecordsHint')}</p>
                    <MonthsField value={choice.healthRecords.months} onChange={(months) => setHealthRecords((h) => ({ ...h, months }))} />
                    {options.health
                      .filter((h) => h.metric !== 'other')
                      .map((h) => (
                        <Check key={h.metric} id={`health-daily-${h.metric}`} label={t('sharing.wizard.healthDaily', { metric: metricText(h.metric) })} checked={choice.healthRecords!.metrics.has(h.metric)} onChange={(on) => setHealthRecords((r) => ({ ...r, metrics: toggled(r.metrics, h.metric, on) }))} />
                      ))}
                    {options.healthRecords.observations > 0 && (
                      <Check id="health-observations" label={t('sharing.wizard.healthObservations', { count: countText(options.healthRecords.observations) })} checked={choice.healthRecords.observations} onChange={(on) => setHealthRecords((r) => ({ ...r, observations: on }))} />
                    )}
                    {options.healthRecords.clinical.map((c) => (
                      <Check key={c.type} id={`health-clinical-${c.type}`} label={t(`sharing.wizard.clinical.${c.type}`, { count: countText(c.count) })} checked={choice.healthRecords!.clinical.has(c.type)} onChange={(on) => setHealthRecords((r) => ({ ...r, clinical: toggled(r.clinical, c.type, on) }))} />
                    ))}
                  </fieldset>
                )}
              </fieldset>
            )}
            {options && options.attachments.length > 0 && (
              <fieldset>
                <legend>{t('sharing.wizard.attachments')}</legend>
                {options.attachments.map((a) => (
                  <Check key={a.id} id={`attachment-${a.id}`} label={t('sharing.wizard.attachment', { name: a.fileName, size: sizeText(a.size, locale()) })} checked={choice.attachments.has(a.id)} onChange={(on) => toggleSet('attachments', a.id, on)} />
                ))}
              </fieldset>
            )}
          </>
        )}
        {step === 'expiry' && (
          <fieldset>
            <legend>{t('sharing.wizard.expiry')}</legend>
            <div class="check">
              <input autocomplete="off" id="expiry-date" type="radio" name="expiry" checked={expiryKind === 'date'} onChange={() => setExpiryKind('date')} />
              <label for="expiry-date">{t('sharing.wizard.expiryDate')}</label>
            </div>
            {expiryKind === 'date' && (
              <div class="field">
                <label for="expiry-day">{t('sharing.wizard.expiryDateLabel')}</label>
                <input autocomplete="off" id="expiry-day" type="date" value={expiryDate} min={addDays(1)} onInput={(e) => setExpiryDate(e.currentTarget.value)} />
              </div>
            )}
            {openCases.length > 0 && (
              <>
                <div class="check">
                  <input autocomplete="off" id="expiry-case" type="radio" name="expiry" checked={expiryKind === 'until-case'} onChange={() => setExpiryKind('until-case')} />
                  <label for="expiry-case">{t('sharing.wizard.expiryCase')}</label>
                </div>
                {expiryKind === 'until-case' && (
                  <div class="field">
                    <label for="expiry-case-pick">{t('sharing.wizard.expiryCaseLabel')}</label>
                    <select autocomplete="off" id="expiry-case-pick" value={expiryCase} onChange={(e) => setExpiryCase(e.currentTarget.value)}>
                      <option value="">–</option>
                      {openCases.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.title} ({c.caseNumber})
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </>
            )}
          </fieldset>
        )}
        {step === 'approve' && preview && (
          <div class="approval">
            <p>{t('sharing.wizard.approveIntro')}</p>
            <dl>
              <dt>{t('sharing.wizard.to')}</dt>
              <dd>
                {preview.recipient.name} <span class="mono">({recipient?.fingerprintGroups.join(' ')})</span>
              </dd>
              <dt>{t('sharing.wizard.why')}</dt>
              <dd>{preview.purpose}</dd>
              <dt>{t('sharing.wizard.what')}</dt>
              <dd>
                <ul class="approval-items">
                  {preview.items.map((item, i) => (
                    <li key={i}>{itemText(item)}</li>
                  ))}
                </ul>
              </dd>
              <dt>{t('sharing.wizard.until')}</dt>
              <dd>{preview.untilCase ? untilText({ expiresAt: null, untilCase: preview.untilCase }) : dayText(preview.expiresAt)}</dd>
              {preview.files.length > 0 && (
                <>
                  <dt>{t('sharing.wizard.copies')}</dt>
                  <dd>
                    <ul class="approval-copies">
                      {preview.files.map((f) => (
                        <li key={f.path}>{copyText(f)}</li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
            <p class="hint">{t('sharing.wizard.approveHonest')}</p>
          </div>
        )}
        {step === 'done' && created && (
          <>
            <p>{t('sharing.wizard.doneIntro')}</p>
            <div class="actions">
              <button type="button" class="primary" onClick={() => void download()} disabled={busy !== null}>
                {t('sharing.wizard.download')}
              </button>
              {preview?.channels.endpoint && (
                <button type="button" onClick={() => void send('endpoint')} disabled={busy !== null}>
                  {t('sharing.wizard.sendEndpoint', { name: preview.recipient.name })}
                </button>
              )}
              {preview?.channels.municipalInbox && (
                <button type="button" onClick={() => void send('municipal-inbox')} disabled={busy !== null}>
                  {t('sharing.wizard.sendInbox')}
                </button>
              )}
            </div>
          </>
        )}
        {fieldError && step !== 'purpose' && (
          <p class="field-error" role="alert">
            {fieldError}
          </p>
        )}
        <ActionFeedback busy={busy} done={done} error={error} />
        <div class="actions wizard-nav">
          {index > 0 && step !== 'done' && (
            <button type="button" onClick={() => go(STEPS[index - 1]!)} disabled={busy !== null}>
              {t('sharing.wizard.back')}
            </button>
          )}
          {index < 4 && (
            <button type="submit" class="primary" disabled={busy !== null}>
              {t('sharing.wizard.next')}
            </button>
          )}
          {step === 'approve' && (
            <button type="button" class="primary" onClick={() => void approve()} disabled={busy !== null || !preview}>
              {t('sharing.wizard.approveButton')}
            </button>
          )}
          {step === 'done' ? (
            <button type="button" onClick={props.onClose}>
              {t('sharing.wizard.finish')}
            </button>
          ) : (
            <button type="button" onClick={props.onClose} disabled={busy !== null}>
              {t('sharing.wizard.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
