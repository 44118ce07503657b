/**
 * Records that could not be read (damaged, or changed outside Handlerum) are named, never hidden:
 * how many, of which kind, in whose profile, with the way out (restore, or remove them). A page of
 * records changed, deleted or put back to an older copy is said as such: which records it held
 * cannot be known, so it is named by kind, not counted.
 */
import { useState } from 'preact/hooks';
import type { DamagedRecord } from '../../vault/public-types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { isMessageKey, t, tn, type MessageKey } from '../i18n/index';

function kindWord(kind: string, count: number): string {
  const key = `kind.${kind}.${count === 1 ? 'one' : 'many'}`;
  return isMessageKey(key) ? t(key) : kind;
}

const PAGE_MESSAGES: Partial<Record<DamagedRecord['reason'], MessageKey>> = {
  'page-damaged': 'damaged.pageDamaged',
  'page-missing': 'damaged.pageMissing',
  'page-rolled-back': 'damaged.pageRolledBack',
};

const isPageDamage = (d: DamagedRecord): boolean => PAGE_MESSAGES[d.reason] !== undefined;

export function damageSummary(damaged: DamagedRecord[], profileName: string): string[] {
  const byKind = new Map<string, number>();
  const pageLines = new Set<string>();
  for (const d of damaged) {
    const pageMessage = PAGE_MESSAGES[d.reason];
    if (pageMessage) pageLines.add(t(pageMessage, { kinds: kindWord(d.kind, 2), name: profileName }));
    else byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
  }
  const recordLines = [...byKind].map(([kind, count]) => tn('damaged', count, { kind: kindWord(kind, count), name: profileName }));
  return [...pageLines, ...recordLines];
}

export function DamageAlert(props: { damaged: DamagedRecord[]; profileName: string; onRemove: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div class="damage" role="alert">
      <h3>{t('damaged.title')}</h3>
      {damageSummary(props.damaged, props.profileName).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>{t(props.damaged.some(isPageDamage) ? 'damaged.pageHint' : 'damaged.hint')}</p>
      <button type="button" class="danger" onClick={() => setConfirming(true)}>
        {t('damaged.remove')}
      </button>
      {confirming && (
        <ConfirmDialog
          message={t('damaged.removeConfirm')}
          confirmLabel={t('damaged.remove')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void props.onRemove();
          }}
        />
      )}
    </div>
  );
}
