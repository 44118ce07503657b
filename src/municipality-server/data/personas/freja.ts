/**
 * Freja, 16: a young citizen with MitID. Some of her data is open to her under the youth rules
 * (dental care, guidance on education, moped licence), some is not (a notification of concern,
 * health services for children with special needs, the school nurse's calendar).
 */
import type { Citizen } from '../../../municipal/api/schemas';
import { addDays, addMonths, at, nextWeekday } from '../dates';
import { DatasetBuilder, syntheticCpr, type BuildContext, type CitizenDataset } from '../dataset';
import { CITY, MUNICIPALITY, TOWN_HALL, UNITS, caseworker, unitContact } from '../municipality';

export const FREJA_ID = 'freja';

/** Always 16 years and 4 months old on the anchor day. */
export const frejaBirthDate = (today: string) => addMonths(today, -(16 * 12 + 4));

export function buildFreja(ctx: BuildContext): CitizenDataset {
  const b = new DatasetBuilder(FREJA_ID, ctx);
  const T = ctx.today;
  const birthDate = frejaBirthDate(T);
  const dental = unitContact('tandpleje', '72 36 60 00', 'tandplejen@vestera.dk');
  const guide = caseworker('Ahmad Rasuli', 'ungeindsats', '72 36 61 20', 'Vejleder');

  const teeth = b.addCase({
    kle: '29.15.04',
    title: 'Tandpleje – regulering',
    unit: 'tandpleje',
    caseworker: dental,
    steps: [
      ['received', addMonths(T, -10), '08:30', 'Henvisning til vurdering af tandregulering.'],
      ['decided', addMonths(T, -9), '12:00', 'Tilbud om tandregulering.'],
      ['in-progress', addMonths(T, -8), '08:30', 'Behandlingen er startet.'],
    ],
  });
  b.addDecision({
    caseId: teeth.id,
    decidedAt: addMonths(T, -9),
    title: 'Tilbud om tandregulering',
    outcome: 'granted',
    outcomeText: 'Du får tilbud om tandregulering i den kommunale tandpleje. Behandlingen varer ca. 2 år.',
    legalBasis: ['Sundhedsloven § 127'],
    basis: [{ kind: 'case', caseId: teeth.id, description: 'Tandlægens vurdering af dit bid' }],
    appeal: {
      deadline: addDays(addMonths(T, -9), 28),
      body: 'Styrelsen for Patientklager',
      submitTo: 'Den kommunale tandpleje',
      howTo: 'Du kan klage over afgørelsen inden 4 uger. Kontakt tandplejen, så hjælper vi dig.',
    },
  });
  const dentist = nextWeekday(addDays(T, 15));
  b.addAppointment({
    title: 'Kontrol hos tandregulering',
    startsAt: at(dentist, '08:15'),
    endsAt: at(dentist, '08:45'),
    location: { name: 'Tandplejen, Vesterå Skole', address: 'Skolevej 20, 8999 Vesterå' },
    source: 'tandpleje',
    changeable: true,
  });
  b.addAppointment({
    title: 'Kontrol hos tandregulering',
    startsAt: at(nextWeekday(addDays(T, -40)), '08:15'),
    location: { name: 'Tandplejen, Vesterå Skole', address: 'Skolevej 20, 8999 Vesterå' },
    source: 'tandpleje',
  });

  const education = b.addCase({
    kle: '17.27.21',
    title: 'Vejledning om valg af ungdomsuddannelse',
    unit: 'ungeindsats',
    caseworker: guide,
    steps: [
      ['received', addMonths(T, -3), '10:00'],
      ['in-progress', addMonths(T, -3), '10:30', 'Vejledningssamtale planlagt.'],
    ],
  });
  b.addText({
    kind: 'journal-note',
    caseId: education.id,
    date: addMonths(T, -2),
    direction: 'internal',
    title: 'Vejledningssamtale',
    author: { name: guide.name, unit: UNITS.ungeindsats.name },
    text: 'Freja er interesseret i en erhvervsuddannelse inden for sundhed. Vi talte om SOSU-uddannelsen og om gymnasiet. Hun vil gerne i brobygning.',
  });
  const bridge = nextWeekday(addDays(T, 11));
  b.addAppointment({
    title: 'Brobygning: SOSU-skolen',
    startsAt: at(bridge, '08:30'),
    endsAt: at(bridge, '14:00'),
    location: { name: 'SOSU Vesterå', address: 'Uddannelsesvej 3, 8999 Vesterå' },
    source: 'ungeindsats',
    contact: guide,
  });

  const moped = b.addCase({
    kle: '23.09.10',
    title: 'Knallertbevis (AM)',
    unit: 'borgerservice',
    steps: [
      ['received', addDays(T, -30), '15:00', 'Ansøgning om knallertkørekort modtaget.'],
      ['in-progress', addDays(T, -28), '09:00'],
    ],
  });
  const theory = nextWeekday(addDays(T, 25));
  b.addAppointment({
    title: 'Teoriprøve til knallertkørekort',
    startsAt: at(theory, '09:30'),
    location: { name: 'Køreprøvekontoret', address: TOWN_HALL },
    kle: ctx.kle.ref('23.09.10'),
    caseId: moped.id,
    source: 'koereproeve',
    changeable: true,
  });

  // Not for a 16-year-old's own eyes under the default rules.
  const concern = b.addCase({
    kle: '34.10.30',
    title: 'Underretning',
    unit: 'familie',
    caseworker: caseworker('Helle Bundgaard', 'familie', '72 36 70 44', 'Socialrådgiver'),
    steps: [
      ['received', addMonths(T, -2), '13:00', 'Underretning modtaget fra skolen.'],
      ['in-progress', addMonths(T, -2), '15:00', 'Vurdering inden for 24 timer foretaget.'],
    ],
  });
  b.addText({
    kind: 'document',
    caseId: concern.id,
    date: addMonths(T, -2),
    direction: 'incoming',
    title: 'Underretning fra skolen',
    author: { name: 'Vesterå Skole' },
    text: 'Skolen er bekymret for Frejas fravær i de seneste måneder.',
  });
  b.addAccess({
    at: at(addMonths(T, -2), '15:02'),
    actor: { name: 'Helle Bundgaard', role: 'Socialrådgiver' },
    unit: { ...UNITS.familie },
    system: 'Børne- og familiesystem',
    action: 'viewed',
    what: 'Underretning',
    reason: 'Vurdering af underretning',
    caseId: concern.id,
  });
  const special = b.addCase({
    kle: '29.12.12',
    title: 'Sundhedsmæssige ydelser – særlige behov',
    unit: 'sundhedspleje',
    steps: [['received', addMonths(T, -1), '09:00']],
  });
  b.addAppointment({
    title: 'Samtale med skolesundhedsplejerske',
    startsAt: at(nextWeekday(addDays(T, 7)), '11:00'),
    location: { name: 'Vesterå Skole', address: 'Skolevej 20, 8999 Vesterå', room: 'Sundhedsplejen' },
    source: 'novax',
    caseId: special.id,
  });

  b.addAccess({
    at: at(addMonths(T, -9), '12:10'),
    actor: { name: 'Tandlæge Sofie Winther', role: 'Tandlæge' },
    unit: { ...UNITS.tandpleje },
    system: 'Tandplejens journal',
    action: 'changed',
    what: 'Behandlingsplan',
    reason: 'Tandregulering',
    caseId: teeth.id,
  });
  b.addAccess({
    at: at(addMonths(T, -2), '10:15'),
    actor: { name: guide.name, role: 'Vejleder' },
    unit: { ...UNITS.ungeindsats },
    system: 'Ungeindsatsens system',
    action: 'viewed',
    what: 'Karakterer og fravær',
    reason: 'Vejledning om ungdomsuddannelse',
    caseId: education.id,
  });
  b.addAccess({
    at: at(addDays(T, -29), '09:05'),
    actor: { name: 'Borgerservicemedarbejder', role: 'Borgerservice' },
    unit: { ...UNITS.borgerservice },
    system: 'Kørekortregister',
    action: 'looked-up',
    what: 'Kørekortoplysninger',
    reason: 'Ansøgning om knallertkørekort',
    caseId: moped.id,
  });

  const citizen: Citizen = {
    type: 'citizen',
    id: FREJA_ID,
    version: 1,
    updatedAt: at(addMonths(T, -10), '08:30'),
    cpr: syntheticCpr(birthDate, 'female', 642),
    name: { given: 'Freja', family: 'Holm Madsen', full: 'Freja Holm Madsen' },
    birthDate,
    municipality: { ...MUNICIPALITY },
    address: { street: 'Lærkevej 7', ...CITY },
    children: [],
  };
  return b.build(citizen);
}
