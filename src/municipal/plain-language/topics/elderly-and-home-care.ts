/** Help at home, care and housing for older people and others who need care (KLE 27). */
import { defineTopics } from '../types';

export const elderlyAndHomeCareTopics = defineTopics([
  {
    code: '27.34.10',
    officialTitle: 'Tilbud om helhedspleje',
    da: {
      title: 'Hjælp og pleje til ældre',
      explanation:
        'Helhedspleje er den samlede hjælp, du kan få som ældre, hvis du har brug for hjælp i hverdagen, fx til personlig pleje, rengøring eller træning. Hjælpen skal tilrettelægges, så den passer til dig og dit liv.',
      tips: ['Fortæl kommunen, hvad der betyder mest for dig i hverdagen, så hjælpen kan passe til det.'],
    },
    en: {
      title: 'Care and help for older people',
      explanation:
        'Comprehensive care is the combined help you can get as an older person if you need help in everyday life, such as personal care, cleaning or exercise. The help should be arranged to suit you and your life.',
      tips: ['Tell the municipality what matters most to you in everyday life, so that the help can fit around it.'],
    },
  },
  {
    code: '27.36.04',
    officialTitle: 'Personlig og praktisk hjælp',
    da: {
      title: 'Hjemmehjælp',
      explanation:
        'Hjemmehjælp er hjælp i dit eget hjem, hvis du ikke selv kan klare alt, fx personlig pleje som bad og påklædning eller praktiske opgaver som rengøring og tøjvask. Kommunen vurderer dit behov og beslutter, hvilken hjælp du får.',
      tips: ['Du kan som regel vælge, om hjælpen skal komme fra kommunen eller fra en privat leverandør, som kommunen har godkendt.'],
    },
    en: {
      title: 'Home help',
      explanation:
        'Home help is help in your own home if you cannot manage everything yourself, such as personal care like bathing and dressing, or practical tasks like cleaning and laundry. The municipality assesses your needs and decides what help you get.',
      tips: ['You can usually choose whether the help comes from the municipality or from a private provider approved by the municipality.'],
    },
  },
  {
    code: '27.36.20',
    officialTitle: 'Tildeling af personlig hjælp og pleje m.v. (visitation)',
    da: {
      title: 'Vurdering af dit behov for hjælp',
      explanation:
        'Før du får hjælp og pleje, vurderer kommunen, hvad du har brug for. En medarbejder taler med dig, ofte i dit hjem, og kommunen træffer derefter en afgørelse.',
      tips: ['Du kan have en pårørende med, når kommunen besøger dig.'],
    },
    en: {
      title: 'Assessment of your need for help',
      explanation:
        'Before you receive help and care, the municipality assesses what you need. A member of staff talks with you, often in your home, and the municipality then makes a decision.',
      tips: ['You can have a relative with you when the municipality visits.'],
    },
  },
  {
    code: '27.36.06',
    officialTitle: 'Rehabiliteringsforløb',
    da: {
      title: 'Træning i at klare hverdagen selv',
      explanation:
        'Et rehabiliteringsforløb er en kort periode, hvor du får hjælp og træning til igen at klare flere af hverdagens opgaver selv, fx at gå i bad eller lave mad. Kommunen tilbyder det ofte, før den vurderer, om du har brug for hjemmehjælp.',
    },
    en: {
      title: 'Training to manage everyday life again',
      explanation:
        'A reablement programme is a short period of help and training so that you can again do more of your everyday tasks yourself, such as showering or cooking. The municipality often offers it before deciding whether you need home help.',
    },
  },
  {
    code: '27.36.16',
    officialTitle: 'Genoptræning og vedligeholdelsestræning efter serviceloven',
    da: {
      title: 'Træning for at bevare dine kræfter',
      explanation:
        'Har du mistet kræfter eller færdigheder på grund af sygdom, der ikke er behandlet på hospitalet, kan kommunen tilbyde dig genoptræning. Kommunen kan også tilbyde træning, så du bevarer det, du kan.',
    },
    en: {
      title: 'Exercise to keep your strength',
      explanation:
        'If you have lost strength or abilities because of an illness that was not treated in hospital, the municipality can offer you rehabilitation exercise. It can also offer exercise to help you keep the abilities you have.',
    },
  },
  {
    code: '27.36.24',
    officialTitle: 'Madservice',
    da: {
      title: 'Mad leveret til døren',
      explanation: 'Kan du ikke selv lave mad, kan kommunen tilbyde madservice, hvor du får mad bragt ud. Du betaler selv for maden.',
    },
    en: {
      title: 'Meals delivered to your door',
      explanation: 'If you cannot cook for yourself, the municipality can offer a meal service that delivers food to you. You pay for the food yourself.',
    },
  },
  {
    code: '27.34.25',
    officialTitle: 'Afløsning og aflastning samt midlertidigt ophold',
    da: {
      title: 'Aflastning og midlertidigt ophold',
      explanation:
        'Passer en pårørende dig til daglig, kan kommunen tilbyde afløsning eller aflastning, så den pårørende kan få en pause. Du kan også få et midlertidigt ophold, fx efter en indlæggelse, hvis du ikke kan klare dig hjemme endnu.',
    },
    en: {
      title: 'Respite care and short stays',
      explanation:
        'If a relative looks after you every day, the municipality can offer respite so that your relative can take a break. You can also have a short stay somewhere, for example after a hospital stay, if you cannot manage at home yet.',
    },
  },
  {
    code: '27.42.08',
    officialTitle: 'Plejebolig, plejehjem eller beskyttet bolig (visitation og anvisning)',
    da: {
      title: 'Plejebolig og plejehjem',
      explanation:
        'En plejebolig er et hjem til dig, der har brug for meget hjælp og pleje hele døgnet. Kommunen vurderer, om du kan få en plejebolig, og du kan søge, når du ikke længere kan klare dig i dit eget hjem.',
      tips: [
        'Når kommunen har godkendt dig, skal du normalt have tilbudt en bolig inden for to måneder. Ønsker du en bestemt bolig, kan ventetiden blive længere.',
      ],
    },
    en: {
      title: 'Nursing home',
      explanation:
        'A nursing home place is a home for people who need a lot of help and care around the clock. The municipality assesses whether you can have one, and you can apply when you can no longer manage in your own home.',
      tips: [
        'Once the municipality has approved you, you should normally be offered a place within two months. If you want a particular home, the wait may be longer.',
      ],
    },
  },
  {
    code: '27.45.04',
    officialTitle: 'Anvisning til ældrebolig / handicapbolig (visitation)',
    da: {
      title: 'Ældrebolig og handicapbolig',
      explanation:
        'En ældrebolig eller handicapbolig er en lejebolig, der er indrettet til ældre og mennesker med handicap. Kommunen vurderer, om du har brug for en, og henviser dig til en ledig bolig.',
    },
    en: {
      title: 'Housing for older or disabled people',
      explanation:
        'This is a rented home designed for older people and people with disabilities. The municipality assesses whether you need one and refers you to a home that is free.',
    },
  },
]);
