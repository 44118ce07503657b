/**
 * Loads what *Now* shows: the background answers from the profile's stored summary while its
 * sources are unchanged (one record read), so unlocking does not decrypt the whole history.
 * Loads again when the background reports a change to a municipal kind, or to the entries read
 * from letters and calendar files.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import { OVERVIEW_KINDS } from '../../overview/from-records';
import type { OverviewData } from '../../overview/model';
import { NO_OWN_ENTRIES, type OwnEntries } from '../../overview/now';
import { letterEventKind } from '../../records/letters/index';
import { calendarEventKind } from '../../records/own/index';
import type { DamagedRecord } from '../../vault/public-types';
import { errorMessage } from '../errors';

const SOURCE_KINDS = new Set<string>([...Object.values(OVERVIEW_KINDS), letterEventKind, calendarEventKind].map((kind) => kind.name));

export interface NowState {
  /** The records *Now* reads (the access log is not among them). */
  data: OverviewData | null;
  /** The citizen's own appointments and deadlines still ahead (from letters and calendar files). */
  own: OwnEntries;
  /** Records that could not be read (left out, named by kind). */
  damaged: DamagedRecord[];
  /** Whether the profile holds any municipal record at all. */
  hasData: boolean;
  /** Whether it holds any entry read from a letter or a calendar file. */
  hasOwnEntries: boolean;
  /** Records the background decrypted for the last answer (1 when its summary was current). */
  recordsRead: number | undefined;
  error: string | null;
  /** Asks again (after damaged records were removed, which changes no kind). */
  reload: () => void;
}

/** Loads only while `enabled` (while *Now* is shown); `now` is read when a load starts. */
export function useNowData(profileId: string, now: number, enabled: boolean): NowState {
  const [state, setState] = useState<Omit<NowState, 'reload'>>({
    data: null,
    own: NO_OWN_ENTRIES,
    damaged: [],
    hasData: false,
    hasOwnEntries: false,
    recordsRead: undefined,
    error: null,
  });
  const [generation, setGeneration] = useState(0);
  const moment = useRef(now);
  moment.current = now;
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const load = () =>
      callVault('municipalNow', { profileId, now: Math.floor(moment.current) }).then(
        ({ data, own, damaged, hasData, hasOwnEntries, recordsRead }) =>
          alive && setState({ data: { ...data, accessLog: [] }, own, damaged, hasData, hasOwnEntries, recordsRead, error: null }),
        (error: unknown) => alive && setState((s) => ({ ...s, error: errorMessage(error) })),
      );
    void load();
    const stop = onVaultEvent((event) => {
      if (event.type !== 'changed' || !event.changes.some((c) => c.profileId === profileId && SOURCE_KINDS.has(c.kind))) return;
      // A sync writes page after page: gather a burst of changes into one reload.
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => void load(), 400);
    });
    return () => {
      alive = false;
      if (pending) clearTimeout(pending);
      stop();
    };
  }, [profileId, enabled, generation]);
  return { ...state, reload: () => setGeneration((n) => n + 1) };
}
