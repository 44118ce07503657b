/** The few most recently changed notes across all profiles, for the popup's "what is new". */
import { listRecords } from '../../messaging/record-client';
import { noteKind } from '../../records/note';
import type { Profile } from '../profiles';

export interface RecentNote {
  id: string;
  title: string;
  profileName: string;
  updatedAt: string;
}

export async function recentNotes(profiles: Profile[], limit = 5): Promise<RecentNote[]> {
  const lists = await Promise.all(profiles.map((p) => listRecords(p.id, noteKind)));
  return lists
    .flatMap((list, i) =>
      list.records.map((r) => ({
        id: r.id,
        title: r.data.title,
        profileName: profiles[i]!.data.name,
        updatedAt: r.updatedAt,
      })),
    )
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limit);
}
