/**
 * A heavy citizen for benchmarks: ten years of municipal life — thousands of cases and documents,
 * tens of thousands of activities and payments. Deterministic for a given anchor day and scale,
 * and fast (plain loops, text documents only).
 */
import type { CaseStatus, Citizen, Contact } from '../../../municipal/api/schemas';
import { addDays, addMonths, at, firstOfMonth, lastBankDay, lastOfMonth } from '../dates';
import { DatasetBuilder, kr, syntheticCpr, type BuildContext, type CitizenDataset } from '../dataset';
import { CITY, MUNICIPALITY, SOURCES, UNITS, caseworker, type SourceKey, type UnitKey } from '../municipality';
import { NOTE_BODIES, NOTE_OPENINGS } from '../texts';

export const HEAVY_ID = 'heavy';

export interface HeavyOptions {
  /** 1 gives ≈2,500 cases, ≈6,000 documents, 25,000 activities, ≈21,000 payments, 8,000 log entries. */
  scale?: number;
  years?: number;
}

const GIVEN = ['Anne', 'Lars', 'Hanne', 'Søren', 'Camilla', 'Mikkel', 'Line', 'Jens', 'Pia', 'Kasper', 'Louise', 'Niels'];
const FAMILY = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Poulsen'];
const STATUS_FLOW: CaseStatus[] = ['received', 'in-progress', 'awaiting-citizen', 'in-progress', 'decided', 'closed'];
const ACTIVITY_TITLES: Record<SourceKey, string[]> = {
  jobnet: ['Jobsamtale', 'Bekræft jobsøgning', 'Opdater CV'],
  momentum: ['Opfølgningssamtale', 'Frist for dokumentation', 'Møde om din plan'],
  nexus: ['Genoptræning', 'Hjemmebesøg', 'Hjælpemiddelafprøvning'],
  nsp: ['Ambulant kontrol', 'Blodprøve', 'Scanning'],
  novax: ['Sundhedsplejerske'],
  tandpleje: ['Tandeftersyn'],
  koereproeve: ['Køreprøve', 'Teoriprøve'],
  frontdesk: ['Pas', 'Kørekort', 'Sundhedskort'],
  aula: ['Forældremøde'],
  ungeindsats: ['Vejledning'],
};

export function buildHeavy(ctx: BuildContext, options: HeavyOptions = {}): CitizenDataset {
  const scale = options.scale ?? 1;
  const years = options.years ?? 10;
  const b = new DatasetBuilder(HEAVY_ID, ctx);
  const rng = b.rng;
  const T = ctx.today;
  const start = addMonths(T, -12 * years);
  const span = Math.round((Date.parse(T) - Date.parse(start)) / 86_400_000);
  const randomDay = (from = 0, to = span) => addDays(start, rng.int(from, to));

  const codes = ctx.kle.codes({ currentOnly: true });
  const unitKeys = Object.keys(UNITS) as UnitKey[];
  const workers: Contact[] = Array.from({ length: 30 }, (_, i) =>
    caseworker(
      `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]}`,
      unitKeys[i % unitKeys.length]!,
      `72 36 ${String(10 + i).padStart(2, '0')} ${String(20 + i).padStart(2, '0')}`,
    ),
  );

  const caseIds: { id: string; kle: string }[] = [];
  const caseCount = Math.round(2500 * scale);
  for (let i = 0; i < caseCount; i++) {
    const kle = rng.pick(codes);
    const opened = randomDay(0, span - 3);
    const age = Math.round((Date.parse(T) - Date.parse(opened)) / 86_400_000);
    const stepsTaken = Math.min(STATUS_FLOW.length, 1 + Math.floor(age / 30) + rng.int(0, 1));
    const steps = STATUS_FLOW.slice(0, stepsTaken).map((status, k) => [status, addDays(opened, Math.min(age, k * rng.int(3, 25))), '09:00'] as const);
    const closed = steps[steps.length - 1]![0] === 'closed';
    const unit = unitKeys[i % unitKeys.length]!;
    const c = b.addCase({
      kle,
      unit,
      ...(rng.chance(0.85) ? { caseworker: workers[i % workers.length]! } : {}),
      steps,
      ...(closed ? { closedAt: steps[steps.length - 1]![1] } : {}),
    });
    caseIds.push({ id: c.id, kle });
    const docs = 2 + (rng.chance(0.4) ? 1 : 0);
    for (let d = 0; d < docs; d++) {
      const date = addDays(opened, Math.min(age, d * 5));
      b.addText({
        kind: d === 0 ? 'document' : 'journal-note',
        caseId: c.id,
        date,
        direction: d === 0 ? 'incoming' : 'internal',
        title: d === 0 ? `Ansøgning – ${c.kle.title}` : 'Journalnotat',
        text: `${rng.pick(NOTE_OPENINGS)} ${rng.pick(NOTE_BODIES)} ${rng.pick(NOTE_BODIES)}`,
      });
    }
    const decidedStep = steps.find((s) => s[0] === 'decided');
    if (decidedStep) {
      b.addDecision({
        caseId: c.id,
        decidedAt: decidedStep[1],
        title: `Afgørelse – ${c.kle.title}`,
        outcome: rng.pick(['granted', 'granted', 'partially-granted', 'refused'] as const),
        outcomeText: 'Kommunen har truffet afgørelse i din sag.',
        legalBasis: ['Forvaltningsloven'],
        basis: [{ kind: 'case', caseId: c.id, description: 'Oplysningerne i sagen' }],
        appeal: {
          deadline: addDays(decidedStep[1], 28),
          body: 'Ankestyrelsen',
          submitTo: MUNICIPALITY.name,
          howTo: 'Du kan klage inden 4 uger.',
        },
      });
    }
  }

  // Monthly benefit streams.
  const benefitCases = caseIds.filter((c) => c.kle.startsWith('32.'));
  const streams = Math.round(200 * scale);
  for (let s = 0; s < streams && benefitCases.length > 0; s++) {
    const c = benefitCases[s % benefitCases.length]!;
    const kle = ctx.kle.ref(c.kle);
    const gross = rng.int(800, 16_000);
    const tax = Math.round(gross * 0.3);
    let month = firstOfMonth(addMonths(start, rng.int(0, 24)));
    const months = rng.int(84, 120);
    for (let m = 0; m < months && month <= T; m++, month = addMonths(month, 1)) {
      const payout = lastBankDay(month);
      b.addPayment({
        caseId: c.id,
        benefit: { kind: 'benefit', name: kle.title },
        kle,
        gross: kr(gross),
        taxWithheld: kr(tax),
        net: kr(gross - tax),
        period: { from: month, to: lastOfMonth(month) },
        payoutDate: payout,
        status: payout <= T ? 'paid' : 'scheduled',
        account: 'NemKonto',
      });
    }
  }

  const sourceKeys = Object.keys(SOURCES) as SourceKey[];
  const activityCount = Math.round(25_000 * scale);
  for (let a = 0; a < activityCount; a++) {
    const source = sourceKeys[a % sourceKeys.length]!;
    const day = randomDay(0, span + 60);
    const linked = rng.chance(0.3) ? caseIds[rng.int(0, caseIds.length - 1)] : undefined;
    const title = rng.pick(ACTIVITY_TITLES[source]);
    if (a % 4 === 3) {
      b.addDeadline({
        title: `Frist: ${title}`,
        dueAt: at(day, '23:59'),
        source,
        ...(linked ? { caseId: linked.id, kle: ctx.kle.ref(linked.kle) } : {}),
      });
    } else {
      b.addAppointment({
        title,
        startsAt: at(day, `${String(8 + (a % 8)).padStart(2, '0')}:${a % 2 ? '30' : '00'}`),
        source,
        location: { name: `${SOURCES[source].name}, ${CITY.city}` },
        changeable: a % 3 === 0,
        ...(linked ? { caseId: linked.id } : {}),
        ...(rng.chance(0.4) ? { contact: workers[a % workers.length]! } : {}),
      });
    }
  }

  const logCount = Math.round(8_000 * scale);
  for (let l = 0; l < logCount; l++) {
    const c = caseIds[rng.int(0, caseIds.length - 1)]!;
    const w = workers[l % workers.length]!;
    b.addAccess({
      at: at(randomDay(), `${String(8 + (l % 8)).padStart(2, '0')}:15`),
      actor: { name: w.name, role: w.role ?? 'Sagsbehandler' },
      unit: { name: w.unit ?? UNITS.jobcenter.name },
      system: 'Sagssystem',
      action: rng.pick(['viewed', 'viewed', 'changed', 'looked-up'] as const),
      what: 'Sagens dokumenter',
      reason: 'Sagsbehandling',
      caseId: c.id,
    });
  }

  const citizen: Citizen = {
    type: 'citizen',
    id: HEAVY_ID,
    version: 1,
    updatedAt: at(start, '09:00'),
    cpr: syntheticCpr('1965-02-11', 'male', 901),
    name: { given: 'Henrik', family: 'Brandt Nielsen', full: 'Henrik Brandt Nielsen' },
    birthDate: '1965-02-11',
    municipality: { ...MUNICIPALITY },
    address: { street: 'Engvej 3', ...CITY },
    children: [],
  };
  return b.build(citizen);
}
