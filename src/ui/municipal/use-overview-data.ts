/**
 * Loads the profile's synced municipal records into the shape the overview reads — only the
 * lists the open view shows, as the background's view cache holds them — and loads a list again
 * when the background reports a change to its kind. Lists the view no longer shows are let go.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { callVault, onVaultEvent } from '../../messaging/client';
import { OVERVIEW_KINDS, type OverviewList } from '../../overview/from-records';
import { EMPTY_OVERVIEW, type OverviewData } from '../../overview/model';
import type { DamagedRecord } from '../../vault/public-types';
import { errorMessage } from '../errors';

const LIST_OF_KIND = new Map<string, OverviewList>(Object.entries(OVERVIEW_KINDS).map(([list, kind]) => [kind.name, list as OverviewList]));

export interface OverviewState {
  /** The lists asked for (the others empty); null until all of them are read. */
  data: OverviewData | null;
  /** Records of those lists that could not be read (left out, named by kind). */
  damaged: DamagedRecord[];
  error: string | null;
  /** Reads the lists again (after damaged records were removed, which changes no kind). */
  reload: () => void;
}

/** What is held: each list read, with the records of it that could not be read. */
type Held = Partial<Record<OverviewList, { items: OverviewData[OverviewList]; damaged: DamagedRecord[] }>>;

async function readLists(profileId: string, names: readonly OverviewList[]): Promise<Held> {
  // The background keeps the lists decoded while the vault is unlocked: a view opened again, or
  // one whose kinds the calendar or a case page already read, is not decrypted again.
  const { data, damaged } = await callVault('viewOverviewLists', { profileId, lists: [...names] });
  const held: Held = {};
  for (const name of names) {
    const kind = OVERVIEW_KINDS[name].name;
    held[name] = { items: data[name], damaged: damaged.filter((d) => d.kind === kind) };
  }
  return held;
}

function stateOf(held: Held, names: readonly OverviewList[], error: string | null): Omit<OverviewState, 'reload'> {
  if (!names.every((name) => held[name])) return { data: null, damaged: [], error };
  const data: OverviewData = { ...EMPTY_OVERVIEW };
  const damaged: DamagedRecord[] = [];
  for (const name of names) {
    // Each list is read from its own kind, so its items are of that list's type.
    Object.assign(data, { [name]: held[name]!.items });
    damaged.push(...held[name]!.damaged);
  }
  return { data, damaged, error };
}

/** `lists` should be a constant per view (its identity is not watched, its names are). */
export function useOverviewData(profileId: string, lists: readonly OverviewList[]): OverviewState {
  const [held, setHeld] = useState<{ profileId: string; lists: Held }>({ profileId, lists: {} });
  const [error, setError] = useState<string | null>(null);
  const wanted = useRef(lists);
  wanted.current = lists;
  const heldNow = useRef(held);
  heldNow.current = held;
  const names = [...lists].sort().join(',');
  const [generation, setGeneration] = useState(0);
  const loadedGeneration = useRef(0);

  useEffect(() => {
    let alive = true;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const stale = new Set<OverviewList>();
    const load = (only?: ReadonlySet<OverviewList>) => {
      const current = heldNow.current.profileId === profileId ? heldNow.current.lists : {};
      const missing = wanted.current.filter((name) => !current[name] || only?.has(name));
      // Let go of lists this view does not show; keep the ones it does while the rest load.
      setHeld((h) => {
        const kept = Object.entries(h.profileId === profileId ? h.lists : {}).filter(([name]) => wanted.current.includes(name as OverviewList));
        return h.profileId === profileId && kept.length === Object.keys(h.lists).length ? h : { profileId, lists: Object.fromEntries(kept) };
      });
      if (missing.length === 0) return;
      readLists(profileId, missing).then(
        (read) => {
          if (!alive) return;
          setError(null);
          setHeld((h) => ({ profileId, lists: { ...(h.profileId === profileId ? h.lists : {}), ...read } }));
        },
        (caught: unknown) => alive && setError(errorMessage(caught)),
      );
    };
    load(generation === loadedGeneration.current ? undefined : new Set(wanted.current));
    loadedGeneration.current = generation;
    const stop = onVaultEvent((event) => {
      if (event.type !== 'changed') return;
      for (const change of event.changes) {
        const list = change.profileId === profileId ? LIST_OF_KIND.get(change.kind) : undefined;
        if (list && wanted.current.includes(list)) stale.add(list);
      }
      if (stale.size === 0) return;
      // A sync writes page after page: gather a burst of changes into one reload.
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        const only = new Set(stale);
        stale.clear();
        load(only);
      }, 400);
    });
    return () => {
      alive = false;
      if (pending) clearTimeout(pending);
      stop();
    };
  }, [profileId, names, generation]);

  // One data object per change of what is held, so the views' memoised work is not redone on every render.
  const state = useMemo(() => stateOf(held.profileId === profileId ? held.lists : {}, lists, error), [held, names, error]);
  return { ...state, reload: () => setGeneration((n) => n + 1) };
}
