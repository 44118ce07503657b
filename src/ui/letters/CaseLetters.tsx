/** A case page's letters: drop or pick letters straight into the case, and the ones it holds. */
import type { CaseRef } from '../../records/letters/index';
import { LetterImport } from './LetterImport';
import { LetterList } from './LetterList';

export function CaseLetters(props: { profileId: string; caseRef: CaseRef; onLoaded?: (count: number) => void }) {
  return (
    <>
      <LetterImport profileId={props.profileId} caseRef={props.caseRef} />
      <LetterList profileId={props.profileId} inCase={props.caseRef} onLoaded={props.onLoaded} />
    </>
  );
}
