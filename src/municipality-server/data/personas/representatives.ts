/**
 * People who act for someone else by a power of attorney, and the people they act for:
 * Signe, Thomas's sister, may see his activities and payments until a date; Lone, a support
 * person, helps Inger (86) with everything but health (KLE 29). Their powers are seeded here and
 * held by src/municipality-server/powers-of-attorney.ts.
 */
import type { Citizen } from '../../../municipal/api/schemas';
import { addDays, addMonths, at, firstOfMonth, lastBankDay, lastOfMonth, nextWeekday } from '../dates';
import { DatasetBuilder, kr, syntheticCpr, type BuildContext, type CitizenDataset } from '../dataset';
import type { PowerSeed } from '../../powers-of-attorney';
import { CITY, MUNICIPALITY, TOWN_HALL, UNITS, caseworker } from '../municipality';
import { THOMAS_ID } from './thomas';

export const SIGNE_ID = 'signe';
export const INGER_ID = 'inger';
export const LONE_ID = 'lone';

/** The powers these people hold on the anchor day `today`. */
export function seededPowers(today: string): PowerSeed[] {
  return [
    {
      id: 'fm-thomas-signe',
      grantor: THOMAS_ID,
      representative: SIGNE_ID,
      categories: ['activities', 'payments'],
      excludedTopics: [],
      validFrom: addDays(today, -30),
      validUntil: addDays(today, 90),
    },
    {
      id: 'fm-inger-lone',
      grantor: INGER_ID,
      representative: LONE_ID,
      categories: ['cases', 'decisions', 'payments', 'activities', 'documents', 'access-log'],
      excludedTopics: ['29'],
      validFrom: addMonths(today, -7),
    },
  ];
}

function person(id: string, given: string, family: string, birthDate: string, sex: 'female' | 'male', serial: number, street: string): Citizen {
  return {
    type: 'citizen',
    id,
    version: 1,
    updatedAt: at('2025-01-02', '09:00'),
    cpr: syntheticCpr(birthDate, sex, serial),
    name: { given, family, full: `${given} ${family}` },
    birthDate,
    municipality: { ...MUNICIPALITY },
    address: { street, ...CITY },
    children: [],
  };
}

export function buildSigne(ctx: BuildContext): CitizenDataset {
  const b = new DatasetBuilder(SIGNE_ID, ctx);
  b.addAppointment({
    title: 'Fornyelse af kørekort',
    startsAt: at(nextWeekday(addDays(ctx.today, 11)), '10:20'),
    location: { name: 'Borgerservice', address: TOWN_HALL },
    source: 'frontdesk',
    changeable: true,
  });
  return b.build(person(SIGNE_ID, 'Signe', 'Nørgaard Holt', '1981-09-02', 'female', 402, 'Åbrinken 3'));
}

export function buildLone(ctx: BuildContext): CitizenDataset {
  const b = new DatasetBuilder(LONE_ID, ctx);
  b.addAppointment({
    title: 'Pas – personligt fremmøde',
    startsAt: at(nextWeekday(addDays(ctx.today, 6)), '13:40'),
    location: { name: 'Borgerservice', address: TOWN_HALL },
    source: 'frontdesk',
    changeable: true,
  });
  return b.build(person(LONE_ID, 'Lone', 'Dahl', '1968-02-17', 'female', 733, 'Engvej 12'));
}

/** Inger, 86: home care and a pension supplement (social), home rehabilitation and a dentist (health, KLE 29). */
export function buildInger(ctx: BuildContext): CitizenDataset {
  const b = new DatasetBuilder(INGER_ID, ctx);
  const T = ctx.today;
  const visitator = caseworker('Hanne Krog', 'visitation', '72 36 70 10', 'Visitator');
  const pension = caseworker('Bent Frost', 'ydelse', '72 36 41 44');
  const therapist = caseworker('Lise Damgaard', 'sundhed', '72 36 72 40', 'Fysioterapeut');

  const care = b.addCase({
    kle: '27.36.04',
    unit: 'visitation',
    caseworker: visitator,
    representatives: [{ name: 'Lone Dahl', role: 'support-person', basis: 'power-of-attorney', channels: [] }],
    steps: [
      ['received', addMonths(T, -6), '10:00', 'Henvendelse fra Inger og hendes støtteperson.'],
      ['decided', addDays(addMonths(T, -6), 14), '13:00', 'Afgørelse: hjælp til rengøring og bad.'],
    ],
  });
  b.addDecision({
    caseId: care.id,
    decidedAt: addDays(addMonths(T, -6), 14),
    title: 'Hjemmehjælp bevilget',
    outcome: 'granted',
    outcomeText: 'Du får hjælp til rengøring hver anden uge og hjælp til bad to gange om ugen.',
    legalBasis: ['Serviceloven § 83'],
    basis: [{ kind: 'case', caseId: care.id, description: 'Visitators besøg i dit hjem' }],
    appeal: {
      deadline: addDays(addMonths(T, -6), 42),
      body: 'Ankestyrelsen',
      submitTo: `${MUNICIPALITY.name}, Visitationen`,
      howTo: 'Du kan klage inden 4 uger. Ring eller skriv til Visitationen.',
    },
  });
  b.addPdf({
    kind: 'document',
    caseId: care.id,
    title: 'Afgørelse om hjemmehjælp',
    date: addDays(addMonths(T, -6), 14),
    direction: 'outgoing',
    author: { name: visitator.name, unit: UNITS.visitation.name },
    paragraphs: ['Kære Inger Vestergaard', 'Du får hjælp til rengøring hver anden uge og hjælp til bad to gange om ugen.'],
  });
  for (const days of [2, 5, 9]) {
    const day = nextWeekday(addDays(T, days));
    b.addAppointment({
      title: 'Hjemmehjælp: bad',
      startsAt: at(day, '08:30'),
      endsAt: at(day, '09:15'),
      location: { name: 'Hjemme' },
      source: 'nexus',
      kle: ctx.kle.ref('27.36.04'),
      caseId: care.id,
    });
  }

  const supplement = b.addCase({
    kle: '32.03.12',
    unit: 'ydelse',
    caseworker: pension,
    steps: [
      ['received', addMonths(T, -4), '09:00'],
      ['decided', addDays(addMonths(T, -4), 10), '12:00', 'Afgørelse: personligt tillæg til medicin.'],
    ],
  });
  for (let m = -3; m <= 0; m++) {
    const month = firstOfMonth(addMonths(T, m));
    const payout = lastBankDay(month);
    b.addPayment({
      caseId: supplement.id,
      benefit: { kind: 'personal-supplement', name: 'Personligt tillæg' },
      kle: ctx.kle.ref('32.03.12'),
      gross: kr(640),
      net: kr(640),
      period: { from: month, to: lastOfMonth(month) },
      payoutDate: payout,
      status: payout < T ? 'paid' : 'scheduled',
      account: 'NemKonto',
    });
  }

  const rehab = b.addCase({
    kle: '29.21.04',
    unit: 'sundhed',
    caseworker: therapist,
    steps: [
      ['received', addMonths(T, -2), '08:00', 'Genoptræningsplan fra hospitalet efter hoftebrud.'],
      ['in-progress', addDays(addMonths(T, -2), 5), '10:00'],
    ],
  });
  b.addText({
    kind: 'journal-note',
    caseId: rehab.id,
    date: addDays(T, -12),
    direction: 'internal',
    title: 'Genoptræning, status',
    author: { name: therapist.name, unit: UNITS.sundhed.name },
    text: 'Går med rollator i hjemmet. Smerter i venstre hofte ved trapper. Fortsætter øvelser to gange om ugen.',
  });
  b.addAppointment({
    title: 'Genoptræning i hjemmet',
    startsAt: at(nextWeekday(addDays(T, 3)), '13:00'),
    location: { name: 'Hjemme' },
    source: 'nexus',
    caseId: rehab.id,
  });
  b.addAppointment({
    title: 'Omsorgstandpleje: eftersyn',
    startsAt: at(nextWeekday(addDays(T, 20)), '10:00'),
    location: { name: 'Hjemme' },
    source: 'tandpleje',
  });
  b.addAccess({
    at: at(addDays(addMonths(T, -6), 2), '11:00'),
    actor: { name: visitator.name, role: 'Visitator' },
    unit: { ...UNITS.visitation },
    system: 'Sundheds- og omsorgssystem',
    action: 'changed',
    what: 'Funktionsvurdering',
    reason: 'Visitation til hjemmehjælp',
    caseId: care.id,
  });
  b.addAccess({
    at: at(addDays(T, -12), '14:30'),
    actor: { name: therapist.name, role: 'Fysioterapeut' },
    unit: { ...UNITS.sundhed },
    system: 'Sundheds- og omsorgssystem',
    action: 'changed',
    what: 'Journalnotat om genoptræning',
    reason: 'Genoptræning efter sundhedsloven',
    caseId: rehab.id,
  });
  return b.build(person(INGER_ID, 'Inger', 'Vestergaard', '1940-04-22', 'female', 118, 'Rosenhaven 7'));
}
