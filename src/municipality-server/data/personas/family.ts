/**
 * Mette (31) and her daughter Lea (5 months). Mette signs in for herself or, by custody, for Lea:
 * the health visitor's home visits, the child check-up, day care and a passport for Lea.
 */
import type { Citizen } from '../../../municipal/api/schemas';
import { addDays, addMonths, at, firstOfMonth, nextWeekday } from '../dates';
import { DatasetBuilder, kr, syntheticCpr, type BuildContext, type CitizenDataset } from '../dataset';
import { CITY, MUNICIPALITY, TOWN_HALL, UNITS, caseworker, unitContact } from '../municipality';

export const METTE_ID = 'mette';
export const LEA_ID = 'lea';

export const leaBirthDate = (today: string) => addDays(addMonths(today, -5), -3);
const METTE_BIRTH = '1994-08-03';
const ADDRESS = { street: 'Mølleparken 31, st. tv.', ...CITY };

export function buildMette(ctx: BuildContext): CitizenDataset {
  const b = new DatasetBuilder(METTE_ID, ctx);
  const T = ctx.today;
  const worker = caseworker('Rikke Lauridsen', 'ydelse', '72 36 41 30');

  const single = b.addCase({
    kle: '32.21.12',
    title: 'Hjælp til enkeltudgift – barnevogn',
    unit: 'ydelse',
    caseworker: worker,
    steps: [
      ['received', addMonths(T, -6), '11:00'],
      ['decided', addDays(addMonths(T, -6), 12), '14:00', 'Afgørelse: bevilget.'],
      ['closed', addDays(addMonths(T, -6), 13), '08:00'],
    ],
    closedAt: addDays(addMonths(T, -6), 13),
  });
  const receipt = b.addText({
    kind: 'document',
    caseId: single.id,
    date: addMonths(T, -6),
    direction: 'incoming',
    title: 'Tilbud på barnevogn',
    author: { name: 'Mette Kjær Olsen' },
    text: 'Tilbud fra Babyhuset Vesterå: kombivogn 2.800 kr.',
  });
  const paid = b.addPayment({
    caseId: single.id,
    benefit: { kind: 'single-expense', name: 'Hjælp til enkeltudgift' },
    kle: ctx.kle.ref('32.21.12'),
    gross: kr(2800),
    net: kr(2800),
    period: { from: addDays(addMonths(T, -6), 12), to: addDays(addMonths(T, -6), 12) },
    payoutDate: addDays(addMonths(T, -6), 15),
    status: 'paid',
    account: 'NemKonto',
  });
  b.addDecision({
    caseId: single.id,
    decidedAt: addDays(addMonths(T, -6), 12),
    title: 'Hjælp til barnevogn bevilget',
    outcome: 'granted',
    outcomeText: 'Du får 2.800 kr. til en barnevogn.',
    legalBasis: ['Lov om aktiv socialpolitik § 81'],
    basis: [
      { kind: 'document', documentId: receipt.id, description: 'Tilbud på barnevogn' },
      { kind: 'payment', paymentId: paid.id, description: 'Udbetalingen' },
      { kind: 'register', register: 'eIndkomst', description: 'Din økonomi' },
    ],
    appeal: {
      deadline: addDays(addMonths(T, -6), 40),
      body: 'Ankestyrelsen',
      submitTo: `${MUNICIPALITY.name}, Ydelsesservice`,
      howTo: 'Du kan klage inden 4 uger. Send klagen til kommunen.',
    },
  });

  const freeSeat = b.addCase({
    kle: '28.77.08',
    title: 'Økonomisk fripladstilskud',
    unit: 'dagtilbud',
    caseworker: unitContact('dagtilbud', '72 36 80 00', 'pladsanvisning@vestera.dk'),
    steps: [
      ['received', addDays(T, -24), '20:14', 'Ansøgning modtaget via selvbetjening.'],
      ['in-progress', addDays(T, -20), '09:00'],
      ['decided', addDays(T, -6), '14:00', 'Afgørelse: delvis friplads.'],
    ],
  });
  b.addDecision({
    caseId: freeSeat.id,
    decidedAt: addDays(T, -6),
    title: 'Delvis økonomisk friplads',
    outcome: 'partially-granted',
    outcomeText: 'Du betaler 40 % af forældrebetalingen for Leas vuggestueplads, fordi din indkomst er under grænsen.',
    legalBasis: ['Dagtilbudsloven § 43'],
    basis: [{ kind: 'register', register: 'eIndkomst', description: 'Husstandens indkomst' }],
    appeal: {
      deadline: addDays(T, 22),
      body: 'Ankestyrelsen',
      submitTo: `${MUNICIPALITY.name}, Pladsanvisningen`,
      howTo: 'Du kan klage inden 4 uger. Skriv til Pladsanvisningen.',
    },
    effectiveFrom: firstOfMonth(addMonths(T, 1)),
  });

  const drivingTest = nextWeekday(addDays(T, 18));
  b.addAppointment({
    title: 'Praktisk køreprøve, kategori B',
    startsAt: at(drivingTest, '08:10'),
    endsAt: at(drivingTest, '09:00'),
    location: { name: 'Køreprøvecenter Vesterå', address: 'Industrivej 40, 8999 Vesterå' },
    source: 'koereproeve',
    changeable: true,
  });
  b.addAppointment({
    title: 'Teoriprøve, kategori B',
    startsAt: at(nextWeekday(addDays(T, -26)), '13:00'),
    location: { name: 'Køreprøvecenter Vesterå', address: 'Industrivej 40, 8999 Vesterå' },
    source: 'koereproeve',
  });
  b.addAccess({
    at: at(addDays(T, -20), '09:03'),
    actor: { name: 'Pladsanvisningen', role: 'Sagsbehandler' },
    unit: { ...UNITS.dagtilbud },
    system: 'Pladsanvisningssystem',
    action: 'looked-up',
    what: 'Indkomstoplysninger i eIndkomst',
    reason: 'Beregning af fripladstilskud',
    caseId: freeSeat.id,
  });

  const lea = leaBirthDate(T);
  const citizen: Citizen = {
    type: 'citizen',
    id: METTE_ID,
    version: 1,
    updatedAt: at(lea, '12:00'),
    cpr: syntheticCpr(METTE_BIRTH, 'female', 224),
    name: { given: 'Mette', family: 'Kjær Olsen', full: 'Mette Kjær Olsen' },
    birthDate: METTE_BIRTH,
    municipality: { ...MUNICIPALITY },
    address: ADDRESS,
    children: [{ id: LEA_ID, name: 'Lea Kjær Olsen', birthDate: lea, relation: 'custody' }],
  };
  return b.build(citizen);
}

export function buildLea(ctx: BuildContext): CitizenDataset {
  const b = new DatasetBuilder(LEA_ID, ctx);
  const T = ctx.today;
  const born = leaBirthDate(T);
  const nurse = caseworker('Birgitte Lauesen', 'sundhedspleje', '72 36 72 15', 'Sundhedsplejerske');

  const care = b.addCase({
    kle: '29.12.08',
    title: 'Sundhedspleje til spædbarn',
    unit: 'sundhedspleje',
    caseworker: nurse,
    steps: [
      ['received', addDays(born, 2), '08:00', 'Fødselsanmeldelse modtaget.'],
      ['in-progress', addDays(born, 5), '10:00', 'Første hjemmebesøg.'],
    ],
  });
  const visits: [number, string, number, number][] = [
    [5, 'Etablerende besøg', 3540, 52],
    [14, 'Hjemmebesøg', 3890, 54],
    [60, 'Hjemmebesøg ved 2 måneder', 5210, 58],
    [120, 'Hjemmebesøg ved 4 måneder', 6640, 63],
  ];
  for (const [days, title, grams, cm] of visits) {
    const day = nextWeekday(addDays(born, days));
    b.addAppointment({
      title: `Sundhedsplejerske: ${title}`,
      startsAt: at(day, '10:00'),
      endsAt: at(day, '11:00'),
      location: { name: 'Hjemme', address: ADDRESS.street },
      source: 'novax',
      contact: nurse,
      caseId: care.id,
    });
    if (day < T) {
      b.addText({
        kind: 'journal-note',
        caseId: care.id,
        date: day,
        direction: 'internal',
        title: title,
        author: { name: nurse.name, unit: UNITS.sundhedspleje.name },
        text: `Vægt ${grams} g, længde ${cm} cm. Trives og følger sin kurve. Ammer godt. Mor har fået vejledning om søvn og D-vitamin.`,
      });
    }
  }
  const next = nextWeekday(addDays(T, 8));
  b.addAppointment({
    title: 'Sundhedsplejerske: Hjemmebesøg ved 6 måneder',
    startsAt: at(next, '10:00'),
    endsAt: at(next, '11:00'),
    location: { name: 'Hjemme', address: ADDRESS.street },
    description: 'Ring til sundhedsplejersken, hvis tidspunktet ikke passer.',
    source: 'novax',
    contact: nurse,
    caseId: care.id,
  });
  b.addAppointment({
    title: 'Børneundersøgelse og vaccination hos egen læge (5 måneder)',
    startsAt: at(nextWeekday(addDays(T, 4)), '14:20'),
    location: { name: 'Lægehuset Vesterå', address: 'Torvet 2, 8999 Vesterå' },
    source: 'nsp',
  });

  const seat = b.addCase({
    kle: '28.09.40',
    title: 'Optagelse i vuggestue',
    unit: 'dagtilbud',
    caseworker: unitContact('dagtilbud', '72 36 80 00', 'pladsanvisning@vestera.dk'),
    steps: [
      ['received', addMonths(T, -3), '21:02', 'Opskrivning modtaget.'],
      ['decided', addDays(T, -14), '12:00', 'Plads tilbudt i Vuggestuen Mælkebøtten.'],
    ],
  });
  const start = firstOfMonth(addMonths(T, 1));
  b.addDecision({
    caseId: seat.id,
    decidedAt: addDays(T, -14),
    title: 'Tilbud om vuggestueplads',
    outcome: 'granted',
    outcomeText: `Lea tilbydes plads i Vuggestuen Mælkebøtten fra ${start}.`,
    legalBasis: ['Dagtilbudsloven § 23'],
    basis: [{ kind: 'register', register: 'CPR', description: 'Barnets alder og bopæl' }],
    effectiveFrom: start,
  });
  b.addAppointment({
    title: 'Indkøringsmøde i Vuggestuen Mælkebøtten',
    startsAt: at(nextWeekday(addDays(start, -7)), '15:30'),
    location: { name: 'Vuggestuen Mælkebøtten', address: 'Mælkebøttevej 5, 8999 Vesterå' },
    source: 'aula',
    caseId: seat.id,
  });
  b.addAppointment({
    title: 'Pas til barn – personligt fremmøde med barnet',
    startsAt: at(nextWeekday(addDays(T, 13)), '09:40'),
    location: { name: 'Borgerservice', address: TOWN_HALL },
    description: 'Begge forældre skal give samtykke.',
    source: 'frontdesk',
    changeable: true,
  });
  b.addAccess({
    at: at(addDays(born, 5), '11:10'),
    actor: { name: nurse.name, role: 'Sundhedsplejerske' },
    unit: { ...UNITS.sundhedspleje },
    system: 'Sundhedsplejens journal',
    action: 'changed',
    what: 'Journal',
    reason: 'Hjemmebesøg',
    caseId: care.id,
  });

  const citizen: Citizen = {
    type: 'citizen',
    id: LEA_ID,
    version: 1,
    updatedAt: at(addDays(born, 2), '08:00'),
    cpr: syntheticCpr(born, 'female', 518),
    name: { given: 'Lea', family: 'Kjær Olsen', full: 'Lea Kjær Olsen' },
    birthDate: born,
    municipality: { ...MUNICIPALITY },
    address: ADDRESS,
    children: [],
  };
  return b.build(citizen);
}
