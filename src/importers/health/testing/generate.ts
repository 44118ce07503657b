/**
 * A deterministic synthetic Apple Health `export.xml` of about `targetBytes` bytes, for tests and
 * benchmarks. It has what real exports have: an iOS 16 DTD with its flaw (an unclosed ATTLIST and
 * a stray `>`), a vertical tab inside an attribute, curly apostrophes in source names, steps
 * counted by both an iPhone and a Watch, heart rate, weight with metadata, blood pressure
 * correlations whose records also appear at top level, oxygen saturation as a fraction, glucose
 * in `mmol<…>/L`, sleep stages, an unknown type, and workouts in the old and the new style.
 * Pure: no file system, no randomness beyond the seed.
 */

/** One Record the generator wrote (top level, or inside a Correlation). */
export interface GeneratedRecord {
  type: string;
  sourceName: string;
  unit: string;
  startDate: string;
  endDate: string;
  value: string;
  inCorrelation: boolean;
}

export interface GenerateOptions {
  /** Called for every Record written, so a test can add up what the importer should find. */
  onRecord?: (record: GeneratedRecord) => void;
  /** Chunk size in bytes (default 64 KiB). */
  chunkBytes?: number;
  /** First day (default 2019-01-01). */
  startDay?: string;
}

const PHONE = 'Mette’s iPhone';
const WATCH = 'Mette’s Apple Watch';
const PHONE_DEVICE = '&lt;&lt;HKDevice: 0x283f1c2d0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,5, software:17.2&gt;';
const WATCH_DEVICE = '&lt;&lt;HKDevice: 0x283f1c5a0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.2&gt;';

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 12 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!-- Note that the Records in a Correlation also appear as top-level Records. -->
<!ELEMENT Correlation ((MetadataEntry|Record)*)>
<!ELEMENT VisionPrescription ((RightEye|LeftEye|Attachment|MetadataEntry)*)>
<!ATTLIST VisionPrescription
  type             CDATA #REQUIRED
  dateIssued       CDATA #REQUIRED
  expirationDate   CDATA #IMPLIED
  brand            CDATA #IMPLIED
<!ELEMENT RightEye EMPTY>
>
<!ATTLIST RightEye
  sphere CDATA #IMPLIED
>
]>
<HealthData locale="da_DK">
 <ExportDate value="2025-03-01 09:12:44 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-04-02" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>
`;
const FOOTER = '</HealthData>\n';

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function dayString(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/** Summer time in Denmark, roughly: April to October. */
function offsetFor(day: string): string {
  const month = Number(day.slice(5, 7));
  return month >= 4 && month <= 10 ? '+0200' : '+0100';
}

/** `minute` of the day (may run past midnight into the next day). */
function stamp(epochDay: number, minute: number, second = 0): string {
  const d = epochDay + Math.floor(minute / 1440);
  const m = ((minute % 1440) + 1440) % 1440;
  const day = dayString(d);
  return `${day} ${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:${pad2(second)} ${offsetFor(day)}`;
}

export async function* generateAppleHealthXml(targetBytes: number, seed = 1, options: GenerateOptions = {}): AsyncIterable<Uint8Array> {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const encoder = new TextEncoder();
  const budget = Math.max(0, targetBytes - FOOTER.length);
  let written = 0;
  let parts: string[] = [];
  let partLength = 0;
  let vtabDone = false;

  function* flush(force: boolean): Generator<Uint8Array> {
    if (partLength < chunkBytes && !force) return;
    if (parts.length === 0) return;
    const bytes = encoder.encode(parts.join(''));
    parts = [];
    partLength = 0;
    written += bytes.length;
    yield bytes;
  }
  const emit = (s: string) => {
    parts.push(s);
    // Close enough for chunking: the text is ASCII but for the apostrophes.
    partLength += s.length;
  };

  const record = (type: string, source: string, unit: string, start: string, end: string, value: string, inCorrelation = false, children = '') => {
    const device = source === WATCH ? WATCH_DEVICE : PHONE_DEVICE;
    const version = source === WATCH ? '10.2' : '17.2';
    const attrs = `type="${type}" sourceName="${source}" sourceVersion="${version}" device="${device}" unit="${unit}" creationDate="${end}" startDate="${start}" endDate="${end}" value="${value}"`;
    emit(children ? `${inCorrelation ? '  ' : ''} <Record ${attrs}>\n${children} </Record>\n` : `${inCorrelation ? '  ' : ''} <Record ${attrs}/>\n`);
    options.onRecord?.({ type, sourceName: source, unit, startDate: start, endDate: end, value, inCorrelation });
  };

  emit(HEADER);
  yield* flush(false);

  const [y, mo, d] = (options.startDay ?? '2019-01-01').split('-').map(Number) as [number, number, number];
  let day = Math.floor(Date.UTC(y, mo - 1, d) / 86_400_000);
  let dayIndex = 0;
  while (written + partLength < budget) {
    // Steps: the phone and the watch each count most hours of the day.
    for (let h = 7; h < 23; h++) {
      const steps = int(50, 1500);
      record('HKQuantityTypeIdentifierStepCount', PHONE, 'count', stamp(day, h * 60 + 2), stamp(day, h * 60 + 58), String(steps));
      record('HKQuantityTypeIdentifierStepCount', WATCH, 'count', stamp(day, h * 60 + 5), stamp(day, h * 60 + 55), String(Math.max(0, steps + int(-120, 120))));
      if (h % 4 === 0)
        record('HKQuantityTypeIdentifierDistanceWalkingRunning', WATCH, 'km', stamp(day, h * 60 + 5), stamp(day, h * 60 + 55), (steps * 0.00072).toFixed(5));
      record('HKQuantityTypeIdentifierActiveEnergyBurned', WATCH, 'kcal', stamp(day, h * 60), stamp(day, h * 60 + 59), (int(50, 400) / 10).toFixed(1));
    }
    // Heart rate every ten minutes while the watch is worn.
    for (let m = 7 * 60; m < 23 * 60; m += 10) {
      const s = stamp(day, m, int(0, 59));
      record(
        'HKQuantityTypeIdentifierHeartRate',
        WATCH,
        'count/min',
        s,
        s,
        String(int(52, 150)),
        false,
        m % 120 === 0 ? '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="1"/>\n' : '',
      );
    }
    record('HKQuantityTypeIdentifierRestingHeartRate', WATCH, 'count/min', stamp(day, 0), stamp(day, 1439), String(int(50, 70)));
    const o2 = stamp(day, int(60, 300));
    record('HKQuantityTypeIdentifierOxygenSaturation', WATCH, '%', o2, o2, (int(93, 100) / 100).toFixed(2));
    record('HKQuantityTypeIdentifierFlightsClimbed', PHONE, 'count', stamp(day, 600), stamp(day, 610), String(int(1, 6)));
    if (dayIndex % 2 === 0) {
      const w = stamp(day, 7 * 60 + 15);
      record(
        'HKQuantityTypeIdentifierBodyMass',
        PHONE,
        'kg',
        w,
        w,
        (70 + int(-20, 20) / 10).toFixed(1),
        false,
        '  <MetadataEntry key="HKWasUserEntered" value="1"/>\n',
      );
    }
    if (dayIndex % 3 === 0) {
      // Blood pressure: the correlation wraps two records that also appear at top level.
      const t = stamp(day, 8 * 60 + 30);
      const sys = String(int(105, 150));
      const dia = String(int(65, 95));
      emit(
        ` <Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="${PHONE}" sourceVersion="17.2" creationDate="${t}" startDate="${t}" endDate="${t}">\n`,
      );
      emit('  <MetadataEntry key="HKWasUserEntered" value="1"/>\n');
      record('HKQuantityTypeIdentifierBloodPressureDiastolic', PHONE, 'mmHg', t, t, dia, true);
      record('HKQuantityTypeIdentifierBloodPressureSystolic', PHONE, 'mmHg', t, t, sys, true);
      emit(' </Correlation>\n');
      record('HKQuantityTypeIdentifierBloodPressureDiastolic', PHONE, 'mmHg', t, t, dia);
      record('HKQuantityTypeIdentifierBloodPressureSystolic', PHONE, 'mmHg', t, t, sys);
    }
    if (dayIndex % 5 === 0) {
      const g = stamp(day, 12 * 60 + 5);
      record('HKQuantityTypeIdentifierBloodGlucose', PHONE, 'mmol&lt;180.1558800000541&gt;/L', g, g, (int(40, 90) / 10).toFixed(1));
    }
    // Sleep from the evening of this day: in bed from the phone, stages from the watch.
    const bed = 22 * 60 + int(30, 80);
    let at = bed + int(5, 20);
    record('HKCategoryTypeIdentifierSleepAnalysis', PHONE, '', stamp(day, bed), stamp(day, 24 * 60 + 7 * 60), 'HKCategoryValueSleepAnalysisInBed');
    const stages = [
      'HKCategoryValueSleepAnalysisAsleepCore',
      'HKCategoryValueSleepAnalysisAsleepDeep',
      'HKCategoryValueSleepAnalysisAsleepREM',
      'HKCategoryValueSleepAnalysisAwake',
    ];
    while (at < 24 * 60 + 6 * 60 + 30) {
      const len = int(10, 60);
      record('HKCategoryTypeIdentifierSleepAnalysis', WATCH, '', stamp(day, at), stamp(day, at + len), stages[int(0, 3)]!);
      at += len;
    }
    if (dayIndex % 3 === 1) {
      const start = 17 * 60 + int(0, 30);
      const minutes = int(20, 70);
      const km = (minutes * 0.16).toFixed(2);
      const kcal = String(minutes * 9);
      const s = stamp(day, start);
      const e = stamp(day, start + minutes);
      if (dayIndex % 2 === 0) {
        emit(
          ` <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="${minutes}" durationUnit="min" totalDistance="${km}" totalDistanceUnit="km" totalEnergyBurned="${kcal}" totalEnergyBurnedUnit="kcal" sourceName="${WATCH}" sourceVersion="6.2" device="${WATCH_DEVICE}" creationDate="${e}" startDate="${s}" endDate="${e}">\n`,
        );
        emit(
          `  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n  <WorkoutEvent type="HKWorkoutEventTypePause" date="${stamp(day, start + 5)}"/>\n </Workout>\n`,
        );
      } else {
        emit(
          ` <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="${minutes}" durationUnit="min" sourceName="${WATCH}" sourceVersion="10.2" device="${WATCH_DEVICE}" creationDate="${e}" startDate="${s}" endDate="${e}">\n`,
        );
        emit(`  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning" startDate="${s}" endDate="${e}" sum="${km}" unit="km"/>\n`);
        emit(`  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="${s}" endDate="${e}" sum="${kcal}" unit="kcal"/>\n`);
        emit(
          `  <WorkoutRoute sourceName="${WATCH}" sourceVersion="10.2" creationDate="${e}" startDate="${s}" endDate="${e}">\n   <FileReference path="/workout-routes/route_${s.slice(0, 10)}_5.05pm.gpx"/>\n  </WorkoutRoute>\n </Workout>\n`,
        );
      }
    }
    if (!vtabDone) {
      // Real exports have had a vertical tab inside an attribute value (illegal in XML 1.0).
      vtabDone = true;
      const t = stamp(day, 9 * 60);
      emit(
        ` <Record type="HKQuantityTypeIdentifierHeight" sourceName="Sundhed\x0b" sourceVersion="17.2" unit="cm" creationDate="${t}" startDate="${t}" endDate="${t}" value="168"/>\n`,
      );
      options.onRecord?.({
        type: 'HKQuantityTypeIdentifierHeight',
        sourceName: 'Sundhed ',
        unit: 'cm',
        startDate: t,
        endDate: t,
        value: '168',
        inCorrelation: false,
      });
    }
    emit(
      ` <ActivitySummary dateComponents="${dayString(day)}" activeEnergyBurned="${int(200, 700)}" activeEnergyBurnedGoal="500" activeEnergyBurnedUnit="kcal" appleMoveTime="0" appleMoveTimeGoal="0" appleExerciseTime="${int(5, 60)}" appleExerciseTimeGoal="30" appleStandHours="${int(6, 14)}" appleStandHoursGoal="12"/>\n`,
    );
    day++;
    dayIndex++;
    yield* flush(false);
  }
  emit(FOOTER);
  yield* flush(true);
}
