/**
 * The municipality's cases, each by the plain name the vault uses everywhere (KLE code and case
 * number beside it): all of a case with one box, or, opened, single decisions, documents,
 * payments and activities. Long parts show a page of records at a time.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ShareOptions } from '../../../messaging/sharing-api';
import { countText, locale, t, tn } from '../../i18n/index';
import { plainTopicTitle } from '../../municipal/plain';
import { sizeText } from '../../own/attachments';
import { dayText } from '../words';
import {
  caseCoverage,
  caseRecordChosen,
  chosenInPart,
  partCoverage,
  toggleCase,
  toggleCasePart,
  toggleCaseRecord,
  type CaseChoice,
  type CasePart,
  type ShareChoice,
} from './choice';
import { Check } from './controls';
import type { Change } from './flow';

type CaseOption = ShareOptions['cases'][number];

/** Records shown at once in one part; more come a page at a time. */
export const RECORDS_PAGE = 20;

/** `parts` are the parts of a case on offer: all, or those a power of attorney covers. */
export function CasesFieldset(props: { cases: ShareOptions['cases']; parts: readonly CasePart[]; choice: ShareChoice; change: Change }) {
  return (
    <fieldset>
      <legend>{t('sharing.wizard.cases')}</legend>
      {props.cases.map((c) => (
        <CaseChoiceGroup key={c.id} option={c} parts={props.parts} chosen={props.choice.data.cases.get(c.id)} change={props.change} />
      ))}
    </fieldset>
  );
}

/** What of the case is chosen, e.g. "Valgt: 3 dokumenter af 27 (ca. 412 kB)". */
function chosenText(option: CaseOption, offered: readonly CasePart[], chosen: CaseChoice | undefined): string {
  const parts = offered.flatMap((p) => {
    const n = chosenInPart(chosen, p, option.counts[p]);
    return n > 0 ? [t('sharing.wizard.chosenOf', { chosen: tn(`sharing.item.${p}`, n), total: countText(option.counts[p]) })] : [];
  });
  if (parts.length === 0) return t('sharing.wizard.caseChosenNone');
  const bytes = option.records.reduce((sum, r) => sum + (caseRecordChosen(chosen, r.part, r.id) ? r.bytes : 0), 0);
  return t('sharing.wizard.caseChosen', { parts: parts.join(', '), size: sizeText(bytes, locale()) });
}

function CaseChoiceGroup(props: { option: CaseOption; parts: readonly CasePart[]; chosen: CaseChoice | undefined; change: Change }) {
  const { option: c, parts, chosen, change } = props;
  const [open, setOpen] = useState(false);
  const coverage = caseCoverage(chosen, c.counts, parts);
  const partsId = `case-${c.id}-parts`;
  return (
    <fieldset class="nested case-choice">
      <legend>
        <span class="case-name">{plainTopicTitle(c.kle)}</span>{' '}
        <span class="secondary">{t('sharing.wizard.caseMeta', { code: c.kle.code, caseNumber: c.caseNumber })}</span>
      </legend>
      <Check
        id={`case-${c.id}`}
        label={t('sharing.wizard.wholeCase')}
        checked={coverage === 'all'}
        mixed={coverage === 'some'}
        onChange={(on) => change((s) => toggleCase(s, c.id, on, parts))}
      />
      <p class="meta" id={`case-${c.id}-chosen`}>
        {chosenText(c, parts, chosen)}
      </p>
      {c.records.length > 0 && (
        <button type="button" class="secondary" aria-expanded={open} aria-controls={partsId} onClick={() => setOpen(!open)}>
          {t(open ? 'sharing.wizard.hideSingle' : 'sharing.wizard.chooseSingle')}
        </button>
      )}
      <div id={partsId} hidden={!open}>
        {open &&
          parts
            .filter((p) => c.counts[p] > 0)
            .map((p) => <PartChoice key={p} caseId={c.id} part={p} records={c.records.filter((r) => r.part === p)} chosen={chosen} change={change} />)}
      </div>
    </fieldset>
  );
}

function PartChoice(props: { caseId: string; part: CasePart; records: CaseOption['records']; chosen: CaseChoice | undefined; change: Change }) {
  const { caseId, part, records, chosen, change } = props;
  const [shown, setShown] = useState(RECORDS_PAGE);
  // After "show more", focus goes to the first record that appeared, so the keyboard carries on
  // there. A layout effect moves it in the same task as the render: the button that had the focus
  // is gone by then, and a later move would leave the focus on the page body for a frame.
  const focusFrom = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (focusFrom.current === null) return;
    document.getElementById(recordId(focusFrom.current))?.focus();
    focusFrom.current = null;
  }, [shown]);
  const all = records.map((r) => r.id);
  const coverage = partCoverage(chosen, part, records.length);
  const recordId = (index: number) => `case-${caseId}-${part}-${index}`;
  const rest = records.length - shown;
  return (
    <fieldset class="nested case-part">
      <legend>{t(`sharing.wizard.part.${part}`, { count: countText(records.length) })}</legend>
      <Check
        id={`case-${caseId}-${part}`}
        label={t(`sharing.wizard.partAll.${part}`)}
        checked={coverage === 'all'}
        mixed={coverage === 'some'}
        onChange={(on) => change((s) => toggleCasePart(s, caseId, part, on))}
      />
      <ul class="case-records">
        {records.slice(0, shown).map((r, i) => (
          <li key={r.id}>
            <Check
              id={recordId(i)}
              label={r.title}
              {...(r.date ? { secondary: dayText(r.date) } : {})}
              checked={caseRecordChosen(chosen, part, r.id)}
              onChange={(on) => change((s) => toggleCaseRecord(s, caseId, part, r.id, on, all))}
            />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            focusFrom.current = shown;
            setShown(shown + RECORDS_PAGE);
          }}
        >
          {t('sharing.wizard.showMore', { page: countText(Math.min(RECORDS_PAGE, rest)), rest: countText(rest) })}
        </button>
      )}
    </fieldset>
  );
}
