/**
 * The review of one letter: what was found, each item a labelled field the citizen may correct
 * or remove, with the letter's own words it came from; beside it, the letter's text with every
 * finding marked. Confirm stores the letter (one write); skip stores nothing.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { LETTER_TYPES, type CaseRef, type ConfirmedReading } from '../../records/letters/index';
import { t, type MessageKey } from '../i18n/index';
import { confirmDraft, DraftProblem, highlights, pageRuns, type Draft, type Item, type ListField, type Span } from './review';

export interface CaseChoice {
  ref: CaseRef;
  label: string;
}

export interface ReviewProps {
  name: string;
  pages: readonly string[];
  scan: boolean;
  draft: Draft;
  /** The case found by number (or given by the case page), and every case that may be chosen. */
  foundCase: CaseChoice | null;
  cases: readonly CaseChoice[];
  position: { n: number; total: number };
  busy: boolean;
  /** `chosenCase`: the case picked in the form (the one found is among them), or a new one. */
  onConfirm: (reading: ConfirmedReading, title: string, chosenCase: CaseRef | 'new') => void;
  onSkip: () => void;
}

const NEW_CASE = 'new';
const refValue = (ref: CaseRef): string => `${ref.kind}:${ref.id}`;

/** The letter's own words an item came from, to show beside the field. */
const sourceText = (pages: readonly string[], span: Span | null): string | null =>
  span ? (pages[span.page]?.slice(span.start, span.end).replace(/\s+/g, ' ').trim() ?? null) : null;

function Source(props: { pages: readonly string[]; item: Item<unknown> }) {
  const text = sourceText(props.pages, props.item.span);
  if (!text) return null;
  return (
    <p class="hint found-in" id={`src-${props.item.key}`}>
      <a href={`#mark-${props.item.key}`}>{t('letters.review.fromLetter', { text })}</a>
    </p>
  );
}

function Input(props: { label: string; value: string; onInput: (v: string) => void; type?: string; describedBy?: string | undefined; invalid?: boolean }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete="off"
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? 'true' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

function Select<V extends string>(props: { label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (v: V) => void }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} autocomplete="off" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One removable group of fields: the legend names the item, the button says what it removes. */
function ItemGroup(props: { legend: string; pages: readonly string[]; item: Item<unknown>; onRemove: () => void; children: JSX.Element | JSX.Element[] }) {
  return (
    <fieldset class="found-item" data-item={props.item.key}>
      <legend>{props.legend}</legend>
      {props.children}
      <Source pages={props.pages} item={props.item} />
      <button type="button" class="link" onClick={props.onRemove}>
        {t('letters.review.remove', { what: props.legend.toLowerCase() })}
      </button>
    </fieldset>
  );
}

export function ReviewLetter(props: ReviewProps) {
  const [draft, setDraft] = useState<Draft>(props.draft);
  const [problem, setProblem] = useState<{ key: string | null; text: string } | null>(null);
  const [caseValue, setCaseValue] = useState<string>(props.foundCase ? refValue(props.foundCase.ref) : NEW_CASE);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextKey = useRef(0);
  useEffect(() => heading.current?.focus(), []);
  const marks = useMemo(() => highlights(draft), [draft]);

  const newKey = () => `n${nextKey.current++}`;
  const setList = <F extends ListField>(field: F, list: Draft[F]) => setDraft((d) => ({ ...d, [field]: list }));
  const update = <F extends ListField>(field: F, key: string, value: Draft[F][number]['value']) =>
    setList(field, draft[field].map((i) => (i.key === key ? { ...i, value } : i)) as Draft[F]);
  const remove = (field: ListField, key: string) => setList(field, draft[field].filter((i) => i.key !== key) as Draft[typeof field]);

  const confirm = (event: Event) => {
    event.preventDefault();
    try {
      const reading = confirmDraft(draft);
      setProblem(null);
      const chosen = [...(props.foundCase ? [props.foundCase] : []), ...props.cases].find((c) => refValue(c.ref) === caseValue)?.ref;
      props.onConfirm(reading, draft.title.trim() || props.name, chosen ?? 'new');
    } catch (error) {
      if (!(error instanceof DraftProblem)) throw error;
      setProblem({ key: error.key, text: t(`letters.review.problem.${error.problem}`) });
    }
  };

  const stringList = (field: 'caseNumbers' | 'rules' | 'contact', title: MessageKey, one: MessageKey) => (
    <fieldset class="found-list">
      <legend>{t(title)}</legend>
      {draft[field].length === 0 && <p class="hint">{t('letters.review.nothingFound')}</p>}
      {draft[field].map((i, n) => (
        <ItemGroup key={i.key} legend={`${t(one)} ${n + 1}`} pages={props.pages} item={i} onRemove={() => remove(field, i.key)}>
          <Input label={t(one)} value={i.value} onInput={(v) => update(field, i.key, v)} describedBy={i.span ? `src-${i.key}` : undefined} />
        </ItemGroup>
      ))}
      <button type="button" onClick={() => setList(field, [...draft[field], { key: newKey(), value: '', span: null }])}>
        {t('letters.review.add', { what: t(one).toLowerCase() })}
      </button>
    </fieldset>
  );

  const caseOptions = [
    ...(props.foundCase ? [{ value: refValue(props.foundCase.ref), label: t('letters.review.caseFound', { title: props.foundCase.label }) }] : []),
    ...props.cases
      .filter((c) => !props.foundCase || refValue(c.ref) !== refValue(props.foundCase.ref))
      .map((c) => ({ value: refValue(c.ref), label: c.label })),
    { value: NEW_CASE, label: t('letters.review.caseNew') },
  ];

  return (
    <section class="panel letter-review" aria-labelledby="letter-review-title">
      <p class="meta">{t('letters.review.position', props.position)}</p>
      <h3 id="letter-review-title" ref={heading} tabIndex={-1}>
        {t('letters.review.title', { name: props.name })}
      </h3>
      {props.scan ? <p class="notice">{t('letters.review.scan')}</p> : <p>{t('letters.review.intro')}</p>}
      <div class="review-columns">
        <form autocomplete="off" onSubmit={confirm} class="review-form">
          <Input label={t('letters.review.letterTitle')} value={draft.title} onInput={(title) => setDraft({ ...draft, title })} />
          <Select
            label={t('letters.review.type')}
            value={draft.type}
            options={LETTER_TYPES.map((v) => ({ value: v, label: t(`letters.type.${v}`) }))}
            onChange={(type) => setDraft({ ...draft, type })}
          />
          {draft.sender && (
            <ItemGroup legend={t('letters.review.sender')} pages={props.pages} item={draft.sender} onRemove={() => setDraft({ ...draft, sender: null })}>
              <Input
                label={t('letters.review.sender')}
                value={draft.sender.value}
                onInput={(v) => setDraft({ ...draft, sender: { ...draft.sender!, value: v } })}
              />
            </ItemGroup>
          )}
          {draft.dated && (
            <ItemGroup legend={t('letters.review.dated')} pages={props.pages} item={draft.dated} onRemove={() => setDraft({ ...draft, dated: null })}>
              <Input
                type="date"
                label={t('letters.review.dated')}
                value={draft.dated.value}
                onInput={(v) => setDraft({ ...draft, dated: { ...draft.dated!, value: v } })}
              />
            </ItemGroup>
          )}
          {stringList('caseNumbers', 'letters.review.caseNumbers', 'letters.review.caseNumber')}
          <fieldset class="found-list">
            <legend>{t('letters.review.appointments')}</legend>
            {draft.appointments.length === 0 && <p class="hint">{t('letters.review.nothingFound')}</p>}
            {draft.appointments.map((a, n) => (
              <ItemGroup
                key={a.key}
                legend={`${t('letters.review.appointment')} ${n + 1}`}
                pages={props.pages}
                item={a}
                onRemove={() => remove('appointments', a.key)}
              >
                <Input label={t('letters.review.what')} value={a.value.title} onInput={(title) => update('appointments', a.key, { ...a.value, title })} />
                <Input type="date" label={t('letters.review.day')} value={a.value.day} onInput={(day) => update('appointments', a.key, { ...a.value, day })} />
                <Input
                  label={t('letters.review.time')}
                  value={a.value.time}
                  invalid={problem?.key === a.key}
                  onInput={(time) => update('appointments', a.key, { ...a.value, time })}
                />
                <Input label={t('letters.review.place')} value={a.value.place} onInput={(place) => update('appointments', a.key, { ...a.value, place })} />
              </ItemGroup>
            ))}
            <button
              type="button"
              onClick={() =>
                setList('appointments', [
                  ...draft.appointments,
                  { key: newKey(), value: { title: t('letters.review.appointment'), day: '', time: '', place: '' }, span: null },
                ])
              }
            >
              {t('letters.review.add', { what: t('letters.review.appointment').toLowerCase() })}
            </button>
          </fieldset>
          <fieldset class="found-list">
            <legend>{t('letters.review.deadlines')}</legend>
            {draft.deadlines.length === 0 && <p class="hint">{t('letters.review.nothingFound')}</p>}
            {draft.deadlines.map((d, n) => (
              <ItemGroup
                key={d.key}
                legend={`${t('letters.review.deadline')} ${n + 1}`}
                pages={props.pages}
                item={d}
                onRemove={() => remove('deadlines', d.key)}
              >
                <Input label={t('letters.review.what')} value={d.value.title} onInput={(title) => update('deadlines', d.key, { ...d.value, title })} />
                <Input
                  type="date"
                  label={t('letters.review.day')}
                  value={d.value.day}
                  invalid={problem?.key === d.key}
                  onInput={(day) => update('deadlines', d.key, { ...d.value, day, reasoning: '' })}
                />
                <Select
                  label={t('letters.review.deadlineKind')}
                  value={d.value.kind}
                  options={(['answer', 'appeal', 'other'] as const).map((v) => ({ value: v, label: t(`letters.deadlineKind.${v}`) }))}
                  onChange={(kind) => update('deadlines', d.key, { ...d.value, kind })}
                />
                {d.value.reasoning ? <p class="hint">{t('letters.review.reasoning', { how: d.value.reasoning })}</p> : <></>}
              </ItemGroup>
            ))}
            <button
              type="button"
              onClick={() =>
                setList('deadlines', [
                  ...draft.deadlines,
                  { key: newKey(), value: { title: t('letters.review.deadline'), day: '', kind: 'other', reasoning: '' }, span: null },
                ])
              }
            >
              {t('letters.review.add', { what: t('letters.review.deadline').toLowerCase() })}
            </button>
          </fieldset>
          <fieldset class="found-list">
            <legend>{t('letters.review.amounts')}</legend>
            {draft.amounts.length === 0 && <p class="hint">{t('letters.review.nothingFound')}</p>}
            {draft.amounts.map((a, n) => (
              <ItemGroup key={a.key} legend={`${t('letters.review.amount')} ${n + 1}`} pages={props.pages} item={a} onRemove={() => remove('amounts', a.key)}>
                <Input label={t('letters.review.amount')} value={a.value.text} onInput={(text) => update('amounts', a.key, { ...a.value, text })} />
                <Input label={t('letters.review.purpose')} value={a.value.purpose} onInput={(purpose) => update('amounts', a.key, { ...a.value, purpose })} />
              </ItemGroup>
            ))}
          </fieldset>
          <Select
            label={t('letters.review.outcome')}
            value={draft.outcome?.value ?? 'none'}
            options={[
              { value: 'none', label: t('letters.review.outcomeNone') },
              ...(['granted', 'partially-granted', 'reduced', 'refused', 'stopped'] as const).map((v) => ({ value: v, label: t(`letters.outcome.${v}`) })),
            ]}
            onChange={(v) =>
              setDraft({ ...draft, outcome: v === 'none' ? null : { key: draft.outcome?.key ?? newKey(), value: v, span: draft.outcome?.span ?? null } })
            }
          />
          {draft.outcome && <Source pages={props.pages} item={draft.outcome} />}
          {stringList('rules', 'letters.review.rules', 'letters.review.rule')}
          {stringList('contact', 'letters.review.contact', 'letters.review.contactLine')}
          <Select label={t('letters.review.case')} value={caseValue} options={caseOptions} onChange={setCaseValue} />
          <div role="alert" class={problem ? 'alert' : 'alert empty'}>
            {problem?.text}
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={props.busy}>
              {t('letters.review.confirm')}
            </button>
            <button type="button" onClick={props.onSkip} disabled={props.busy}>
              {t('letters.review.skip')}
            </button>
          </div>
        </form>
        <LetterText pages={props.pages} marks={marks} />
      </div>
    </section>
  );
}

/** The letter's text, page by page, with each finding in a mark element the form links to. */
function LetterText(props: { pages: readonly string[]; marks: ReturnType<typeof highlights> }) {
  if (props.pages.every((p) => p.trim() === '')) return null;
  return (
    <section class="letter-text" aria-labelledby="letter-text-title" tabIndex={0}>
      <h4 id="letter-text-title">{t('letters.review.text')}</h4>
      {props.pages.map((page, n) => (
        <div key={n} class="letter-page">
          <p class="meta">{t('letters.review.page', { n: n + 1 })}</p>
          <pre>
            {pageRuns(page, n, props.marks).map((run, i) =>
              run.key ? (
                <mark key={i} id={`mark-${run.key}`}>
                  {run.text}
                </mark>
              ) : (
                run.text
              ),
            )}
          </pre>
        </div>
      ))}
    </section>
  );
}
