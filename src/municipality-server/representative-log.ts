/**
 * A representative's reading, written into the grantor's access log: who looked, on whose
 * behalf, by which power of attorney. Once per power, resource (or document) and day, so a
 * representative's regular syncs do not grow the grantor's log without end.
 */
import type { AccessLogEntry, ResourceName } from '../municipal/api/schemas';
import { toCopenhagenIso } from './data/dates';
import { MUNICIPALITY } from './data/municipality';
import type { Viewer } from './routes/session';
import type { MunicipalityState } from './state';

const WHAT: Record<ResourceName, string> = {
  cases: 'Dine sager',
  decisions: 'Dine afgørelser',
  payments: 'Dine udbetalinger',
  activities: 'Dine aftaler og frister',
  documents: 'Dine dokumenter',
  'access-log': 'Din logning af opslag',
};

/** Logs that the viewer's representative read `resource` (or one document's PDF) of `subject`; a no-op for everyone else. */
export function logRepresentativeRead(
  state: MunicipalityState,
  viewer: Viewer,
  subject: string,
  resource: ResourceName,
  document?: { id: string; title: string },
): void {
  const { power, representation } = viewer;
  if (!power || !representation) return;
  const key = `${power.id}|${resource}|${document?.id ?? ''}|${state.currentDay()}`;
  if (state.representativeReads.has(key)) return;
  state.representativeReads.add(key);
  const ledger = state.ledger(subject);
  const at = toCopenhagenIso(state.now());
  const entry = {
    type: 'access-log-entry' as const,
    id: `${subject}-fuldmagt-${String(ledger.highWater + 1).padStart(6, '0')}`,
    version: 1,
    updatedAt: at,
    at,
    actor: { name: representation.representative.name, role: 'Fuldmægtig' },
    unit: { name: `${MUNICIPALITY.name}, selvbetjening` },
    system: 'Borgerdata-API',
    action: 'viewed',
    what: document ? `Dokument: ${document.title}` : WHAT[resource],
    reason: `Fuldmagt ${power.id}: på vegne af ${representation.onBehalfOf.name}`,
    representation,
  } satisfies AccessLogEntry;
  ledger.put('access-log', entry);
}
