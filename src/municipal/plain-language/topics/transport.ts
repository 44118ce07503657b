/** Getting there: transport costs and support across job centre, school, disability and health. */
import { defineTopics } from '../types';

export const transportTopics = defineTopics([
  {
    code: '15.20.38',
    officialTitle: 'Befordringsgodtgørelse - tillægsydelser',
    da: {
      title: 'Betaling for transport til jobcentrets tilbud',
      explanation:
        'Deltager du i et tilbud fra jobcentret, fx en praktik eller et kursus, kan du i nogle tilfælde få dækket dine udgifter til transport. Det afhænger blandt andet af, hvor langt du skal rejse.',
      tips: ['Spørg jobcentret, før du begynder, og gem dine billetter eller noter dine kørte kilometer.'],
    },
    en: {
      title: 'Travel costs for job centre activities',
      explanation:
        'If you take part in an activity arranged by the job centre, such as a work placement or a course, you can in some cases have your travel costs covered. It depends, among other things, on how far you have to travel.',
      tips: ['Ask the job centre before you start, and keep your tickets or a note of the distances you drive.'],
    },
  },
  {
    code: '17.21.01',
    officialTitle: 'Befordring af folkeskoleelever',
    da: {
      title: 'Skolekørsel',
      explanation:
        'Bor dit barn langt fra skolen, eller er skolevejen farlig, kan dit barn få gratis transport til og fra skole, fx et buskort. Hvor langt der skal være, afhænger af barnets klassetrin.',
    },
    en: {
      title: 'School transport',
      explanation:
        'If your child lives far from school, or the route to school is dangerous, your child can get free transport to and from school, such as a bus pass. How far counts as far depends on the child’s year at school.',
    },
  },
  {
    code: '17.21.03',
    officialTitle: 'Særlig befordring af elever (fx sygebefordring)',
    da: {
      title: 'Særlig skolekørsel',
      explanation:
        'Kan dit barn ikke bruge almindelig transport til skole på grund af sygdom, handicap eller en skade, kan kommunen sørge for særlig transport, fx med taxa.',
    },
    en: {
      title: 'Special school transport',
      explanation:
        'If your child cannot use ordinary transport to school because of illness, disability or an injury, the municipality can arrange special transport, such as a taxi.',
    },
  },
  {
    code: '27.60.20',
    officialTitle: 'Støtte til bil efter serviceloven',
    da: {
      title: 'Hjælp til bil',
      explanation:
        'Har du en varig og betydelig funktionsnedsættelse, der gør det svært at komme omkring, kan kommunen give støtte til at købe en bil, fx som et lån. Det kræver, at bilen gør det væsentligt lettere for dig at passe dit job, din uddannelse eller din hverdag.',
    },
    en: {
      title: 'Help with a car',
      explanation:
        'If you have a lasting and significant disability that makes it hard to get around, the municipality can help you buy a car, for example with a loan. The car must make it much easier for you to manage your job, your education or your everyday life.',
    },
  },
  {
    code: '27.60.28',
    officialTitle: 'Støtte til individuel befordring',
    da: {
      title: 'Hjælp til transport ved handicap',
      explanation:
        'Kan du ikke bruge offentlig transport på grund af en varig funktionsnedsættelse, kan kommunen i nogle tilfælde give støtte til anden transport, fx taxa.',
    },
    en: {
      title: 'Transport help for disabled people',
      explanation:
        'If a lasting disability means you cannot use public transport, the municipality can in some cases help pay for other transport, such as taxis.',
    },
  },
  {
    code: '29.27.00',
    officialTitle: 'Befordring og befordringsgodtgørelse efter sundhedsloven i almindelighed',
    da: {
      title: 'Transport til læge og speciallæge',
      explanation:
        'Er du pensionist og bor langt fra din læge eller speciallæge, kan du i nogle tilfælde få betalt transporten eller få penge for din kørsel. Kommunen vurderer, om du opfylder betingelserne.',
    },
    en: {
      title: 'Transport to your doctor or specialist',
      explanation:
        'If you are a pensioner and live far from your doctor or specialist, you can in some cases have your transport paid for or get money for your travel. The municipality assesses whether you meet the conditions.',
    },
  },
]);
