/** School, after-school care and education for young people and adults (KLE 17, 54). */
import { defineTopics } from '../types';

export const schoolAndEducationTopics = defineTopics([
  {
    code: '17.20.01',
    officialTitle: 'Skoleindskrivning og elevoplysninger',
    da: {
      title: 'Skolestart og indskrivning',
      explanation:
        'Når dit barn skal begynde i skole, skal du skrive barnet ind. Barnet har ret til en plads på folkeskolen i det skoledistrikt, hvor I bor, men du kan også ønske en anden skole.',
    },
    en: {
      title: 'Starting school and enrolment',
      explanation:
        'When your child is about to start school, you enrol them. Your child has the right to a place at the public school in the district where you live, but you can also ask for a different school.',
    },
  },
  {
    code: '17.20.07',
    officialTitle: 'Skoleskift og skoleflytning',
    da: {
      title: 'Skift af skole',
      explanation: 'Du kan søge om at flytte dit barn til en anden folkeskole, også i en anden kommune, hvis der er plads på skolen.',
    },
    en: {
      title: 'Changing schools',
      explanation: 'You can apply to move your child to another public school, including one in another municipality, if the school has room.',
    },
  },
  {
    code: '17.20.03',
    officialTitle: 'Fravær fra undervisningen og fritagelse fra fag',
    da: {
      title: 'Fravær og fritagelse fra fag',
      explanation:
        'Det handler om dit barns fravær fra skolen, og om dit barn kan blive fritaget fra et fag, fx på grund af helbred. Skolen registrerer fraværet og kontakter dig, hvis det giver anledning til bekymring.',
    },
    en: {
      title: 'Absence and exemption from subjects',
      explanation:
        'This concerns your child’s absence from school, and whether your child can be excused from a subject, for example for health reasons. The school records absence and contacts you if it gives cause for concern.',
    },
  },
  {
    code: '17.03.04',
    officialTitle: 'Pædagogisk-psykologisk vurdering (PPV)',
    da: {
      title: 'Vurdering af dit barns behov for støtte i skolen',
      explanation:
        'En pædagogisk-psykologisk vurdering undersøger, om dit barn har brug for særlig støtte i skolen, og hvilken. Den laves af kommunens pædagogisk-psykologiske rådgivning (PPR) i samarbejde med jer som forældre.',
      tips: ['Er du bekymret for dit barns trivsel eller læring, kan du selv bede skolen om en vurdering.'],
    },
    en: {
      title: 'Assessing your child’s need for support at school',
      explanation:
        'An educational psychology assessment looks at whether your child needs special support at school, and what kind. It is carried out by the municipality’s educational psychology service (PPR) together with you as parents.',
      tips: ['If you are worried about how your child is doing or learning, you can ask the school for an assessment yourself.'],
    },
  },
  {
    code: '17.03.08',
    officialTitle: 'Specialundervisning og anden specialpædagogisk bistand',
    da: {
      title: 'Specialundervisning',
      explanation:
        'Specialundervisning er særligt tilrettelagt undervisning til børn, der har brug for mere støtte, end almindelig undervisning kan give. Det kan foregå i barnets egen klasse, på et særligt hold, i en specialklasse eller på en specialskole.',
    },
    en: {
      title: 'Special needs education',
      explanation:
        'Special needs education is teaching arranged for children who need more support than ordinary lessons can give. It can take place in the child’s own class, in a special group, in a special class or at a special school.',
    },
  },
  {
    code: '17.13.10',
    officialTitle: 'Optagelse i skolefritidsordning (SFO)',
    da: {
      title: 'Plads i skolefritidsordning (SFO)',
      explanation: 'En skolefritidsordning (SFO) er et pasningstilbud for skolebørn før og efter skoletid. Du skriver dit barn op, og du betaler for pladsen.',
    },
    en: {
      title: 'A place in after-school care',
      explanation: 'After-school care is childcare for schoolchildren before and after school hours. You sign your child up, and you pay for the place.',
    },
  },
  {
    code: '17.27.15',
    officialTitle: 'Pligt til uddannelse, beskæftigelse eller anden aktivitet',
    da: {
      title: 'Pligt til uddannelse eller job for unge under 18',
      explanation:
        'Unge under 18 år skal være i gang med uddannelse, arbejde eller en anden aktivitet, der fører mod uddannelse eller job. Kommunens ungeindsats hjælper den unge og familien med at lægge en plan.',
    },
    en: {
      title: 'Young people under 18 must be in education or work',
      explanation:
        'Young people under 18 must be in education, work or another activity leading to education or a job. The municipality’s youth service helps the young person and the family make a plan.',
    },
  },
  {
    code: '54.18.05',
    officialTitle: 'Indstilling og optagelse, STU',
    da: {
      title: 'Særligt tilrettelagt ungdomsuddannelse (STU)',
      explanation:
        'Særligt tilrettelagt ungdomsuddannelse (STU) er en treårig uddannelse for unge under 25 år med særlige behov, som ikke kan gennemføre en anden ungdomsuddannelse, heller ikke med støtte. Kommunen vurderer, om den unge kan få plads.',
    },
    en: {
      title: 'Specially planned youth education',
      explanation:
        'This is a three-year programme for young people under 25 with special needs who cannot complete another upper secondary education, even with support. The municipality assesses whether the young person can get a place.',
    },
  },
  {
    code: '54.42.04',
    officialTitle: 'Optagelse, uddannelsesstart og uddannelsestid, FGU',
    da: {
      title: 'Forberedende grunduddannelse (FGU)',
      explanation:
        'Forberedende grunduddannelse (FGU) er for unge under 25 år, som endnu ikke er klar til en ungdomsuddannelse eller et job. Kommunen vurderer, om den unge hører til målgruppen.',
    },
    en: {
      title: 'Preparatory basic education',
      explanation:
        'Preparatory basic education is for young people under 25 who are not yet ready for an upper secondary education or a job. The municipality assesses whether the young person belongs to the group it is meant for.',
    },
  },
  {
    code: '54.15.12',
    officialTitle: 'Kursusdeltagere, danskuddannelse',
    da: {
      title: 'Danskundervisning for voksne',
      explanation:
        'Er du voksen og flyttet til Danmark fra udlandet, kan du få tilbud om at lære dansk. Kommunen henviser dig til en sprogskole, som tilrettelægger undervisningen efter dit niveau.',
    },
    en: {
      title: 'Danish lessons for adults',
      explanation:
        'If you are an adult who has moved to Denmark from abroad, you can be offered Danish lessons. The municipality refers you to a language school, which plans the teaching to suit your level.',
    },
  },
]);
