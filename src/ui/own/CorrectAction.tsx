/** The "Ret eller tilføj" button of a municipal record: opens the correction form for it. */
import { useContext, useState } from 'preact/hooks';
import { t } from '../i18n/index';
import { CaseLookup } from '../municipal/Links';
import type { CorrectionTarget } from './corrections';
import { CorrectionDialog } from './CorrectionForm';

export function CorrectAction(props: { profileId: string; target: CorrectionTarget; class?: string }) {
  const [open, setOpen] = useState(false);
  const lookup = useContext(CaseLookup);
  const { target } = props;
  // The request goes to the inbox of the record's case (a case is its own case).
  const caseVaultId = target.kind === 'municipal-case' ? target.id : target.caseId ? lookup(target.origin, target.caseId)?.vaultId : undefined;
  return (
    <>
      <button type="button" class={props.class ?? 'link'} onClick={() => setOpen(true)}>
        {t('own.correct.action')}
        <span class="visually-hidden"> {t('own.correct.actionContext', { record: target.title })}</span>
      </button>
      {open && <CorrectionDialog profileId={props.profileId} target={target} {...(caseVaultId ? { caseVaultId } : {})} onClose={() => setOpen(false)} />}
    </>
  );
}
