/** One document or journal note: its text, or its PDF opened from the vault (fetched once if needed). */
import { callVault } from '../../messaging/client';
import type { Document } from '../../municipal/api/schemas';
import type { Item } from '../../overview/model';
import { showBlob } from '../blob-url';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';
import { dayText } from './format';
import { AttachPanel } from '../own/AttachPanel';
import { CorrectAction } from '../own/CorrectAction';
import { targetOf } from '../own/corrections';
import { fromBase64Url } from '../../shared/base64url';
import { summariseDocument } from '../../summaries/index';
import { SummaryPanel } from './SummaryPanel';

export function DocumentView(props: { doc: Item<Document>; profileId: string }) {
  const d = props.doc.record;
  const action = useAction();
  const openPdf = () => {
    // Opened before the await, inside the click, so the browser does not block it as a pop-up.
    const tab = window.open('about:blank', '_blank');
    void action
      .run(
        t('common.working'),
        async () => {
          const pdf = await callVault('municipalDocumentPdf', { profileId: props.profileId, documentId: props.doc.vaultId });
          showBlob(tab, new Blob([fromBase64Url(pdf.data) as BlobPart], { type: 'application/pdf' }));
          return true;
        },
        t('doc.pdfOpened'),
      )
      .then((shown) => {
        // Only a failed open leaves the blank tab behind to close (a run that fails gives undefined).
        if (!shown) tab?.close();
      });
  };
  return (
    <article class="document">
      <p class="meta">
        {t('doc.date', { date: dayText(d.date) })}
        {d.author && <> · {t('doc.from', { name: d.author.unit ? `${d.author.name}, ${d.author.unit}` : d.author.name })}</>}
      </p>
      {d.content.format === 'text' ? (
        <div class="document-text">{d.content.text}</div>
      ) : (
        <>
          <button type="button" class="primary" onClick={openPdf}>
            {t('doc.openPdf')}
          </button>
          <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
        </>
      )}
      <SummaryPanel make={(language) => summariseDocument(d, { language })} />
      <div class="actions">
        <CorrectAction profileId={props.profileId} target={targetOf('documents', props.doc, d.title)} class="" />
      </div>
      <AttachPanel profileId={props.profileId} attachedTo={{ kind: 'municipal-document', id: props.doc.vaultId }} />
    </article>
  );
}
