/**
 * The overview's lists (src/overview/from-records.ts) from the view cache: each list's items are
 * a model of its kind, made once per version of it and shared by every view that shows it.
 */
import { OVERVIEW_KINDS, overviewLists, type OverviewList } from '../../overview/from-records';
import { EMPTY_OVERVIEW, type OverviewData } from '../../overview/model';
import type { DamagedRecord } from '../../vault/index';
import type { HeldLists, ModelSpec, ViewCache } from './view-cache';

export interface HeldOverview {
  /** The lists asked for; the others empty. */
  data: OverviewData;
  damaged: DamagedRecord[];
}

/** The overview's lists read from lists the cache holds (every kind of `names` must be among them). */
export async function overviewOfHeld(lists: HeldLists, names: readonly OverviewList[]): Promise<OverviewData> {
  const { lists: read } = await overviewLists(async (kind) => lists.of(kind), names);
  return { ...EMPTY_OVERVIEW, ...read };
}

/** The overview's list `name` as items, a model of its kind. */
export const overviewListModel = (name: OverviewList): ModelSpec<{ data: OverviewData; damaged: readonly DamagedRecord[] }> => ({
  key: `overview:${name}`,
  kinds: [OVERVIEW_KINDS[name]],
  compute: async (lists) => ({ data: await overviewOfHeld(lists, [name]), damaged: lists.damaged }),
});

/** The lists `names` of the profile, current, each made into items once per version of its kind. */
export async function heldOverview(cache: ViewCache, profileId: string, names: readonly OverviewList[]): Promise<HeldOverview> {
  const parts = await Promise.all(names.map((name) => cache.model(profileId, overviewListModel(name))));
  const data: OverviewData = { ...EMPTY_OVERVIEW };
  names.forEach((name, i) => Object.assign(data, { [name]: parts[i]!.data[name] }));
  return { data, damaged: parts.flatMap((p) => p.damaged) };
}
