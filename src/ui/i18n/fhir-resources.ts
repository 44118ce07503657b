/**
 * FHIR resource types the vault does not keep, named for the import summary ("2 familiehistorikker
 * blev ikke importeret"), Danish and English side by side, singular and plural. A type missing
 * here is counted under "andre oplysninger" / "other entries", never shown by its English code.
 */
type Forms = { one: string; other: string };

export const FHIR_RESOURCE_NAMES: Record<string, { da: Forms; en: Forms }> = {
  FamilyMemberHistory: { da: { one: 'familiehistorik', other: 'familiehistorikker' }, en: { one: 'family history', other: 'family histories' } },
  DocumentReference: { da: { one: 'dokumentreference', other: 'dokumentreferencer' }, en: { one: 'document reference', other: 'document references' } },
  Encounter: {
    da: { one: 'kontakt med sundhedsvæsenet', other: 'kontakter med sundhedsvæsenet' },
    en: { one: 'healthcare visit', other: 'healthcare visits' },
  },
  ServiceRequest: { da: { one: 'henvisning', other: 'henvisninger' }, en: { one: 'referral', other: 'referrals' } },
  ReferralRequest: { da: { one: 'henvisning', other: 'henvisninger' }, en: { one: 'referral', other: 'referrals' } },
  CarePlan: { da: { one: 'behandlingsplan', other: 'behandlingsplaner' }, en: { one: 'care plan', other: 'care plans' } },
  CareTeam: { da: { one: 'behandlerteam', other: 'behandlerteams' }, en: { one: 'care team', other: 'care teams' } },
  Goal: { da: { one: 'behandlingsmål', other: 'behandlingsmål' }, en: { one: 'treatment goal', other: 'treatment goals' } },
  Coverage: { da: { one: 'forsikringsdækning', other: 'forsikringsdækninger' }, en: { one: 'insurance cover', other: 'insurance covers' } },
  Claim: { da: { one: 'regning', other: 'regninger' }, en: { one: 'claim', other: 'claims' } },
  ExplanationOfBenefit: { da: { one: 'afregning', other: 'afregninger' }, en: { one: 'benefit statement', other: 'benefit statements' } },
  Practitioner: { da: { one: 'behandler', other: 'behandlere' }, en: { one: 'practitioner', other: 'practitioners' } },
  PractitionerRole: { da: { one: 'behandlerrolle', other: 'behandlerroller' }, en: { one: 'practitioner role', other: 'practitioner roles' } },
  Organization: { da: { one: 'organisation', other: 'organisationer' }, en: { one: 'organisation', other: 'organisations' } },
  Location: { da: { one: 'sted', other: 'steder' }, en: { one: 'place', other: 'places' } },
  MedicationDispense: { da: { one: 'medicinudlevering', other: 'medicinudleveringer' }, en: { one: 'medicine dispensed', other: 'medicines dispensed' } },
  MedicationAdministration: { da: { one: 'medicingivning', other: 'medicingivninger' }, en: { one: 'medicine given', other: 'medicines given' } },
  Composition: { da: { one: 'journalnotat', other: 'journalnotater' }, en: { one: 'clinical document', other: 'clinical documents' } },
  ImagingStudy: { da: { one: 'billedundersøgelse', other: 'billedundersøgelser' }, en: { one: 'imaging study', other: 'imaging studies' } },
  Device: { da: { one: 'medicinsk udstyr', other: 'stykker medicinsk udstyr' }, en: { one: 'medical device', other: 'medical devices' } },
  Provenance: { da: { one: 'oprindelsesoplysning', other: 'oprindelsesoplysninger' }, en: { one: 'provenance record', other: 'provenance records' } },
  QuestionnaireResponse: { da: { one: 'spørgeskemasvar', other: 'spørgeskemasvar' }, en: { one: 'questionnaire answer', other: 'questionnaire answers' } },
  Specimen: { da: { one: 'prøve', other: 'prøver' }, en: { one: 'specimen', other: 'specimens' } },
  EpisodeOfCare: { da: { one: 'forløb', other: 'forløb' }, en: { one: 'episode of care', other: 'episodes of care' } },
  Appointment: { da: { one: 'aftale', other: 'aftaler' }, en: { one: 'appointment', other: 'appointments' } },
  Consent: { da: { one: 'samtykke', other: 'samtykker' }, en: { one: 'consent', other: 'consents' } },
  RelatedPerson: { da: { one: 'pårørende', other: 'pårørende' }, en: { one: 'related person', other: 'related persons' } },
  RiskAssessment: { da: { one: 'risikovurdering', other: 'risikovurderinger' }, en: { one: 'risk assessment', other: 'risk assessments' } },
};

export const OTHER_RESOURCES: { da: Forms; en: Forms } = {
  da: { one: 'anden oplysning', other: 'andre oplysninger' },
  en: { one: 'other entry', other: 'other entries' },
};
