/** Step 5: exactly what leaves, as the vault worked it out, before anything is made; a case's records one by one under it. */
import type { RecipientSummary, SharePreview } from '../../../messaging/sharing-api';
import { t } from '../../i18n/index';
import { copyText, dayText, entryText, itemText, untilText } from '../words';

export function ApproveStep(props: { preview: SharePreview; recipient: RecipientSummary | null }) {
  const { preview } = props;
  return (
    <div class="approval">
      <p>{t('sharing.wizard.approveIntro')}</p>
      <dl>
        <dt>{t('sharing.wizard.to')}</dt>
        <dd>
          {preview.recipient.name} <span class="mono">({props.recipient?.fingerprintGroups.join(' ')})</span>
        </dd>
        <dt>{t('sharing.wizard.why')}</dt>
        <dd>{preview.purpose}</dd>
        <dt>{t('sharing.wizard.what')}</dt>
        <dd>
          <ul class="approval-items">
            {preview.items.map((item, i) => (
              <li key={i}>
                {itemText(item)}
                {item.entries && item.entries.length > 0 && (
                  <ul class="approval-records">
                    {item.entries.map((entry, j) => (
                      <li key={j}>
                        {entryText(entry)}
                        {entry.date && <span class="secondary">, {dayText(entry.date)}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('sharing.wizard.until')}</dt>
        <dd data-testid="approve-until">{preview.untilCase ? untilText(preview) : dayText(preview.expiresAt)}</dd>
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
  );
}
