/** Money to live on: cash benefit, sickness and parental benefit, pensions (KLE 32). */
import { defineTopics } from '../types';

export const cashBenefitTopics = defineTopics([
  {
    code: '32.24.04',
    officialTitle: 'Hjælp til forsørgelse (kontanthjælp mv.)',
    da: {
      title: 'Kontanthjælp',
      explanation:
        'Kontanthjælp er penge til at leve for, hvis du ikke kan forsørge dig selv og ikke kan få hjælp andre steder fra, fx dagpenge fra en a-kasse. Kommunen ser blandt andet på din indkomst og din formue, og på om du er gift.',
      tips: [
        'Fortæl altid kommunen, hvis din økonomi eller din familie ændrer sig. Det kan påvirke, hvor meget du får.',
        'Kommunen skal vejlede dig. Spørg, hvis du er i tvivl om, hvad du skal gøre for at beholde hjælpen.',
      ],
    },
    en: {
      title: 'Cash benefit',
      explanation:
        'Cash benefit is money to live on if you cannot support yourself and cannot get help elsewhere, such as unemployment benefit from an unemployment insurance fund. Among other things, the municipality looks at your income, your savings and whether you are married.',
      tips: [
        'Always tell the municipality if your finances or your family situation change. It can affect how much you receive.',
        'The municipality has to guide you. Ask if you are unsure what you need to do to keep the benefit.',
      ],
    },
  },
  {
    code: '32.24.06',
    officialTitle: 'Nedsættelse af kontanthjælp',
    da: {
      title: 'Nedsat kontanthjælp',
      explanation:
        'Kommunen kan sætte din kontanthjælp ned, hvis du ikke har gjort det, der er en betingelse for hjælpen, fx at møde op til en samtale eller et tilbud. Kommunen skal først undersøge, om du havde en rimelig grund.',
      tips: ['Fortæl kommunen, hvis du havde en god grund, fx sygdom, og send gerne dokumentation.'],
    },
    en: {
      title: 'Reduced cash benefit',
      explanation:
        'The municipality can reduce your cash benefit if you have not done something that is a condition for receiving it, such as attending a meeting or an activity. It must first find out whether you had a reasonable excuse.',
      tips: ['Tell the municipality if you had a good reason, such as illness, and send documentation if you can.'],
    },
  },
  {
    code: '32.24.12',
    officialTitle: 'Ledighedsydelse',
    da: {
      title: 'Ledighedsydelse',
      explanation: 'Ledighedsydelse er penge til at leve for, mens du venter på at få et fleksjob, eller hvis du bliver ledig fra et fleksjob.',
    },
    en: {
      title: 'Flex job unemployment benefit',
      explanation: 'This is money to live on while you wait for a flex job, or if you become unemployed from a flex job.',
    },
  },
  {
    code: '32.24.28',
    officialTitle: 'Ressourceforløbsydelse, ressourceforløb [udgår 2029]',
    da: {
      title: 'Ydelse under ressourceforløb',
      explanation: 'Ressourceforløbsydelse er de penge, du får at leve for, mens du er i et ressourceforløb. Hvor meget du får, afhænger af din situation.',
    },
    en: {
      title: 'Benefit during a resource programme',
      explanation: 'This is the money you live on while you are in a resource programme. How much you receive depends on your situation.',
    },
  },
  {
    code: '32.24.30',
    officialTitle: 'Ressourceforløbsydelse, jobafklaringsforløb [udgår 2028]',
    da: {
      title: 'Ydelse under jobafklaringsforløb',
      explanation: 'Det er de penge, du får at leve for under et jobafklaringsforløb, når dine sygedagpenge er stoppet. Kommunen udbetaler ydelsen.',
    },
    en: {
      title: 'Benefit during a job clarification programme',
      explanation: 'This is the money you live on during a job clarification programme, after your sickness benefit has ended. The municipality pays it.',
    },
  },
  {
    code: '32.30.04',
    officialTitle: 'Udbetaling af sygedagpenge',
    da: {
      title: 'Sygedagpenge',
      explanation:
        'Sygedagpenge er penge, du kan få, når du ikke kan arbejde, fordi du er syg. Er du ansat, betaler din arbejdsgiver som regel i den første periode, og derefter kan kommunen overtage udbetalingen.',
      tips: ['Svar hurtigt på kommunens breve og spørgeskemaer. Ellers kan udbetalingen stoppe.'],
    },
    en: {
      title: 'Sickness benefit',
      explanation:
        'Sickness benefit is money you can receive when you cannot work because you are ill. If you are employed, your employer usually pays for the first period, after which the municipality can take over the payments.',
      tips: ['Answer the municipality’s letters and questionnaires quickly. Otherwise the payments may stop.'],
    },
  },
  {
    code: '32.30.08',
    officialTitle: 'Dagpenge ved barsel',
    da: {
      title: 'Barselsdagpenge',
      explanation:
        'Barselsdagpenge er penge, du kan få, når du holder orlov i forbindelse med graviditet, fødsel eller adoption. Det er Udbetaling Danmark, der behandler sagen.',
    },
    en: {
      title: 'Parental leave benefit',
      explanation:
        'Parental leave benefit is money you can receive while you are on leave for pregnancy, birth or adoption. Udbetaling Danmark, the national payments authority, handles the case.',
    },
  },
  {
    code: '32.12.04',
    officialTitle: 'Børneydelse',
    da: {
      title: 'Børneydelse',
      explanation:
        'Børneydelsen er et skattefrit beløb, som familier får for børn under 15 år. Den udbetales af Udbetaling Danmark, og du skal som regel ikke selv søge om den.',
    },
    en: {
      title: 'Child benefit',
      explanation:
        'Child benefit is a tax-free amount that families receive for children under 15. It is paid by Udbetaling Danmark, the national payments authority, and you usually do not have to apply for it.',
    },
  },
  {
    code: '32.12.08',
    officialTitle: 'Ungeydelse',
    da: {
      title: 'Ungeydelse',
      explanation: 'Ungeydelsen er det skattefrie beløb, som familier får for unge fra 15 til 17 år. Den afløser børneydelsen, når barnet fylder 15.',
    },
    en: {
      title: 'Youth benefit',
      explanation:
        'Youth benefit is the tax-free amount that families receive for young people aged 15 to 17. It takes over from child benefit when the child turns 15.',
    },
  },
  {
    code: '32.10.04',
    officialTitle: 'Ordinært børnetilskud til enlige forsørgere',
    da: {
      title: 'Børnetilskud til enlige forsørgere',
      explanation:
        'Er du alene om at forsørge et barn, kan du få børnetilskud oven i børne- og ungeydelsen. Du skal selv søge om det, og Udbetaling Danmark behandler sagen.',
      tips: ['Fortæl det, hvis du flytter sammen med en partner. Så kan retten til tilskuddet ophøre.'],
    },
    en: {
      title: 'Child allowance for single parents',
      explanation:
        'If you are supporting a child on your own, you can receive a child allowance on top of the child benefit. You have to apply, and Udbetaling Danmark, the national payments authority, handles the case.',
      tips: ['Tell them if you move in with a partner, because your right to the allowance may end.'],
    },
  },
  {
    code: '32.15.04',
    officialTitle: 'Børnebidrag, normalbidrag',
    da: {
      title: 'Børnebidrag',
      explanation:
        'Børnebidrag er de penge, den forælder, der ikke bor sammen med barnet, betaler til barnets forsørgelse. Udbetaling Danmark kan i mange tilfælde lægge beløbet ud, hvis bidraget ikke bliver betalt.',
    },
    en: {
      title: 'Child maintenance',
      explanation:
        'Child maintenance is the money that the parent who does not live with the child pays towards the child’s keep. In many cases Udbetaling Danmark, the national payments authority, can pay the amount in advance if it is not paid.',
    },
  },
  {
    code: '32.03.04',
    officialTitle: 'Folkepension',
    da: {
      title: 'Folkepension',
      explanation:
        'Folkepension er den pension fra staten, som du kan få, når du når folkepensionsalderen. Du skal selv søge om den, og Udbetaling Danmark behandler ansøgningen.',
    },
    en: {
      title: 'State pension',
      explanation:
        'The state pension is the pension you can receive when you reach the state pension age. You have to apply for it, and Udbetaling Danmark, the national payments authority, handles your application.',
    },
  },
  {
    code: '32.03.16',
    officialTitle: 'Førtidspension',
    da: {
      title: 'Førtidspension',
      explanation:
        'Førtidspension er en varig ydelse til dig, hvis din arbejdsevne er så nedsat, at du ikke kan forsørge dig selv, heller ikke i et fleksjob. Det er kommunen, der træffer afgørelsen, ofte efter en anbefaling fra rehabiliteringsteamet.',
      tips: ['Det kan være en god idé at tage en bisidder med til møder om din sag.'],
    },
    en: {
      title: 'Disability pension',
      explanation:
        'A disability pension is a permanent benefit for people whose ability to work is so reduced that they cannot support themselves, not even in a flex job. The municipality makes the decision, often after a recommendation from the rehabilitation team.',
      tips: ['It can be a good idea to bring someone along for support to meetings about your case.'],
    },
  },
  {
    code: '32.03.12',
    officialTitle: 'Personligt tillæg og helbredstillæg',
    da: {
      title: 'Ekstra hjælp til pensionister',
      explanation:
        'Er du pensionist og har en lille indkomst og formue, kan du få hjælp til udgifter, du ikke selv kan betale. Helbredstillæg dækker en del af udgifterne til fx medicin og tandbehandling, og personligt tillæg gives efter en konkret vurdering af din økonomi.',
    },
    en: {
      title: 'Extra help for pensioners',
      explanation:
        'If you are a pensioner with a small income and few savings, you can get help with expenses you cannot pay yourself. The health supplement covers part of the cost of things like medicine and dental treatment, and the personal supplement depends on an assessment of your finances.',
    },
  },
  {
    code: '32.03.44',
    officialTitle: 'Seniorpension',
    da: {
      title: 'Seniorpension',
      explanation:
        'Seniorpension er for dig, der har få år tilbage til folkepensionsalderen og har arbejdet i mange år, men ikke længere kan arbejde ret meget. Du søger selv, og kommunen kan hjælpe dig på vej.',
    },
    en: {
      title: 'Senior pension',
      explanation:
        'The senior pension is for people who are a few years from the state pension age and have worked for many years, but can no longer work very much. You apply yourself, and the municipality can help you along.',
    },
  },
  {
    code: '32.03.48',
    officialTitle: 'Tidlig pension, ret til',
    da: {
      title: 'Tidlig pension',
      explanation:
        'Tidlig pension giver dig mulighed for at gå på pension op til tre år før folkepensionsalderen, hvis du har været på arbejdsmarkedet i mange år. Hvor tidligt du kan gå, afhænger af, hvor mange år du har arbejdet.',
    },
    en: {
      title: 'Early pension',
      explanation:
        'The early pension lets you retire up to three years before the state pension age if you have been in work for many years. How early you can retire depends on how many years you have worked.',
    },
  },
  {
    code: '32.18.08',
    officialTitle: 'Merudgiftsydelse og kompensationsydelse til voksne',
    da: {
      title: 'Ekstra udgifter ved handicap',
      explanation:
        'Har du en varig funktionsnedsættelse, kan kommunen dække de nødvendige ekstra udgifter, du har på grund af den, fx til medicin, transport eller særlig kost. Det er udgifter, som andre på din alder og i din situation ikke har.',
    },
    en: {
      title: 'Extra costs of a disability',
      explanation:
        'If you have a lasting disability, the municipality can cover the necessary extra costs it causes you, such as medicine, transport or a special diet. These are costs that other people of your age and in your situation do not have.',
    },
  },
  {
    code: '32.18.14',
    officialTitle: 'Plejevederlag, pasning af døende',
    da: {
      title: 'Betaling for at passe en døende',
      explanation:
        'Passer du en nærtstående, der er døende og ønsker at dø i sit eget hjem, kan du få plejevederlag fra kommunen. Det gør det muligt for dig at holde fri fra arbejde imens.',
    },
    en: {
      title: 'Pay for caring for someone who is dying',
      explanation:
        'If you care for someone close to you who is dying and wishes to die at home, the municipality can pay you a care allowance. It makes it possible for you to take time off work meanwhile.',
    },
  },
  {
    code: '32.21.12',
    officialTitle: 'Hjælp til enkeltudgifter',
    da: {
      title: 'Hjælp til en uforudset udgift',
      explanation:
        'Står du med en nødvendig udgift, som du ikke kunne forudse og ikke selv kan betale, kan kommunen i nogle tilfælde hjælpe. Kommunen ser på din økonomi, og hjælpen kan være et lån eller et tilskud.',
      tips: ['Søg, før du betaler udgiften, hvis du kan. Kommunen giver normalt ikke hjælp til en udgift, der allerede er betalt.'],
    },
    en: {
      title: 'Help with an unexpected expense',
      explanation:
        'If you face a necessary expense that you could not foresee and cannot pay yourself, the municipality can sometimes help. It looks at your finances, and the help may be a loan or a grant.',
      tips: ['Apply before you pay, if you can. The municipality does not normally help with an expense that has already been paid.'],
    },
  },
  {
    code: '32.21.16',
    officialTitle: 'Hjælp til sygebehandling mv.',
    da: {
      title: 'Hjælp til sygebehandling og medicin',
      explanation:
        'Har du ikke selv råd, kan kommunen i nogle tilfælde hjælpe med at betale for nødvendig sygebehandling eller medicin. Kommunen ser på din økonomi og på, om behandlingen er nødvendig.',
    },
    en: {
      title: 'Help with treatment and medicine',
      explanation:
        'If you cannot afford it yourself, the municipality can sometimes help pay for necessary medical treatment or medicine. It looks at your finances and at whether the treatment is necessary.',
    },
  },
  {
    code: '32.21.17',
    officialTitle: 'Tilskud til tandpleje',
    da: {
      title: 'Hjælp til tandbehandling',
      explanation:
        'Har du en lav indkomst, fx fordi du får kontanthjælp, kan du søge kommunen om tilskud til tandbehandling. Kommunen ser på din økonomi og på, hvilken behandling du har brug for.',
      tips: ['Få et prisoverslag fra tandlægen, og søg, før behandlingen begynder.'],
    },
    en: {
      title: 'Help with dental treatment',
      explanation:
        'If you have a low income, for example because you receive cash benefit, you can apply to the municipality for help with dental treatment. It looks at your finances and at the treatment you need.',
      tips: ['Get a quote from the dentist, and apply before the treatment starts.'],
    },
  },
  {
    code: '32.21.24',
    officialTitle: 'Hjælp til flytning',
    da: {
      title: 'Hjælp til flytning',
      explanation:
        'Skal du flytte til en billigere eller mere passende bolig, eller fordi du har fået arbejde et andet sted, kan kommunen i nogle tilfælde hjælpe med udgifterne til flytningen.',
      tips: ['Søg, før du flytter.'],
    },
    en: {
      title: 'Help with moving',
      explanation:
        'If you need to move to a cheaper or more suitable home, or because you have found work somewhere else, the municipality can sometimes help with the cost of moving.',
      tips: ['Apply before you move.'],
    },
  },
  {
    code: '32.42.08',
    officialTitle: 'Begravelseshjælp',
    da: {
      title: 'Hjælp til en begravelse',
      explanation:
        'Begravelseshjælp er et tilskud til udgifterne ved en begravelse eller bisættelse. Hvor meget der gives, afhænger blandt andet af, hvor mange penge den afdøde efterlod sig.',
    },
    en: {
      title: 'Funeral grant',
      explanation:
        'A funeral grant helps pay for a burial or a cremation. How much is given depends, among other things, on how much money the person who died left behind.',
    },
  },
  {
    code: '32.45.10',
    officialTitle: 'Tilbagebetalingskrav - sociale ydelser',
    da: {
      title: 'Krav om at betale penge tilbage',
      explanation:
        'Kommunen mener, at du har fået udbetalt mere, end du havde ret til, og vil have hele eller en del af beløbet tilbage. Inden kommunen beslutter det, skal du som regel have mulighed for at komme med dine bemærkninger.',
      tips: [
        'Tjek beregningen, og fortæl kommunen, hvis du mener, at noget er forkert.',
        'Kan du ikke betale det hele på én gang, så spørg, hvordan du kan betale af.',
      ],
    },
    en: {
      title: 'Request to pay money back',
      explanation:
        'The municipality believes you were paid more than you were entitled to and wants all or part of the amount back. Before it decides, you should normally have the chance to comment.',
      tips: [
        'Check the calculation, and tell the municipality if you think something is wrong.',
        'If you cannot pay it all at once, ask how you can pay in instalments.',
      ],
    },
  },
]);
