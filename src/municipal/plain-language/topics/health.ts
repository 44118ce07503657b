/** Health insurance cards, health visitors, dental care, home nursing and rehabilitation (KLE 29). */
import { defineTopics } from '../types';

export const healthTopics = defineTopics([
  {
    code: '29.03.04',
    officialTitle: 'Udstedelse af sundhedskort',
    da: {
      title: 'Det gule sundhedskort',
      explanation:
        'Sundhedskortet viser, at du har ret til behandling i det offentlige sundhedsvæsen, og hvilken læge du har. Har du mistet kortet, kan du bestille et nyt hos kommunen.',
    },
    en: {
      title: 'The yellow health insurance card',
      explanation:
        'The health insurance card shows that you are entitled to treatment in the public health service, and who your doctor is. If you have lost the card, you can order a new one from the municipality.',
    },
  },
  {
    code: '29.03.06',
    officialTitle: 'Udstedelse af EU-sygesikringskort',
    da: {
      title: 'Det blå EU-sygesikringskort',
      explanation:
        'Det blå sygesikringskort viser, at du har ret til nødvendig behandling, hvis du bliver syg under et midlertidigt ophold i et andet EU-land og nogle få andre lande. Du kan bestille det gratis.',
      tips: ['Tjek, at kortet er gyldigt, før du rejser.'],
    },
    en: {
      title: 'The blue European health insurance card',
      explanation:
        'The blue card shows that you are entitled to necessary treatment if you fall ill during a temporary stay in another EU country or a few other countries. You can order it free of charge.',
      tips: ['Check that the card is still valid before you travel.'],
    },
  },
  {
    code: '29.03.12',
    officialTitle: 'Valg af læge og indplacering i sikringsgruppe',
    da: {
      title: 'Valg og skift af læge',
      explanation:
        'Du kan vælge eller skifte din praktiserende læge, hvis lægen har plads til nye patienter. Du kan også vælge mellem gruppe 1 med en fast læge og gruppe 2, hvor du kan gå til enhver læge, men selv betaler en del.',
    },
    en: {
      title: 'Choosing or changing your doctor',
      explanation:
        'You can choose or change your family doctor if the doctor has room for new patients. You can also choose between group 1, with a regular doctor, and group 2, where you can see any doctor but pay part of the cost yourself.',
    },
  },
  {
    code: '29.12.08',
    officialTitle: 'Sundhedspleje til børn i eget hjem',
    da: {
      title: 'Sundhedsplejerske',
      explanation:
        'Når du har fået et barn, tilbyder kommunen besøg af en sundhedsplejerske i jeres hjem. Sundhedsplejersken følger barnets trivsel og udvikling og giver råd om fx amning, søvn og mad.',
    },
    en: {
      title: 'Health visitor',
      explanation:
        'When you have had a baby, the municipality offers visits from a health visitor in your home. The health visitor follows how your child is thriving and developing, and gives advice on things like feeding, sleep and food.',
    },
  },
  {
    code: '29.12.04',
    officialTitle: 'Sundhedstjeneste til børn og unge i skolen',
    da: {
      title: 'Sundhedsplejerske og læge i skolen',
      explanation:
        'Kommunens sundhedstjeneste tilbyder dit barn helbredsundersøgelser i skolen, fx når barnet begynder og slutter i skolen, og samtaler om trivsel og sundhed.',
    },
    en: {
      title: 'School health service',
      explanation:
        'The municipality’s school health service offers your child health checks at school, for example when they start and finish school, and conversations about well-being and health.',
    },
  },
  {
    code: '29.15.04',
    officialTitle: 'Tandpleje for børn og unge under 22 år',
    da: {
      title: 'Tandpleje for børn og unge',
      explanation:
        'Kommunen tilbyder tandpleje til børn og unge under 22 år, både forebyggelse og behandling. Du kan som regel vælge, om dit barn skal gå i kommunens tandpleje eller hos en privat tandlæge, men vælger du privat, kan du komme til at betale en del selv.',
    },
    en: {
      title: 'Dental care for children and young people',
      explanation:
        'The municipality offers dental care to children and young people under 22, both prevention and treatment. You can usually choose between the municipal dental service and a private dentist, but if you choose a private dentist you may have to pay part of the cost.',
    },
  },
  {
    code: '29.15.12',
    officialTitle: 'Omsorgstandpleje',
    da: {
      title: 'Tandpleje når du ikke kan komme til tandlægen',
      explanation:
        'Omsorgstandpleje er tandpleje til dig, der på grund af alder, sygdom eller handicap ikke kan bruge en almindelig tandlæge. Du betaler selv et begrænset beløb om året.',
    },
    en: {
      title: 'Dental care when you cannot get to a dentist',
      explanation:
        'This is dental care for people who cannot use an ordinary dentist because of age, illness or disability. You pay a limited amount yourself each year.',
    },
  },
  {
    code: '29.18.00',
    officialTitle: 'Kommunal sygepleje i almindelighed',
    da: {
      title: 'Hjemmesygepleje',
      explanation:
        'Hjemmesygepleje er sygepleje i dit eget hjem eller i en sygeplejeklinik, fx hjælp med medicin, sårpleje eller opfølgning efter en indlæggelse. Den er gratis, og det er som regel din læge eller hospitalet, der henviser dig.',
    },
    en: {
      title: 'Home nursing',
      explanation:
        'Home nursing is nursing care in your own home or at a nursing clinic, such as help with medicine, wound care or follow-up after a hospital stay. It is free, and usually your doctor or the hospital refers you.',
    },
  },
  {
    code: '29.21.04',
    officialTitle: 'Genoptræning efter sundhedsloven',
    da: {
      title: 'Genoptræning efter hospitalet',
      explanation:
        'Har du brug for træning, når du er udskrevet fra hospitalet, får du en genoptræningsplan med hjem. Kommunen sørger for, at du kommer i gang med træningen, og den er gratis.',
      tips: ['Har du ikke hørt fra kommunen kort tid efter, at du er kommet hjem, så kontakt kommunen.'],
    },
    en: {
      title: 'Rehabilitation after hospital',
      explanation:
        'If you need exercise and training after leaving hospital, you are given a rehabilitation plan to take home. The municipality makes sure you get started, and it is free.',
      tips: ['If you have not heard from the municipality shortly after coming home, contact them.'],
    },
  },
  {
    code: '29.21.08',
    officialTitle: 'Fysioterapi m.v., vederlagsfri behandling',
    da: {
      title: 'Gratis fysioterapi',
      explanation:
        'Har du et svært fysisk handicap eller en sygdom, der bliver værre over tid, kan du få gratis fysioterapi. Du skal have en henvisning fra din læge.',
    },
    en: {
      title: 'Free physiotherapy',
      explanation:
        'If you have a severe physical disability or an illness that gets worse over time, you can get free physiotherapy. You need a referral from your doctor.',
    },
  },
  {
    code: '29.24.04',
    officialTitle: 'Alkoholbehandlingstilbud',
    da: {
      title: 'Behandling for alkoholproblemer',
      explanation:
        'Kommunen tilbyder gratis behandling, hvis du har problemer med alkohol. Du kan selv henvende dig, og du kan være anonym, hvis du ønsker det.',
    },
    en: {
      title: 'Treatment for alcohol problems',
      explanation:
        'The municipality offers free treatment if you have problems with alcohol. You can contact them yourself, and you can stay anonymous if you wish.',
    },
  },
  {
    code: '29.09.04',
    officialTitle: 'Borgerrettet forebyggelse',
    da: {
      title: 'Hjælp til et sundere liv',
      explanation:
        'Kommunen har tilbud, der kan hjælpe dig med at leve sundere, fx hjælp til at stoppe med at ryge, motion eller råd om kost. Spørg din kommune, hvilke tilbud der findes, hvor du bor.',
    },
    en: {
      title: 'Help towards a healthier life',
      explanation:
        'The municipality has services that can help you live more healthily, such as help to stop smoking, exercise or advice on diet. Ask your municipality what is on offer where you live.',
    },
  },
]);
