/**
 * The citizen's letters (all, or one case's): title, kind, sender, date, whether it is a scan,
 * the case it belongs to and what went into the calendar; open the PDF, or delete the letter with
 * its entries. Each says it was read by the citizen, not signed by the municipality.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { attachmentKind } from '../../records/own/index';
import { letterKind, type CaseRef } from '../../records/letters/index';
import { bestEffort } from '../../shared/best-effort';
import { showBlob } from '../blob-url';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t, tn } from '../i18n/index';
import { dayText } from '../municipal/format';
import { readAttachment } from '../own/attachments';
import { fileErrorMessage } from '../own/messages';
import { deleteLetter, knownCases, listLetters } from './letter-store';

type Listed = Awaited<ReturnType<typeof listLetters>>[number];

/** Where a letter's case is opened: its page's address, and the move there. */
export interface CaseLinks {
  href: (ref: CaseRef) => string;
  open: (ref: CaseRef) => void;
}

export function LetterList(props: {
  profileId: string;
  inCase?: CaseRef | undefined;
  /** Links the case each letter is in (the list of all letters only). */
  caseLinks?: CaseLinks | undefined;
  onLoaded?: ((count: number) => void) | undefined;
}) {
  const [letters, setLetters] = useState<Listed[] | null>(null);
  const [caseTitles, setCaseTitles] = useState<Map<string, string>>(new Map());
  const [confirming, setConfirming] = useState<Listed | null>(null);
  const action = useAction();
  const id = useId();
  const { kind, id: caseId } = props.inCase ?? { kind: null, id: null };

  const load = async () => {
    const inCase = kind && caseId ? { kind, id: caseId } : undefined;
    const [list, cases] = await Promise.all([listLetters(props.profileId, inCase), inCase ? null : knownCases(props.profileId)]);
    setLetters(list);
    props.onLoaded?.(list.length);
    if (cases) setCaseTitles(cases.titles);
  };
  useEffect(() => {
    void action.run(t('common.working'), load);
    return onVaultEvent((e) => {
      if (e.type === 'changed' && e.changes.some((c) => c.kind === letterKind.name || c.kind === attachmentKind.name))
        void bestEffort(load(), 'a failed reload keeps the letters shown');
    });
  }, [props.profileId, kind, caseId]);

  const open = (item: Listed) => {
    const pdf = item.pdf;
    if (!pdf) return;
    // Opened inside the click, before any await, so the browser does not block it as a pop-up.
    const tab = window.open('about:blank', '_blank');
    let problem: string | null = null;
    void action
      .run(
        t('own.files.reading', { name: pdf.data.fileName }),
        async () => {
          try {
            showBlob(tab, new Blob([(await readAttachment(props.profileId, pdf)) as BlobPart], { type: 'application/pdf' }));
          } catch (error) {
            problem = fileErrorMessage(error, pdf.data.size);
            throw error;
          }
        },
        t('letters.list.opened', { name: pdf.data.fileName }),
      )
      .then(() => {
        if (!problem) return;
        tab?.close();
        action.fail(problem);
      });
  };

  const remove = (item: Listed) => {
    setConfirming(null);
    void action.run(t('common.working'), () => deleteLetter(props.profileId, item.letter.id, item.pdf), t('letters.list.deleted'));
  };

  return (
    <section class="panel letter-list" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{props.inCase ? t('letters.list.caseTitle') : t('letters.list.title')}</h3>
      {letters && letters.length === 0 && <p class="empty-list">{t('letters.list.none')}</p>}
      {letters && letters.length > 0 && (
        <ul class="letters">
          {letters.map((item) => {
            const l = item.letter.data;
            const caseTitle = props.inCase ? null : caseTitles.get(`${l.case.kind}:${l.case.id}`);
            return (
              <li key={item.letter.id} class="letter">
                <p class="entry-head">
                  <span class="tag">{t(`letters.type.${l.reading.type}`)}</span> <strong>{l.title}</strong>
                  {l.scan && <span class="tag tag-status"> {t('letters.list.scan')}</span>}
                </p>
                <p class="meta">
                  {[l.reading.sender, l.reading.dated ? t('letters.list.dated', { day: dayText(l.reading.dated) }) : null].filter(Boolean).join(', ')}
                </p>
                {caseTitle && <CaseLine caseRef={l.case} title={caseTitle} links={props.caseLinks} />}
                {item.events > 0 && <p>{tn('letters.list.events', item.events)}</p>}
                <p class="hint">{t('letters.list.provenance')}</p>
                <div class="actions">
                  {item.pdf && (
                    <button type="button" onClick={() => open(item)} aria-label={`${t('letters.list.open')}: ${l.title}`}>
                      {t('letters.list.open')}
                    </button>
                  )}
                  <button type="button" class="danger" onClick={() => setConfirming(item)} aria-label={`${t('letters.list.delete')}: ${l.title}`}>
                    {t('letters.list.delete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
      {confirming && (
        <ConfirmDialog
          message={t('letters.list.confirmDelete', { title: confirming.letter.data.title })}
          confirmLabel={t('letters.list.delete')}
          onConfirm={() => remove(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}

/** "I sagen: …", the case's name a link to its page when the list can open it. */
function CaseLine(props: { caseRef: CaseRef; title: string; links: CaseLinks | undefined }) {
  const { caseRef, title, links } = props;
  const [before, after] = t('letters.list.inCase', { title: '\u0000' }).split('\u0000');
  if (!links) return <p>{t('letters.list.inCase', { title })}</p>;
  return (
    <p>
      {before}
      <a
        href={links.href(caseRef)}
        onClick={(e) => {
          e.preventDefault();
          links.open(caseRef);
        }}
      >
        {title}
      </a>
      {after}
    </p>
  );
}
