/** A place to live: housing support, help with rent and deposits, and homelessness (KLE 03, 27, 32). */
import { defineTopics } from '../types';

export const housingTopics = defineTopics([
  {
    code: '32.06.08',
    officialTitle: 'Boligsikring, ikke førtidspensionister',
    da: {
      title: 'Boligstøtte (boligsikring)',
      explanation:
        'Boligsikring er en støtte til huslejen, hvis du lejer en bolig og ikke er pensionist. Hvor meget du kan få, afhænger blandt andet af huslejen, husstandens indkomst og hvor mange I bor i boligen.',
      tips: ['Fortæl Udbetaling Danmark, hvis din indkomst, husleje eller husstand ændrer sig. Ellers kan du komme til at betale penge tilbage.'],
    },
    en: {
      title: 'Housing support (rent allowance)',
      explanation:
        'Rent allowance helps with the rent if you rent your home and are not a pensioner. How much you can get depends on things like the rent, your household’s income and how many people live in the home.',
      tips: ['Tell Udbetaling Danmark, the national payments authority, if your income, rent or household changes. Otherwise you may have to pay money back.'],
    },
  },
  {
    code: '32.06.04',
    officialTitle: 'Boligydelse',
    da: {
      title: 'Boligstøtte til pensionister (boligydelse)',
      explanation:
        'Boligydelse er en støtte til boligudgiften for dig, der får folkepension eller førtidspension efter de gamle regler fra før 2003. Hvor meget du kan få, afhænger blandt andet af boligudgiften og husstandens indkomst.',
      tips: ['Fortæl Udbetaling Danmark, hvis din indkomst, husleje eller husstand ændrer sig.'],
    },
    en: {
      title: 'Housing support for pensioners',
      explanation:
        'This housing allowance helps with housing costs if you receive the state pension, or a disability pension under the old rules from before 2003. How much you can get depends on things like your housing costs and your household’s income.',
      tips: ['Tell Udbetaling Danmark, the national payments authority, if your income, rent or household changes.'],
    },
  },
  {
    code: '32.06.12',
    officialTitle: 'Boligsikring, førtidspensionister',
    da: {
      title: 'Boligstøtte til førtidspensionister',
      explanation:
        'Får du førtidspension efter reglerne fra 2003 eller senere, kan du få boligsikring efter særlige regler. Støtten afhænger blandt andet af huslejen og husstandens indkomst.',
    },
    en: {
      title: 'Housing support for disability pensioners',
      explanation:
        'If you receive a disability pension under the rules from 2003 onwards, you can get rent allowance under special rules. The amount depends on things like the rent and your household’s income.',
    },
  },
  {
    code: '32.06.16',
    officialTitle: 'Beboerindskud',
    da: {
      title: 'Lån til indskud i en almen bolig',
      explanation: 'Flytter du ind i en almen bolig og har en lav indkomst, kan du søge kommunen om et lån til indskuddet. Lånet skal betales tilbage.',
    },
    en: {
      title: 'Loan for the deposit on social housing',
      explanation:
        'If you are moving into social housing and have a low income, you can apply to the municipality for a loan to pay the deposit. The loan has to be paid back.',
    },
  },
  {
    code: '32.21.25',
    officialTitle: 'Hjælp til boligindskud',
    da: {
      title: 'Hjælp til depositum',
      explanation:
        'Har du ikke selv råd til depositum eller indskud til en ny bolig, kan kommunen i nogle tilfælde give dig et lån til det. Kommunen ser på din økonomi og på, om boligen passer til din situation.',
    },
    en: {
      title: 'Help with a housing deposit',
      explanation:
        'If you cannot afford the deposit for a new home, the municipality can sometimes lend you the money. It looks at your finances and at whether the home suits your situation.',
    },
  },
  {
    code: '32.21.14',
    officialTitle: 'Udsættelsestruede lejere og midlertidig huslejehjælp',
    da: {
      title: 'Hjælp når du risikerer at miste din bolig',
      explanation:
        'Skylder du husleje og risikerer at blive sat ud af din bolig, kan kommunen i nogle tilfælde hjælpe, fx med rådgivning eller med at betale det, du skylder. Det er vigtigt at kontakte kommunen så tidligt som muligt.',
    },
    en: {
      title: 'Help when you risk losing your home',
      explanation:
        'If you owe rent and risk being evicted, the municipality can sometimes help, for example with advice or by paying what you owe. It is important to contact the municipality as early as possible.',
    },
  },
  {
    code: '03.10.04',
    officialTitle: 'Anvisningsret / rådighed over almene boliger',
    da: {
      title: 'Boliganvisning',
      explanation:
        'Kommunen kan henvise boligsøgende til nogle af de almene boliger, fx hvis du akut står uden en bolig eller har et særligt behov. Hver kommune har sine egne regler for, hvem der kan få hjælp.',
    },
    en: {
      title: 'Housing referral',
      explanation:
        'The municipality can refer people looking for a home to some of the social housing, for example if you urgently need somewhere to live or have special needs. Each municipality has its own rules about who can get this help.',
    },
  },
  {
    code: '27.35.12',
    officialTitle: 'Husvilde',
    da: {
      title: 'Hjælp når du står uden bolig',
      explanation: 'Står du uden et sted at bo, kan kommunen hjælpe dig med et midlertidigt sted at være og med råd om, hvordan du kommer videre.',
    },
    en: {
      title: 'Help when you have nowhere to live',
      explanation: 'If you have nowhere to live, the municipality can help you find somewhere to stay for the time being and advise you on what to do next.',
    },
  },
]);
