/**
 * The fictitious municipality the reference server plays: Vesterå Kommune. Its units, source
 * systems and contact channels are shared by every synthetic citizen.
 */
import type { Contact, SourceSystem } from '../../municipal/api/schemas';

export const MUNICIPALITY = { code: '999', name: 'Vesterå Kommune' } as const;
export const AUTHORITY = { name: MUNICIPALITY.name, municipalityCode: MUNICIPALITY.code } as const;
export const CITY = { postalCode: '8999', city: 'Vesterå' } as const;
export const TOWN_HALL = 'Rådhuspladsen 1, 8999 Vesterå';

export const UNITS = {
  jobcenter: { name: 'Jobcenter Vesterå', department: 'Beskæftigelse' },
  ydelse: { name: 'Ydelsesservice', department: 'Beskæftigelse' },
  rehab: { name: 'Rehabiliteringsteamet', department: 'Beskæftigelse' },
  sundhed: { name: 'Træningscenter Vesterå', department: 'Sundhed og Omsorg' },
  visitation: { name: 'Visitationen', department: 'Sundhed og Omsorg' },
  sundhedspleje: { name: 'Sundhedsplejen', department: 'Børn og Unge' },
  tandpleje: { name: 'Den kommunale tandpleje', department: 'Børn og Unge' },
  ungeindsats: { name: 'Ungeindsatsen', department: 'Børn og Unge' },
  familie: { name: 'Familieafdelingen', department: 'Børn og Unge' },
  dagtilbud: { name: 'Pladsanvisningen', department: 'Børn og Unge' },
  borgerservice: { name: 'Borgerservice', department: 'Borgerservice og Digitalisering' },
  jura: { name: 'Juridisk kontor', department: 'Direktionssekretariatet' },
} as const;

export type UnitKey = keyof typeof UNITS;

/** The main channels of each unit, used when a case has no named caseworker. */
export function unitContact(key: UnitKey, phone: string, email: string): Contact {
  return {
    name: UNITS[key].name,
    unit: UNITS[key].name,
    channels: [
      { kind: 'phone', value: phone, label: 'Telefon', hours: 'man–ons 9–14, tor 9–17, fre 9–12' },
      { kind: 'email', value: email, label: 'E-mail (ikke fortrolige oplysninger)' },
      { kind: 'digital-post', value: `${MUNICIPALITY.name}, ${UNITS[key].name}`, label: 'Digital Post (fortrolige oplysninger)' },
    ],
  };
}

export function caseworker(name: string, key: UnitKey, phone: string, role = 'Sagsbehandler'): Contact {
  const local = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .split(' ')
    .map((part) => part.slice(0, 3))
    .join('');
  return {
    name,
    role,
    unit: UNITS[key].name,
    channels: [
      { kind: 'phone', value: phone, label: 'Direkte telefon', hours: 'man–tor 9–12' },
      { kind: 'email', value: `${local}@vestera.dk`, label: 'E-mail (ikke fortrolige oplysninger)' },
      { kind: 'digital-post', value: `${MUNICIPALITY.name}, ${UNITS[key].name}`, label: 'Digital Post (fortrolige oplysninger)' },
    ],
  };
}

/** Systems appointments and deadlines come from (the "aktivitetsindeks" of the municipalities). */
export const SOURCES = {
  jobnet: { id: 'jobnet', name: 'Jobnet', category: 'job-centre' },
  momentum: { id: 'momentum', name: 'Jobcentrets sagssystem', category: 'case-management' },
  nexus: { id: 'nexus', name: 'Sundheds- og omsorgssystem', category: 'health-care' },
  nsp: { id: 'nsp', name: 'Samlet Patientoverblik', category: 'health-care' },
  novax: { id: 'novax', name: 'Sundhedsplejens journal', category: 'health-visitor' },
  tandpleje: { id: 'tandpleje', name: 'Kommunal tandpleje', category: 'dentist' },
  koereproeve: { id: 'koereproeve', name: 'Køreprøvebooking', category: 'driving-test' },
  frontdesk: { id: 'frontdesk', name: 'Tidsbestilling i Borgerservice', category: 'citizen-service' },
  aula: { id: 'aula', name: 'Aula', category: 'day-care' },
  ungeindsats: { id: 'ungeindsats', name: 'Ungeindsatsens kalender', category: 'school' },
} as const satisfies Record<string, SourceSystem>;

export type SourceKey = keyof typeof SOURCES;
