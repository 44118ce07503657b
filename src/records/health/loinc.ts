/**
 * Plain-language names of common LOINC codes (vital signs and frequent laboratory tests), in
 * Danish and English. Danish wording is ours: the words a citizen would use, not the lab's.
 */
type Name = { da: string; en: string };

const LOINC: Readonly<Record<string, Name>> = {
  // Vital signs (the FHIR vital signs profile)
  '85353-1': { da: 'Vitale værdier', en: 'Vital signs' },
  '29463-7': { da: 'Vægt', en: 'Body weight' },
  '3141-9': { da: 'Vægt (målt)', en: 'Body weight (measured)' },
  '8302-2': { da: 'Højde', en: 'Body height' },
  '8306-3': { da: 'Længde (liggende)', en: 'Body length (lying)' },
  '39156-5': { da: 'BMI (kropsmasseindeks)', en: 'Body mass index (BMI)' },
  '8867-4': { da: 'Puls', en: 'Heart rate' },
  '40443-4': { da: 'Hvilepuls', en: 'Resting heart rate' },
  '9279-1': { da: 'Vejrtrækning pr. minut', en: 'Breathing rate' },
  '8310-5': { da: 'Kropstemperatur', en: 'Body temperature' },
  '8331-1': { da: 'Temperatur i munden', en: 'Oral temperature' },
  '59408-5': { da: 'Iltmætning (målt på fingeren)', en: 'Oxygen saturation (pulse oximetry)' },
  // Components of an oxygen saturation reading taken with extra oxygen.
  '3151-8': { da: 'Ilttilførsel (liter pr. minut)', en: 'Inhaled oxygen flow rate' },
  '3150-0': { da: 'Ilt i indåndingsluften', en: 'Inhaled oxygen concentration' },
  '2708-6': { da: 'Iltmætning i blodet', en: 'Oxygen saturation in blood' },
  '85354-9': { da: 'Blodtryk', en: 'Blood pressure' },
  '55284-4': { da: 'Blodtryk', en: 'Blood pressure' },
  '8480-6': { da: 'Blodtryk, det høje tal (systolisk)', en: 'Systolic blood pressure' },
  '8462-4': { da: 'Blodtryk, det lave tal (diastolisk)', en: 'Diastolic blood pressure' },
  '9843-4': { da: 'Hovedomkreds', en: 'Head circumference' },
  '8280-0': { da: 'Taljemål', en: 'Waist circumference' },
  '41982-0': { da: 'Fedtprocent', en: 'Body fat percentage' },
  '72514-3': { da: 'Smerte (0–10)', en: 'Pain severity (0–10)' },
  // Activity
  '41950-7': { da: 'Skridt pr. døgn', en: 'Number of steps in 24 hours' },
  '55423-8': { da: 'Skridt', en: 'Number of steps' },
  // Blood sugar
  // No unit in the name: labs report either, whatever the code, and the value carries its own.
  '4548-4': { da: 'Langtidsblodsukker (HbA1c)', en: 'HbA1c' },
  '17856-6': { da: 'Langtidsblodsukker (HbA1c)', en: 'HbA1c' },
  '59261-8': { da: 'Langtidsblodsukker (HbA1c)', en: 'HbA1c' },
  '2339-0': { da: 'Blodsukker', en: 'Blood glucose' },
  '2345-7': { da: 'Blodsukker (serum/plasma)', en: 'Glucose (serum/plasma)' },
  '15074-8': { da: 'Blodsukker (mmol/L)', en: 'Blood glucose (mmol/L)' },
  '1558-6': { da: 'Fastende blodsukker', en: 'Fasting glucose' },
  // Cholesterol and fats
  '2093-3': { da: 'Kolesterol, samlet', en: 'Total cholesterol' },
  '2085-9': { da: 'Godt kolesterol (HDL)', en: 'HDL cholesterol' },
  '2089-1': { da: 'Ondt kolesterol (LDL)', en: 'LDL cholesterol' },
  '13457-7': { da: 'Ondt kolesterol (LDL, beregnet)', en: 'LDL cholesterol (calculated)' },
  '2571-8': { da: 'Triglycerider (fedtstoffer i blodet)', en: 'Triglycerides' },
  // Blood count
  '718-7': { da: 'Hæmoglobin (blodprocent)', en: 'Haemoglobin' },
  '4544-3': { da: 'Hæmatokrit', en: 'Haematocrit' },
  '6690-2': { da: 'Hvide blodlegemer', en: 'White blood cells' },
  '789-8': { da: 'Røde blodlegemer', en: 'Red blood cells' },
  '777-3': { da: 'Blodplader', en: 'Platelets' },
  '787-2': { da: 'Størrelse af røde blodlegemer (MCV)', en: 'Mean red cell volume (MCV)' },
  // Kidneys and salts
  '2160-0': { da: 'Kreatinin (nyretal)', en: 'Creatinine' },
  '33914-3': { da: 'Nyrefunktion (eGFR)', en: 'Kidney function (eGFR)' },
  '62238-1': { da: 'Nyrefunktion (eGFR)', en: 'Kidney function (eGFR)' },
  '3094-0': { da: 'Urinstof (carbamid)', en: 'Urea nitrogen' },
  '2951-2': { da: 'Natrium', en: 'Sodium' },
  '2823-3': { da: 'Kalium', en: 'Potassium' },
  '17861-6': { da: 'Calcium', en: 'Calcium' },
  '14959-1': { da: 'Albumin i urinen', en: 'Albumin in urine' },
  // Liver
  '1742-6': { da: 'Levertal (ALAT)', en: 'ALT (liver enzyme)' },
  '1920-8': { da: 'Levertal (ASAT)', en: 'AST (liver enzyme)' },
  '6768-6': { da: 'Basisk fosfatase', en: 'Alkaline phosphatase' },
  '1975-2': { da: 'Bilirubin', en: 'Bilirubin' },
  '1751-7': { da: 'Albumin', en: 'Albumin' },
  // Thyroid, inflammation, iron, vitamins
  '3016-3': { da: 'Stofskiftehormon (TSH)', en: 'Thyroid-stimulating hormone (TSH)' },
  '3024-7': { da: 'Frit stofskiftehormon (T4)', en: 'Free thyroxine (T4)' },
  '1988-5': { da: 'Infektionstal (CRP)', en: 'C-reactive protein (CRP)' },
  '2276-4': { da: 'Ferritin (jerndepot)', en: 'Ferritin' },
  '2498-4': { da: 'Jern', en: 'Iron' },
  '1989-3': { da: 'D-vitamin', en: 'Vitamin D' },
  '2132-9': { da: 'B12-vitamin', en: 'Vitamin B12' },
  '5902-2': { da: 'Blodets størkningstid (INR)', en: 'Prothrombin time (INR)' },
  '6301-6': { da: 'Blodets størkningstid (INR)', en: 'INR' },
  // Other common observations
  '72166-2': { da: 'Rygning', en: 'Tobacco smoking status' },
  '11331-6': { da: 'Alkohol', en: 'Alcohol use' },
  '2857-1': { da: 'PSA (prostata)', en: 'Prostate-specific antigen (PSA)' },
};

/** LOINC's name for a code in both languages, when the table knows it. */
export function loincName(code: string): Name | undefined {
  return Object.hasOwn(LOINC, code) ? LOINC[code] : undefined;
}

export const LOINC_SYSTEM = 'http://loinc.org';
