/**
 * Municipal records that could not be read are named by kind (a damaged page of payments says
 * "payments"), never only counted; the rest of the view is shown. Removing them clears the
 * warning; the next sync fetches them again from the municipality.
 */
import type { DamagedRecord } from '../../vault/public-types';
import { callVault } from '../../messaging/client';
import { ActionFeedback } from '../components/Messages';
import { useAction } from '../components/use-action';
import { t } from '../i18n/index';
import { DamageAlert } from '../vault/DamageAlert';

export function OverviewDamage(props: { profileId: string; profileName: string; damaged: DamagedRecord[]; onRemoved: () => void }) {
  const action = useAction();
  const remove = async () => {
    const byKind = new Map<string, string[]>();
    for (const d of props.damaged) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d.ref]);
    await action.run(
      t('common.working'),
      async () => {
        for (const [kind, refs] of byKind) await callVault('discardDamaged', { profileId: props.profileId, kind, refs });
        props.onRemoved();
      },
      t('damaged.removed'),
    );
  };
  return (
    <>
      {props.damaged.length > 0 && <DamageAlert damaged={props.damaged} profileName={props.profileName} onRemove={remove} />}
      <ActionFeedback busy={action.busy} done={action.done} error={action.error} />
    </>
  );
}
