/**
 * Loads the profile's synced municipal records into the shape the overview reads, and loads
 * them again when the background reports a change to any municipal kind.
 */
import { useEffect, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { OVERVIEW_KINDS, overviewFromRecords } from '../../overview/from-records';
import type { OverviewData } from '../../overview/model';
import { errorMessage } from '../errors';

const MUNICIPAL_KINDS = new Set<string>(Object.values(OVERVIEW_KINDS).map((kind) => kind.name));

export interface OverviewState {
  data: OverviewData | null;
  /** Records that could not be read (left out, counted). */
  damaged: number;
  error: string | null;
}

const loadOverview = (profileId: string) => overviewFromRecords((kind) => listRecords(profileId, kind));

/** Loads only once `enabled`: *Now* reads its own summary instead (use-now-data.ts). */
export function useOverviewData(profileId: string, enabled = true): OverviewState {
  const [state, setState] = useState<OverviewState>({ data: null, damaged: 0, error: null });
  useEffect(() => {
    if (!enabled) return;
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
  }, [profileId, enabled]);
  return state;
}
