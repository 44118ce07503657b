/**
 * Loads the profile's synced municipal records into the shape the overview reads, and loads
 * them again when the background reports a change to any municipal kind.
 */
import { useEffect, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import type { MunicipalRecordData } from '../../records/municipal/index';
import type { OverviewData, Item } from '../../overview/model';
import { errorMessage } from '../errors';

export const OVERVIEW_KINDS = {
  cases: 'municipal-case',
  decisions: 'municipal-decision',
  payments: 'municipal-payment',
  activities: 'municipal-activity',
  documents: 'municipal-document',
  accessLog: 'municipal-access-log-entry',
} as const satisfies Record<keyof OverviewData, string>;

const MUNICIPAL_KINDS = new Set<string>(Object.values(OVERVIEW_KINDS));

export interface OverviewState {
  data: OverviewData | null;
  /** Records that could not be read (left out, counted). */
  damaged: number;
  error: string | null;
}

async function loadOverview(profileId: string): Promise<{ data: OverviewData; damaged: number }> {
  const entries = Object.entries(OVERVIEW_KINDS) as [keyof OverviewData, string][];
  const lists = await Promise.all(entries.map(([, kind]) => callVault('listRecords', { profileId, kind })));
  let damaged = 0;
  const data = {} as Record<keyof OverviewData, Item<unknown>[]>;
  entries.forEach(([key], i) => {
    const list = lists[i]!;
    damaged += list.damaged.length;
    data[key] = list.records.map((r) => {
      const stored = r.data as MunicipalRecordData;
      return { vaultId: r.id, origin: stored.provenance.origin, record: stored.record };
    });
  });
  return { data: data as unknown as OverviewData, damaged };
}

export function useOverviewData(profileId: string): OverviewState {
  const [state, setState] = useState<OverviewState>({ data: null, damaged: 0, error: null });
  useEffect(() => {
    let alive = true;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const load = () =>
      loadOverview(profileId).then(
        ({ data, damaged }) => alive && setState({ data, damaged, error: null }),
        (error: unknown) => alive && setState((s) => ({ ...s, error: errorMessage(error) })),
      );
    void load();
    const stop = onVaultEvent((event) => {
      if (event.type !== 'changed' || !event.changes.some((c) => c.profileId === profileId && MUNICIPAL_KINDS.has(c.kind))) return;
      // A sync writes page after page: gather a burst of changes into one reload.
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => void load(), 400);
    });
    return () => {
      alive = false;
      if (pending) clearTimeout(pending);
      stop();
    };
  }, [profileId]);
  return state;
}
