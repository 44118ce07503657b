/**
 * Step 5: exactly what leaves, as the vault worked it out, before anything is made; a case's
 * records one by one under it, and the files that go with them, each list a page at a time (a
 * case can send thousands of records).
 */
import { useMemo } from 'preact/hooks';
import type { RecipientSummary, SharePreview } from '../../../messaging/sharing-api';
import type { ScopeItem } from '../../../records/sharing/selection';
import { WindowedList } from '../../components/WindowedList';
import { t } from '../../i18n/index';
import { copyText, dayText, entryText, itemText, revocationHint, untilText } from '../words';

type Entry = NonNullable<ScopeItem['entries']>[number];

/** The records of the `index`th item, named by its line; keyed by place, since two records may read alike. */
function ApprovalRecords(props: { index: number; entries: readonly Entry[] }) {
  const rows = useMemo(() => props.entries.map((entry, j) => ({ entry, key: String(j) })), [props.entries]);
  return (
    <WindowedList
      id={`approval-records-${props.index}`}
      class="approval-records"
      labelledBy={`approval-item-${props.index}`}
      items={rows}
      keyOf={(row) => row.key}
      renderItem={({ entry }) => (
        <>
          {entryText(entry)}
          {entry.date && <span class="secondary">, {dayText(entry.date)}</span>}
        </>
      )}
    />
  );
}

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
                <span id={`approval-item-${i}`}>{itemText(item)}</span>
                {item.entries && item.entries.length > 0 && <ApprovalRecords index={i} entries={item.entries} />}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('sharing.wizard.until')}</dt>
        <dd data-testid="approve-until">{preview.untilCase ? untilText(preview) : dayText(preview.expiresAt)}</dd>
        {preview.files.length > 0 && (
          <>
            <dt id="approval-copies-label">{t('sharing.wizard.copies')}</dt>
            <dd>
              <WindowedList
                id="approval-copies"
                class="approval-copies"
                labelledBy="approval-copies-label"
                items={preview.files}
                keyOf={(f) => f.path}
                renderItem={(f) => copyText(f)}
              />
            </dd>
          </>
        )}
      </dl>
      <p class="hint">{revocationHint({ name: preview.recipient.name, endpoints: props.recipient?.endpoints ?? {} })}</p>
    </div>
  );
}
