/**
 * Apple Health kinds outside the named measures, in Danish and English side by side, by their
 * HealthKit identifier without its prefix. A kind missing here is shown by its identifier's words.
 */
export const HEALTHKIT_TYPE_NAMES: Record<string, { da: string; en: string }> = {
  VO2Max: { da: 'Kondital (VO₂-maks)', en: 'Cardio fitness (VO₂ max)' },
  HeartRateVariabilitySDNN: { da: 'Pulsvariabilitet (HRV)', en: 'Heart rate variability (HRV)' },
  WalkingHeartRateAverage: { da: 'Gennemsnitlig puls under gang', en: 'Walking heart rate average' },
  RespiratoryRate: { da: 'Vejrtrækninger pr. minut', en: 'Respiratory rate' },
  BodyMassIndex: { da: 'BMI (kropsmasseindeks)', en: 'Body mass index (BMI)' },
  BodyFatPercentage: { da: 'Fedtprocent', en: 'Body fat percentage' },
  LeanBodyMass: { da: 'Fedtfri masse', en: 'Lean body mass' },
  AppleExerciseTime: { da: 'Træningsminutter', en: 'Exercise minutes' },
  AppleStandTime: { da: 'Ståminutter', en: 'Stand minutes' },
  AppleMoveTime: { da: 'Bevægelsesminutter', en: 'Move minutes' },
  FlightsClimbed: { da: 'Etager gået op', en: 'Flights climbed' },
  BasalEnergyBurned: { da: 'Hvileenergi', en: 'Resting energy' },
  DistanceCycling: { da: 'Distance cyklet', en: 'Cycling distance' },
  DistanceSwimming: { da: 'Distance svømmet', en: 'Swimming distance' },
  WalkingSpeed: { da: 'Ganghastighed', en: 'Walking speed' },
  WalkingStepLength: { da: 'Skridtlængde', en: 'Step length' },
  TimeInDaylight: { da: 'Tid i dagslys', en: 'Time in daylight' },
  EnvironmentalAudioExposure: { da: 'Lydniveau omkring dig', en: 'Environmental sound levels' },
  HeadphoneAudioExposure: { da: 'Lydniveau i hovedtelefoner', en: 'Headphone audio levels' },
  DietaryWater: { da: 'Vand drukket', en: 'Water' },
  DietaryEnergyConsumed: { da: 'Energi spist', en: 'Dietary energy' },
  MindfulSession: { da: 'Mindfulness', en: 'Mindfulness' },
};
