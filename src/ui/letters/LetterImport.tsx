/**
 * Letters in: drop or pick PDFs (or ZIPs of them) and they are read in the letter worker, with
 * progress and a way to stop; then each readable letter is reviewed and, once confirmed, stored
 * in one write. Files that could not be read are listed with the reason; nothing of them is kept.
 * Used on the Breve area, on Kommunen and, with its case given, on a case page.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { matchCase, type CaseRef, type ConfirmedReading, type KnownCases } from '../../records/letters/index';
import { ATTACHMENT_MAX_BYTES } from '../../records/own/index';
import { StatusLine } from '../components/Messages';
import { errorMessage, letterErrorMessage } from '../errors';
import { locale, t, tn } from '../i18n/index';
import { dayText } from '../municipal/format';
import { sizeText } from '../own/attachments';
import { knownCases, storeLetter } from './letter-store';
import { readLetters, type ReadFile, type RunProgress } from './letter-runner';
import { draftFromReading, type Draft } from './review';
import { ReviewLetter, type CaseChoice } from './ReviewLetter';
import './letters.css';

interface ToReview {
  name: string;
  bytes: Uint8Array;
  pages: readonly string[];
  scan: boolean;
  draft: Draft;
}

const fileTitle = (name: string): string =>
  name
    .replace(/\.pdf$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim() || name;

function toReview(file: ReadFile): ToReview | null {
  if (!file.result.ok) return null;
  const { text, reading } = file.result.value;
  const draft = draftFromReading(reading, text.pages, {
    appointment: t('letters.review.appointment'),
    answerBy: t('letters.review.answerBy'),
    appeal: t('letters.review.appeal'),
    deadline: t('letters.review.deadline'),
    fileTitle: fileTitle(file.name),
    reasoning: (rule) =>
      [
        tn(`letters.rule.${rule.kind}`, rule.count, { from: dayText(rule.from) }),
        rule.fromIs === 'letter-date' ? t('letters.rule.fromLetterDate') : '',
        rule.movedFrom ? t('letters.rule.moved', { day: dayText(rule.movedFrom) }) : '',
      ]
        .filter(Boolean)
        .join(' '),
  });
  return { name: file.name, bytes: file.bytes, pages: text.pages, scan: !text.hasTextLayer, draft };
}

type Cases = KnownCases & { titles: Map<string, string> };

function caseChoices(cases: Cases): CaseChoice[] {
  return [
    ...cases.municipal.map((c) => ({ ref: { kind: 'municipal-case' as const, id: c.vaultId }, key: `municipal-case:${c.vaultId}`, own: false })),
    ...cases.own.map((c) => ({ ref: { kind: 'own-case' as const, id: c.vaultId }, key: `own-case:${c.vaultId}`, own: true })),
  ].map(({ ref, key, own }) => {
    const title = cases.titles.get(key) ?? '';
    return { ref, label: own ? t('letters.review.caseOwn', { title }) : t('letters.review.caseMunicipal', { title }) };
  });
}

export function LetterImport(props: { profileId: string; caseRef?: CaseRef | undefined }) {
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [problems, setProblems] = useState<{ name: string; message: string }[]>([]);
  const [queue, setQueue] = useState<ToReview[]>([]);
  const [reviewed, setReviewed] = useState({ n: 0, total: 0, stored: 0 });
  const [cases, setCases] = useState<Cases | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dragging, setDragging] = useState(false);
  const run = useRef<ReturnType<typeof readLetters> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  // A page left while letters are read ends the worker with it.
  useEffect(() => () => run.current?.cancel(), []);

  const start = async (files: File[]) => {
    if (files.length === 0 || run.current) return;
    setProblems([]);
    setStatus(null);
    const current = readLetters(files, setProgress);
    run.current = current;
    const outcome = await current.done;
    run.current = null;
    let known: Cases | null = null;
    try {
      known = await knownCases(props.profileId);
    } catch (error) {
      // Without the cases nothing can be matched or stored: say why, keep nothing.
      setProgress(null);
      setStatus(errorMessage(error));
      return;
    }
    setProgress(null);
    if (input.current) input.current.value = '';
    const max = sizeText(ATTACHMENT_MAX_BYTES, locale());
    const failed = outcome.files.flatMap((f) => (f.result.ok ? [] : [{ name: f.name, message: letterErrorMessage(f.result.code, max) }]));
    // The vault keeps files up to its attachment limit; a larger letter is said to be too large.
    const readable = outcome.files.filter((f) => f.result.ok && f.bytes.length <= ATTACHMENT_MAX_BYTES);
    const tooLarge = outcome.files.filter((f) => f.result.ok && f.bytes.length > ATTACHMENT_MAX_BYTES);
    setProblems([...failed, ...tooLarge.map((f) => ({ name: f.name, message: letterErrorMessage('letter-too-large', max) }))]);
    const next = readable.map(toReview).filter((r): r is ToReview => r !== null);
    setCases(known);
    setQueue(next);
    setReviewed({ n: 1, total: next.length, stored: 0 });
    if (outcome.cancelled) setStatus(t('letters.import.cancelled'));
    else if (next.length === 0) setStatus(t('letters.import.nothingRead'));
  };

  const advance = (stored: boolean, message: string | null) => {
    const rest = queue.slice(1);
    const counts = { n: reviewed.n + 1, total: reviewed.total, stored: reviewed.stored + (stored ? 1 : 0) };
    setQueue(rest);
    setReviewed(counts);
    setStatus([message, rest.length === 0 ? tn('letters.import.allDone', counts.total, { stored: counts.stored }) : null].filter(Boolean).join(' '));
    if (rest.length === 0) input.current?.focus();
  };

  const confirm = async (item: ToReview, reading: ConfirmedReading, title: string, chosen: CaseRef | 'new') => {
    if (!cases) return;
    setSaving(true);
    setStatus(t('letters.review.saving'));
    try {
      const records = await storeLetter({
        profileId: props.profileId,
        file: { title, fileName: item.name, pages: item.pages.length, scan: item.scan, text: item.pages.join('\n\f\n') },
        bytes: item.bytes,
        reading,
        cases,
        chosenCase: chosen,
      });
      // A new own case may take the next letters with the same case number.
      if (records.newCase) {
        const made = records.newCase;
        setCases({
          ...cases,
          own: [...cases.own, { vaultId: made.id, caseNumbers: made.data.caseNumbers }],
          titles: new Map(cases.titles).set(`own-case:${made.id}`, made.data.title),
        });
      }
      const events = records.events.length ? tn('letters.review.savedEvents', records.events.length) : '';
      advance(true, t('letters.review.saved', { title, events }));
    } catch (error) {
      setStatus(null);
      setProblems((p) => [...p, { name: item.name, message: errorMessage(error) }]);
    } finally {
      setSaving(false);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void start([...(event.dataTransfer?.files ?? [])]);
  };

  const head = queue[0];
  const found = head && cases ? foundCase(head.draft, cases, props.caseRef) : null;

  return (
    <section class="panel letter-import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('letters.import.title')}</h3>
      {!head && (
        <div
          class={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(e) => (e.preventDefault(), setDragging(true))}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('letters.import.drop')}</p>
          <label for={`${id}-files`}>{t('letters.import.choose')}</label>
          <input
            ref={input}
            id={`${id}-files`}
            type="file"
            autocomplete="off"
            multiple
            accept=".pdf,.zip,application/pdf,application/zip"
            aria-describedby={`${id}-hint`}
            disabled={progress !== null}
            onChange={(e) => void start([...(e.currentTarget.files ?? [])])}
          />
          <p class="hint" id={`${id}-hint`}>
            {t('letters.import.hint')} {props.caseRef ? t('letters.import.caseHint') : ''}
          </p>
        </div>
      )}
      {progress && (
        <div class="letter-progress">
          <progress aria-label={t('letters.import.progress')} value={progress.done} max={Math.max(progress.total, 1)} />
          <p>
            {progress.current &&
              (progress.pages > 0
                ? t('letters.import.readingPage', {
                    done: progress.done + 1,
                    total: progress.total,
                    name: progress.current,
                    page: progress.page,
                    pages: progress.pages,
                  })
                : t('letters.import.reading', { done: progress.done + 1, total: progress.total, name: progress.current }))}
          </p>
          <button type="button" onClick={() => run.current?.cancel()}>
            {t('letters.import.cancel')}
          </button>
        </div>
      )}
      <StatusLine>{status}</StatusLine>
      <div role="alert" class={problems.length ? 'alert' : 'alert empty'}>
        {problems.length > 0 && (
          <>
            <p>{t('letters.import.problemsTitle')}</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{t('letters.import.problem', p)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {head && cases && (
        <ReviewLetter
          key={`${reviewed.n}:${head.name}`}
          name={head.name}
          pages={head.pages}
          scan={head.scan}
          draft={head.draft}
          foundCase={found}
          cases={caseChoices(cases)}
          position={{ n: reviewed.n, total: reviewed.total }}
          busy={saving}
          onConfirm={(reading, title, chosen) => void confirm(head, reading, title, chosen)}
          onSkip={() => advance(false, null)}
        />
      )}
    </section>
  );
}

/** The case shown as found: the one the page gives (a case page), else the one the case number names. */
function foundCase(draft: Draft, cases: Cases, given: CaseRef | undefined): CaseChoice | null {
  const ref =
    given ??
    matchCase(
      draft.caseNumbers.map((c) => c.value),
      cases,
    )?.ref;
  if (!ref) return null;
  return { ref, label: cases.titles.get(`${ref.kind}:${ref.id}`) ?? '' };
}
