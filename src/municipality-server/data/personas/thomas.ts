/**
 * Thomas (from the vision): walks badly after a long illness and lost his job. Cash benefit
 * (32.24.04), travel allowance (15.20.38), a rehabilitation case with a long case file and a
 * lawyer, training, a refused application, access to files, and appointments in several systems.
 */
import type { Citizen, Decision } from '../../../municipal/api/schemas';
import { addDays, addMonths, at, firstOfMonth, lastBankDay, lastOfMonth, nextWeekday } from '../dates';
import { DatasetBuilder, kr, syntheticCpr, type BuildContext, type CitizenDataset } from '../dataset';
import { CITY, MUNICIPALITY, TOWN_HALL, UNITS, caseworker } from '../municipality';
import { REHAB_NOTES } from '../texts';
import { shortenAtWord } from '../../../shared/shorten';

export const THOMAS_ID = 'thomas';

const APPEAL_ANKESTYRELSEN = (deadline: string): NonNullable<Decision['appeal']> => ({
  deadline,
  body: 'Ankestyrelsen',
  submitTo: `${MUNICIPALITY.name}, Jobcenter Vesterå`,
  howTo:
    'Du kan klage inden 4 uger fra den dag, du modtog afgørelsen. Send klagen til kommunen, gerne skriftligt. ' +
    'Kommunen genvurderer sagen, og hvis vi fastholder afgørelsen, sender vi klagen videre til Ankestyrelsen.',
  url: 'https://ast.dk/klage',
});

export function buildThomas(ctx: BuildContext): CitizenDataset {
  const b = new DatasetBuilder(THOMAS_ID, ctx);
  const T = ctx.today;
  const sanne = caseworker('Sanne Holm Petersen', 'ydelse', '72 36 41 12');
  const jonas = caseworker('Jonas Bech Andersen', 'jobcenter', '72 36 41 57', 'Rådgiver');
  const lawyer = {
    name: 'Karen Lund',
    role: 'lawyer' as const,
    organisation: 'Lund & Birk Advokater',
    basis: 'power-of-attorney' as const,
    channels: [
      { kind: 'phone' as const, value: '86 12 44 90' },
      { kind: 'email' as const, value: 'kl@lundbirk-advokater.dk' },
    ],
  };

  // --- Cash benefit ---------------------------------------------------------------------
  const cashOpened = addMonths(T, -14);
  const cashDecided = addDays(cashOpened, 19);
  const cashReview = addMonths(T, -2);
  const cash = b.addCase({
    kle: '32.24.04',
    title: 'Kontanthjælp efter ophør af sygedagpenge',
    unit: 'ydelse',
    caseworker: sanne,
    steps: [
      ['received', cashOpened, '10:12', 'Ansøgning om kontanthjælp modtaget via borger.dk.'],
      ['in-progress', addDays(cashOpened, 2), '09:30', 'Sagen er fordelt til sagsbehandler.'],
      ['awaiting-citizen', addDays(cashOpened, 5), '11:00', 'Vi mangler kontoudtog for de seneste 3 måneder.'],
      ['in-progress', addDays(cashOpened, 11), '13:45', 'Kontoudtog modtaget.'],
      ['decided', cashDecided, '14:00', 'Afgørelse: kontanthjælp bevilget.'],
      ['in-progress', addDays(cashReview, -10), '09:00', 'Revurdering af retten til kontanthjælp.'],
      ['decided', cashReview, '14:00', 'Afgørelse: fortsat ret til kontanthjælp.'],
    ],
  });
  const application = b.addText({
    kind: 'document',
    caseId: cash.id,
    title: 'Ansøgning om kontanthjælp',
    date: cashOpened,
    direction: 'incoming',
    author: { name: 'Thomas Nørgaard Jensen' },
    text:
      'Jeg søger om kontanthjælp, fordi mine sygedagpenge er stoppet, og jeg er blevet afskediget fra mit job som lagerarbejder. ' +
      'Jeg har ingen formue ud over min bil, som jeg bruger for at komme til behandling. Jeg bor alene.',
  });
  const statements = b.addText({
    kind: 'document',
    caseId: cash.id,
    title: 'Kontoudtog (3 måneder)',
    date: addDays(cashOpened, 11),
    direction: 'incoming',
    author: { name: 'Thomas Nørgaard Jensen' },
    text: 'Kontoudtog fra Thomas Nørgaard Jensens lønkonto for de seneste tre måneder, indsendt som dokumentation for formue.',
  });
  b.addPdf({
    kind: 'document',
    caseId: cash.id,
    title: 'Afgørelse om kontanthjælp',
    date: cashDecided,
    direction: 'outgoing',
    author: { name: sanne.name, unit: UNITS.ydelse.name },
    paragraphs: [
      'Kære Thomas Nørgaard Jensen',
      'Du får kontanthjælp fra den 1. i måneden efter din ansøgning. Du får 12.553 kr. om måneden før skat.',
      'Vi har lagt vægt på, at dine sygedagpenge er ophørt, at du ikke har formue over grænsen, og at du er tilmeldt som jobsøgende.',
      'Du skal fortsat bekræfte, at du er jobsøgende, på Jobnet hver 7. dag.',
      'Klagevejledning: Du kan klage inden 4 uger. Send klagen til Jobcenter Vesterå.',
      `Med venlig hilsen ${sanne.name}, ${UNITS.ydelse.name}`,
    ],
  });
  const firstPayMonth = firstOfMonth(addMonths(cashDecided, 1));
  const cashPayments: string[] = [];
  for (let month = firstPayMonth; month <= firstOfMonth(addMonths(T, 1)); month = addMonths(month, 1)) {
    const payout = lastBankDay(month);
    const gross = 12_553;
    const tax = Math.round((gross - 4_650) * 0.37);
    cashPayments.push(
      b.addPayment({
        caseId: cash.id,
        benefit: { kind: 'cash-benefit', name: 'Kontanthjælp' },
        kle: ctx.kle.ref('32.24.04'),
        gross: kr(gross),
        taxWithheld: kr(tax),
        net: kr(gross - tax),
        period: { from: month, to: lastOfMonth(month) },
        payoutDate: payout,
        status: payout <= T ? 'paid' : 'scheduled',
        account: 'NemKonto',
      }).id,
    );
  }
  b.addDecision({
    caseId: cash.id,
    decidedAt: cashDecided,
    title: 'Kontanthjælp bevilget',
    outcome: 'granted',
    outcomeText: 'Du har ret til kontanthjælp med 12.553 kr. om måneden før skat (sats for personer over 30 år uden børn).',
    legalBasis: ['Lov om aktiv socialpolitik § 11', 'Lov om aktiv socialpolitik § 22'],
    basis: [
      { kind: 'document', documentId: application.id, description: 'Din ansøgning' },
      { kind: 'document', documentId: statements.id, description: 'Dine kontoudtog – formuen er under grænsen' },
      { kind: 'register', register: 'eIndkomst', description: 'Ophør af sygedagpenge og løn' },
      { kind: 'register', register: 'CPR', description: 'Din alder og at du bor alene' },
    ],
    appeal: APPEAL_ANKESTYRELSEN(addDays(cashDecided, 28)),
    effectiveFrom: firstPayMonth,
  });
  b.addDecision({
    caseId: cash.id,
    decidedAt: cashReview,
    title: 'Fortsat ret til kontanthjælp efter revurdering',
    outcome: 'granted',
    outcomeText: 'Du har fortsat ret til kontanthjælp. Beløbet er uændret.',
    legalBasis: ['Lov om aktiv socialpolitik § 11'],
    basis: [
      { kind: 'payment', paymentId: cashPayments[cashPayments.length - 4]!, description: 'Seneste udbetalinger' },
      { kind: 'register', register: 'eIndkomst', description: 'Ingen anden indkomst i perioden' },
    ],
    appeal: APPEAL_ANKESTYRELSEN(addDays(cashReview, 28)),
  });

  // --- Rehabilitation: the long case file, with a lawyer -----------------------------------
  const rehabOpened = addMonths(T, -8);
  const rehabMeeting = nextWeekday(addDays(T, 12));
  const rehab = b.addCase({
    kle: '15.17.18',
    title: 'Rehabiliteringsteam – afklaring af arbejdsevne',
    unit: 'rehab',
    caseworker: jonas,
    representatives: [lawyer],
    steps: [
      ['received', rehabOpened, '09:00', 'Sagen er oprettet efter samtale i jobcentret.'],
      ['in-progress', addDays(rehabOpened, 3), '10:00', 'Indhentning af helbredsoplysninger.'],
      ['awaiting-citizen', addDays(T, -9), '12:00', 'Partshøring: du kan komme med bemærkninger.'],
    ],
  });
  const noteStart = addDays(rehabOpened, 4);
  REHAB_NOTES.forEach((text, i) => {
    const date = addDays(noteStart, Math.floor((i * 200) / REHAB_NOTES.length));
    b.addText({
      kind: 'journal-note',
      caseId: rehab.id,
      date,
      direction: 'internal',
      title: `Journalnotat: ${shortenAtWord(text.split('.')[0]!, 60)}`,
      author: { name: i % 4 === 3 ? 'Mette Friis, sundhedskoordinator' : jonas.name, unit: UNITS.rehab.name },
      text,
    });
  });
  const medical = b.addPdf({
    kind: 'document',
    caseId: rehab.id,
    title: 'Lægeattest (LÆ 265)',
    date: addDays(rehabOpened, 30),
    direction: 'incoming',
    author: { name: 'Praktiserende læge Ole Vinther' },
    paragraphs: [
      'Patienten har efter længerevarende sygdom nedsat gangfunktion og kan gå ca. 300 meter før smerter.',
      'Kan ikke stå eller gå i længere tid. Siddende arbejde med pauser vurderes muligt 3–4 timer dagligt.',
      'Prognosen er usikker. Fortsat genoptræning anbefales.',
    ],
  });
  b.addPdf({
    kind: 'document',
    caseId: rehab.id,
    title: 'Rehabiliteringsplan – forberedende del',
    date: addDays(T, -30),
    direction: 'outgoing',
    author: { name: jonas.name, unit: UNITS.rehab.name },
    paragraphs: [
      'Din uddannelses- og beskæftigelsesmæssige baggrund: 22 år som lagerarbejder, truckcertifikat.',
      'Dine ønsker: arbejde med kontakt til mennesker, siddende funktioner, gerne lager- eller kontoradministration.',
      'Helbred: nedsat gangfunktion, smerter ved længere tids stående arbejde. Se lægeattest.',
      'Praktik: virksomhedspraktik i 8 uger hos Vesterå Genbrug, 10 timer om ugen; praktikken blev afbrudt efter 5 uger pga. smerter.',
      'Sagen forelægges rehabiliteringsteamet, som kommer med en indstilling.',
    ],
  });
  b.addPdf({
    kind: 'document',
    caseId: rehab.id,
    title: 'Partshøring før rehabiliteringsteammøde',
    date: addDays(T, -9),
    direction: 'outgoing',
    author: { name: jonas.name, unit: UNITS.rehab.name },
    paragraphs: [
      'Vi har samlet oplysningerne i din sag og sender dem hermed, så du kan komme med bemærkninger, før sagen behandles.',
      `Frist for bemærkninger: ${addDays(T, 5)}.`,
      'Du kan sende bemærkninger via Digital Post eller ringe til din rådgiver. Din advokat har fået kopi.',
    ],
  });
  b.addText({
    kind: 'document',
    caseId: rehab.id,
    title: 'Fuldmagt til advokat Karen Lund',
    date: addDays(rehabOpened, 40),
    direction: 'incoming',
    author: { name: 'Karen Lund', unit: 'Lund & Birk Advokater' },
    text: 'Undertegnede Thomas Nørgaard Jensen giver hermed advokat Karen Lund fuldmagt til at repræsentere mig i min sag om rehabilitering og at modtage kopi af breve og afgørelser.',
  });
  b.addText({
    kind: 'document',
    caseId: rehab.id,
    title: 'Bemærkninger fra advokat til den forberedende del',
    date: addDays(T, -3),
    direction: 'incoming',
    author: { name: 'Karen Lund', unit: 'Lund & Birk Advokater' },
    text:
      'På vegne af min klient bemærkes, at praktikken blev afbrudt på grund af dokumenterede smerter, jf. lægeattesten. ' +
      'Det bør fremgå tydeligt af planen, at klienten har deltaget aktivt. Vi anmoder om, at speciallægeerklæringen indhentes, før sagen forelægges.',
  });
  b.addDeadline({
    title: 'Frist: bemærkninger til partshøring',
    dueAt: at(addDays(T, 5), '23:59'),
    caseId: rehab.id,
    kle: ctx.kle.ref('15.17.18'),
    source: 'momentum',
    action: 'Send dine bemærkninger til din rådgiver i jobcentret.',
    contact: jonas,
  });
  b.addAppointment({
    title: 'Møde i rehabiliteringsteamet',
    startsAt: at(rehabMeeting, '10:00'),
    endsAt: at(rehabMeeting, '11:00'),
    location: { name: 'Jobcenter Vesterå', address: 'Stationsvej 4, 8999 Vesterå', room: 'Mødelokale 2.14' },
    description: 'Din sag drøftes med dig. Du må gerne tage en bisidder eller din advokat med.',
    caseId: rehab.id,
    kle: ctx.kle.ref('15.17.18'),
    source: 'momentum',
    contact: jonas,
    changeable: true,
  });

  // --- Travel allowance ----------------------------------------------------------------------
  const travelOpened = addDays(T, -70);
  const travelDecided = addDays(T, -21);
  const travel = b.addCase({
    kle: '15.20.38',
    title: 'Befordringsgodtgørelse til genoptræning og praktik',
    unit: 'jobcenter',
    caseworker: jonas,
    steps: [
      ['received', travelOpened, '08:40', 'Ansøgning modtaget.'],
      ['in-progress', addDays(travelOpened, 4), '09:15'],
      ['awaiting-citizen', addDays(travelOpened, 9), '10:00', 'Vi mangler kørselsliste.'],
      ['in-progress', addDays(travelOpened, 30), '11:20', 'Kørselsliste modtaget.'],
      ['decided', travelDecided, '14:00', 'Afgørelse: delvis bevilget.'],
    ],
  });
  const travelApplication = b.addText({
    kind: 'document',
    caseId: travel.id,
    title: 'Ansøgning om befordringsgodtgørelse',
    date: travelOpened,
    direction: 'incoming',
    author: { name: 'Thomas Nørgaard Jensen' },
    text: 'Jeg søger om godtgørelse for kørsel i egen bil til praktik hos Vesterå Genbrug og til genoptræning og fysioterapi.',
  });
  const drivingLog = b.addText({
    kind: 'document',
    caseId: travel.id,
    title: 'Kørselsliste',
    date: addDays(travelOpened, 30),
    direction: 'incoming',
    author: { name: 'Thomas Nørgaard Jensen' },
    text: 'Kørsel til praktik: 14 km hver vej, 2 dage om ugen. Kørsel til privat fysioterapeut: 9 km hver vej, 1 dag om ugen.',
  });
  const travelPayments: string[] = [];
  [addMonths(T, -1), T].forEach((month, i) => {
    const from = firstOfMonth(month);
    const payout = addDays(lastBankDay(month), -7);
    const amount = i === 0 ? 414.4 : 362.6;
    travelPayments.push(
      b.addPayment({
        caseId: travel.id,
        benefit: { kind: 'travel-allowance', name: 'Befordringsgodtgørelse' },
        kle: ctx.kle.ref('15.20.38'),
        gross: kr(amount),
        net: kr(amount),
        period: { from, to: lastOfMonth(month) },
        payoutDate: payout,
        status: payout <= T ? 'paid' : 'scheduled',
        account: 'NemKonto',
      }).id,
    );
  });
  b.addDecision({
    caseId: travel.id,
    decidedAt: travelDecided,
    title: 'Befordringsgodtgørelse delvis bevilget',
    outcome: 'partially-granted',
    outcomeText:
      'Du får godtgørelse for kørsel til praktik (3,70 kr. pr. km ud over 24 km tur/retur). Kørsel til privat fysioterapeut er ikke en del af dit tilbud og dækkes ikke.',
    legalBasis: ['Lov om en aktiv beskæftigelsesindsats § 181'],
    basis: [
      { kind: 'document', documentId: travelApplication.id, description: 'Din ansøgning' },
      { kind: 'document', documentId: drivingLog.id, description: 'Din kørselsliste' },
      { kind: 'case', caseId: rehab.id, description: 'Praktikken er en del af dit rehabiliteringsforløb' },
      { kind: 'register', register: 'Danmarks Adressers Web API', description: 'Afstand mellem bopæl og praktiksted' },
    ],
    appeal: APPEAL_ANKESTYRELSEN(addDays(travelDecided, 28)),
    effectiveFrom: firstOfMonth(addMonths(T, -1)),
  });
  b.addPdf({
    kind: 'document',
    caseId: travel.id,
    title: 'Afgørelse om befordringsgodtgørelse',
    date: travelDecided,
    direction: 'outgoing',
    author: { name: jonas.name, unit: UNITS.jobcenter.name },
    paragraphs: [
      'Du får delvis medhold i din ansøgning om befordringsgodtgørelse.',
      'Godtgørelse gives for kørsel til praktik. Kørsel til privat fysioterapi dækkes ikke, fordi det ikke er en del af dit tilbud fra jobcentret.',
      `Klagefrist: ${addDays(travelDecided, 28)}. Send klagen til Jobcenter Vesterå.`,
    ],
  });
  b.addDeadline({
    title: 'Klagefrist: afgørelse om befordringsgodtgørelse',
    dueAt: at(addDays(travelDecided, 28), '23:59'),
    caseId: travel.id,
    kle: ctx.kle.ref('15.20.38'),
    source: 'momentum',
    action: 'Klag til jobcentret, hvis du er uenig i afgørelsen.',
    contact: jonas,
  });
  b.addDeadline({
    title: `Indsend kørselsliste for ${monthName(T)}`,
    dueAt: at(addDays(lastOfMonth(T), 5), '12:00'),
    caseId: travel.id,
    source: 'momentum',
    action: 'Upload kørselslisten på borger.dk eller send den med Digital Post.',
  });

  // --- Training after illness ----------------------------------------------------------------
  const trainOpened = addMonths(T, -5);
  const train = b.addCase({
    kle: '29.21.04',
    title: 'Genoptræning efter sygehusophold',
    unit: 'sundhed',
    caseworker: caseworker('Lise Damgaard', 'sundhed', '72 36 52 80', 'Fysioterapeut'),
    steps: [
      ['received', trainOpened, '08:00', 'Genoptræningsplan modtaget fra sygehuset.'],
      ['decided', addDays(trainOpened, 6), '13:00', 'Visiteret til genoptræning 2 gange om ugen i 12 uger.'],
      ['in-progress', addDays(trainOpened, 14), '09:00', 'Genoptræningen er i gang.'],
    ],
  });
  for (let week = -6; week < 6; week++) {
    const day = nextWeekday(addDays(T, week * 7 - ((new Date(`${T}T00:00:00Z`).getUTCDay() + 5) % 7) + 1));
    b.addAppointment({
      title: 'Genoptræning på hold',
      startsAt: at(day, '09:00'),
      endsAt: at(day, '10:00'),
      location: { name: 'Træningscenter Vesterå', address: 'Parkvej 12, 8999 Vesterå', room: 'Træningssal 1' },
      caseId: train.id,
      source: 'nexus',
      changeable: week % 3 === 0,
      ...(week === -2 ? { status: 'missed' as const } : {}),
    });
  }

  // --- A refused application, closed -------------------------------------------------------
  const medOpened = addMonths(T, -7);
  const med = b.addCase({
    kle: '32.21.16',
    title: 'Hjælp til udgifter til fysioterapi',
    unit: 'ydelse',
    caseworker: sanne,
    steps: [
      ['received', medOpened, '10:00'],
      ['decided', addDays(medOpened, 21), '14:00', 'Afgørelse: afslag.'],
      ['closed', addDays(medOpened, 60), '08:00', 'Klagefristen er udløbet.'],
    ],
    closedAt: addDays(medOpened, 60),
  });
  b.addDecision({
    caseId: med.id,
    decidedAt: addDays(medOpened, 21),
    title: 'Afslag på hjælp til fysioterapi',
    outcome: 'refused',
    outcomeText: 'Du får ikke hjælp, fordi behandlingen kan gives vederlagsfrit i kommunens genoptræning.',
    legalBasis: ['Lov om aktiv socialpolitik § 82'],
    basis: [{ kind: 'case', caseId: train.id, description: 'Du er allerede visiteret til genoptræning' }],
    appeal: APPEAL_ANKESTYRELSEN(addDays(medOpened, 49)),
  });

  // --- Access to files, asked by the lawyer ------------------------------------------------
  const aktOpened = addDays(T, -42);
  const akt = b.addCase({
    kle: '00.07.03',
    title: 'Aktindsigt i sag om rehabilitering (advokat)',
    unit: 'jura',
    caseworker: caseworker('Peter Holm Kristensen', 'jura', '72 36 40 05', 'Jurist'),
    representatives: [lawyer],
    steps: [
      ['received', aktOpened, '09:00', 'Anmodning om aktindsigt fra advokat.'],
      ['decided', addDays(aktOpened, 6), '15:00', 'Aktindsigt givet.'],
      ['closed', addDays(aktOpened, 7), '09:00'],
    ],
    closedAt: addDays(aktOpened, 7),
  });
  b.addDecision({
    caseId: akt.id,
    decidedAt: addDays(aktOpened, 6),
    title: 'Aktindsigt givet',
    outcome: 'granted',
    outcomeText: 'Advokat Karen Lund har fået aktindsigt i alle dokumenter i sagen om rehabilitering.',
    legalBasis: ['Forvaltningsloven § 9'],
    basis: [
      { kind: 'case', caseId: rehab.id, description: 'Sagen, der er givet aktindsigt i' },
      { kind: 'document', documentId: medical.id, description: 'Lægeattesten indgår i aktindsigten' },
    ],
  });

  // --- Other systems: Jobnet, Borgerservice, hospital --------------------------------------
  for (let k = -8; k <= 1; k++) {
    const due = addDays(T, 3 + k * 7);
    b.addDeadline({
      title: 'Bekræft på Jobnet, at du er jobsøgende',
      dueAt: at(due, '23:59'),
      source: 'jobnet',
      action: 'Log ind på Jobnet og bekræft, at du søger job. Ellers kan du miste kontanthjælpen for dagene.',
    });
  }
  const jobTalk = nextWeekday(addDays(T, 6));
  b.addAppointment({
    title: 'Jobsamtale i jobcentret',
    startsAt: at(jobTalk, '13:00'),
    endsAt: at(jobTalk, '13:45'),
    location: { name: 'Jobcenter Vesterå', address: 'Stationsvej 4, 8999 Vesterå' },
    description: 'Samtale om dine jobmål og din plan. Tag gerne dit CV med.',
    source: 'jobnet',
    contact: jonas,
    changeable: true,
  });
  const pastTalk = nextWeekday(addDays(T, -34));
  b.addAppointment({
    title: 'Jobsamtale i jobcentret',
    startsAt: at(pastTalk, '10:30'),
    endsAt: at(pastTalk, '11:15'),
    location: { name: 'Jobcenter Vesterå', address: 'Stationsvej 4, 8999 Vesterå' },
    source: 'jobnet',
    contact: jonas,
  });
  const passport = nextWeekday(addDays(T, 9));
  b.addAppointment({
    title: 'Fornyelse af pas',
    startsAt: at(passport, '11:20'),
    endsAt: at(passport, '11:35'),
    location: { name: 'Borgerservice', address: TOWN_HALL },
    description: 'Husk dit gamle pas og et pasfoto.',
    source: 'frontdesk',
    changeable: true,
  });
  const hospital = nextWeekday(addDays(T, 20));
  b.addAppointment({
    title: 'Ambulant kontrol, Ortopædkirurgisk Ambulatorium',
    startsAt: at(hospital, '08:45'),
    location: { name: 'Regionshospitalet Vesterå', address: 'Sygehusvej 1, 8999 Vesterå', room: 'Ambulatorium O2' },
    source: 'nsp',
  });

  // --- Access log ----------------------------------------------------------------------------
  const uses: [number, string, string, string, string, 'viewed' | 'changed' | 'looked-up' | 'disclosed' | 'printed', string, string, string?][] = [
    [-420, '10:41', sanne.name, 'Sagsbehandler', 'ydelse', 'viewed', 'Ansøgning om kontanthjælp', 'Behandling af ansøgning', cash.id],
    [-418, '09:02', sanne.name, 'Sagsbehandler', 'ydelse', 'looked-up', 'Indkomstoplysninger i eIndkomst', 'Kontrol af ret til kontanthjælp', cash.id],
    [-417, '09:05', sanne.name, 'Sagsbehandler', 'ydelse', 'looked-up', 'Folkeregisteroplysninger (CPR)', 'Fastsættelse af sats', cash.id],
    [-400, '13:50', sanne.name, 'Sagsbehandler', 'ydelse', 'changed', 'Afgørelse om kontanthjælp', 'Afgørelse i sagen', cash.id],
    [-240, '09:15', jonas.name, 'Rådgiver', 'rehab', 'viewed', 'Sagens dokumenter', 'Forberedelse af rehabiliteringsforløb', rehab.id],
    [-210, '14:20', 'Mette Friis', 'Sundhedskoordinator', 'rehab', 'viewed', 'Lægeattest og journalnotater', 'Sundhedsfaglig vurdering', rehab.id],
    [-150, '10:00', 'Lise Damgaard', 'Fysioterapeut', 'sundhed', 'viewed', 'Genoptræningsplan', 'Planlægning af genoptræning', train.id],
    [-100, '11:30', 'Borgerservicemedarbejder', 'Borgerservice', 'borgerservice', 'printed', 'Adresse og pasoplysninger', 'Henvendelse i Borgerservice'],
    [-65, '08:55', jonas.name, 'Rådgiver', 'jobcenter', 'viewed', 'Ansøgning om befordringsgodtgørelse', 'Behandling af ansøgning', travel.id],
    [-60, '09:40', sanne.name, 'Sagsbehandler', 'ydelse', 'looked-up', 'Indkomstoplysninger i eIndkomst', 'Revurdering af kontanthjælp', cash.id],
    [
      -36,
      '15:10',
      'Peter Holm Kristensen',
      'Jurist',
      'jura',
      'disclosed',
      'Dokumenter i sagen om rehabilitering',
      'Aktindsigt til din advokat (forvaltningsloven § 9)',
      rehab.id,
    ],
    [-21, '13:30', jonas.name, 'Rådgiver', 'jobcenter', 'changed', 'Afgørelse om befordringsgodtgørelse', 'Afgørelse i sagen', travel.id],
    [-9, '11:45', jonas.name, 'Rådgiver', 'rehab', 'disclosed', 'Partshøring', 'Partshøring sendt til dig og din advokat', rehab.id],
    [-2, '10:05', 'Mette Friis', 'Sundhedskoordinator', 'rehab', 'viewed', 'Lægeattest', 'Forberedelse af møde i rehabiliteringsteamet', rehab.id],
  ];
  for (const [days, time, name, role, unit, action, what, reason, caseId] of uses) {
    b.addAccess({
      at: at(addDays(T, days), time),
      actor: { name, role },
      unit: { ...UNITS[unit as keyof typeof UNITS] },
      system: unit === 'borgerservice' ? 'Borgerservicesystem' : unit === 'sundhed' ? 'Sundheds- og omsorgssystem' : 'Jobcentrets sagssystem',
      action,
      what,
      reason,
      ...(caseId ? { caseId } : {}),
    });
  }

  const citizen: Citizen = {
    type: 'citizen',
    id: THOMAS_ID,
    version: 1,
    updatedAt: at(addMonths(T, -14), '10:12'),
    cpr: syntheticCpr('1978-05-14', 'male', 311),
    name: { given: 'Thomas', family: 'Nørgaard Jensen', full: 'Thomas Nørgaard Jensen' },
    birthDate: '1978-05-14',
    municipality: { ...MUNICIPALITY },
    address: { street: 'Skovbrynet 14, 2. th.', ...CITY },
    children: [],
  };
  return b.build(citizen);
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
export function monthName(date: string): string {
  return MONTHS[Number(date.slice(5, 7)) - 1]!;
}
