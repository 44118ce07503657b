/**
 * "Breve": the letters the citizen already has, read locally, reviewed and kept with their cases;
 * or, at `#/letters/case/<id>`, one of the citizen's own cases.
 */
import type { Profile } from '../profiles';
import { t } from '../i18n/index';
import { LetterImport } from './LetterImport';
import { LetterList, type CaseLinks } from './LetterList';
import { OwnCasePage } from './OwnCasePage';

export function LettersSection(props: { profile: Profile; ownCase?: string | undefined; caseLinks: CaseLinks; lettersHref: string; onAllLetters: () => void }) {
  if (props.ownCase !== undefined) {
    return <OwnCasePage profileId={props.profile.id} caseId={props.ownCase} lettersHref={props.lettersHref} onBack={props.onAllLetters} />;
  }
  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('letters.title')}
      </h2>
      <p>{t('letters.intro')}</p>
      <LetterImport profileId={props.profile.id} />
      <LetterList profileId={props.profile.id} caseLinks={props.caseLinks} />
    </>
  );
}
