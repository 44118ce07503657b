/** "Breve": the letters the citizen already has, read locally, reviewed and kept with their cases. */
import type { Profile } from '../profiles';
import { t } from '../i18n/index';
import { LetterImport } from './LetterImport';
import { LetterList } from './LetterList';

export function LettersSection(props: { profile: Profile }) {
  return (
    <>
      <h2 id="section-heading" tabIndex={-1}>
        {t('letters.title')}
      </h2>
      <p>{t('letters.intro')}</p>
      <LetterImport profileId={props.profile.id} />
      <LetterList profileId={props.profile.id} />
    </>
  );
}
