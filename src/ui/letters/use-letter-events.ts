/** The appointments and deadlines read from letters (for an own case's page), kept current as letters are added or deleted. */
import { useEffect, useState } from 'preact/hooks';
import { onVaultEvent } from '../../messaging/client';
import { listRecords } from '../../messaging/record-client';
import { letterEventKind, type LetterEventData } from '../../records/letters/index';
import { bestEffort } from '../../shared/best-effort';

export function useLetterEvents(profileId: string | undefined): { id: string; data: LetterEventData }[] {
  const [events, setEvents] = useState<{ id: string; data: LetterEventData }[]>([]);
  useEffect(() => {
    if (!profileId) return undefined;
    const load = async () => setEvents((await listRecords(profileId, letterEventKind)).records);
    void bestEffort(load(), 'the calendar shows the municipality’s entries without the letters’');
    return onVaultEvent((e) => {
      if (e.type === 'changed' && e.changes.some((c) => c.profileId === profileId && c.kind === letterEventKind.name))
        void bestEffort(load(), 'a failed reload keeps the entries shown');
    });
  }, [profileId]);
  return events;
}
