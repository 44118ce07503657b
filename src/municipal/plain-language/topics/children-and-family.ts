/** Day care, family economy and support for children and young people (KLE 28, 32, 34). */
import { defineTopics } from '../types';

export const childrenAndFamilyTopics = defineTopics([
  {
    code: '28.09.40',
    officialTitle: 'Optagelse i dagtilbud / plads i anden kommune / opsigelse',
    da: {
      title: 'Plads i vuggestue, dagpleje eller børnehave',
      explanation:
        'Kommunen skal tilbyde dit barn en plads i et dagtilbud, fx vuggestue, dagpleje eller børnehave, fra barnet er 26 uger og frem til skolestart. Du skriver dit barn op hos kommunen, og det er også her, du siger pladsen op.',
      tips: ['Skriv dit barn op i god tid, og skriv gerne flere ønsker på.'],
    },
    en: {
      title: 'A place in nursery, childminding or kindergarten',
      explanation:
        'The municipality must offer your child a day care place, such as a nursery, a childminder or a kindergarten, from the age of 26 weeks until school starts. You sign your child up with the municipality, which is also where you give up the place.',
      tips: ['Sign your child up in good time, and feel free to list more than one preference.'],
    },
  },
  {
    code: '28.77.04',
    officialTitle: 'Forældrebetaling for dag-, fritids- og klubtilbud mv.',
    da: {
      title: 'Betaling for pasning',
      explanation:
        'Det er den betaling, du som forælder betaler for dit barns plads i dagtilbud, fritidshjem eller klub. Kommunen fastsætter priserne, og har du flere børn i pasning, får du som regel rabat.',
    },
    en: {
      title: 'Paying for childcare',
      explanation:
        'This is what you pay as a parent for your child’s place in day care, an after-school centre or a youth club. The municipality sets the prices, and if you have several children in care, you usually get a discount.',
    },
  },
  {
    code: '28.77.08',
    officialTitle: 'Økonomisk fripladstilskud',
    da: {
      title: 'Lavere betaling for pasning (friplads)',
      explanation:
        'Har din husstand en indkomst under en vis grænse, kan du få hel eller delvis friplads, så du betaler mindre for dit barns pasning. Tilskuddet afhænger af husstandens samlede indkomst.',
      tips: ['Fortæl kommunen, hvis din indkomst ændrer sig.'],
    },
    en: {
      title: 'Reduced childcare fees',
      explanation:
        'If your household income is below a certain limit, you can get a full or partial fee reduction, so that you pay less for your child’s care. The reduction depends on your household’s total income.',
      tips: ['Tell the municipality if your income changes.'],
    },
  },
  {
    code: '28.18.04',
    officialTitle: 'Tilskud til privat pasning',
    da: {
      title: 'Tilskud til privat pasning',
      explanation: 'Vælger du en privat børnepasser i stedet for en plads i kommunens dagtilbud, kan du få et tilskud fra kommunen til udgiften.',
    },
    en: {
      title: 'Grant for private childcare',
      explanation:
        'If you choose a private childminder instead of a place in the municipality’s day care, you can get a grant from the municipality towards the cost.',
    },
  },
  {
    code: '28.18.08',
    officialTitle: 'Tilskud til pasning af egne børn',
    da: {
      title: 'Tilskud til at passe dit barn selv',
      explanation:
        'Vil du selv passe dit barn derhjemme i stedet for at bruge et dagtilbud, kan du få et tilskud til det, hvis din kommune har valgt at tilbyde ordningen.',
    },
    en: {
      title: 'Grant for looking after your own child',
      explanation:
        'If you want to look after your child at home instead of using day care, you can get a grant for it, if your municipality has chosen to offer this scheme.',
    },
  },
  {
    code: '34.10.30',
    officialTitle: 'Underretninger',
    da: {
      title: 'Bekymring for et barn (underretning)',
      explanation:
        'En underretning er en besked til kommunen fra en person, der er bekymret for et barn eller en ung, fx en lærer, en læge eller en nabo. Kommunen skal se på alle underretninger, men en underretning betyder ikke i sig selv, at noget er galt.',
      tips: ['Som forælder kan du som regel se oplysningerne i sagen og komme med dine egne bemærkninger.'],
    },
    en: {
      title: 'A concern about a child',
      explanation:
        'A notification is a message to the municipality from someone who is worried about a child or young person, such as a teacher, a doctor or a neighbour. The municipality must look at every notification, but a notification does not in itself mean that something is wrong.',
      tips: ['As a parent, you can usually see the information in the case and add your own comments.'],
    },
  },
  {
    code: '34.10.10',
    officialTitle: 'Screening, afdækning og børnefaglig undersøgelse',
    da: {
      title: 'Undersøgelse af et barns situation',
      explanation:
        'Når kommunen er bekymret for, om et barn eller en ung trives, kan den undersøge barnets situation nærmere. Det sker sammen med barnet og familien, og målet er at finde ud af, om der er brug for støtte, og hvilken.',
      tips: ['Du kan tage en bisidder med til møderne.'],
    },
    en: {
      title: 'Looking into a child’s situation',
      explanation:
        'When the municipality is concerned about whether a child or young person is doing well, it can look into the child’s situation more closely. This is done together with the child and the family, to find out whether support is needed, and what kind.',
      tips: ['You can bring someone along to the meetings for support.'],
    },
  },
  {
    code: '34.15.25',
    officialTitle: 'Støttende indsatser',
    da: {
      title: 'Støtte til barnet og familien',
      explanation:
        'Det er hjælp til et barn eller en ung og til familien, fx familiebehandling, en fast kontaktperson eller aflastning. Målet er, at barnet kan trives og udvikle sig, helst i sit eget hjem.',
    },
    en: {
      title: 'Support for the child and the family',
      explanation:
        'This is help for a child or young person and their family, such as family therapy, a regular contact person or respite care. The aim is for the child to thrive and develop, preferably in their own home.',
    },
  },
  {
    code: '34.25.00',
    officialTitle: 'Anbringelse i almindelighed',
    da: {
      title: 'Når et barn bor uden for hjemmet',
      explanation:
        'En anbringelse betyder, at et barn eller en ung bor et andet sted end hjemme i en periode, fx i en plejefamilie eller på en institution. Det sker ofte med forældrenes samtykke, og kontakten mellem barnet og familien skal så vidt muligt bevares.',
      tips: [
        'Du har ret til at have en bisidder med gennem hele sagen.',
        'Vil kommunen anbringe dit barn uden dit samtykke, har du ret til gratis hjælp fra en advokat.',
      ],
    },
    en: {
      title: 'When a child lives away from home',
      explanation:
        'A placement means that a child or young person lives somewhere other than at home for a period, for example with a foster family or in a residential home. It often happens with the parents’ consent, and contact between the child and the family should be kept up as far as possible.',
      tips: [
        'You have the right to bring someone along for support throughout the case.',
        'If the municipality wants to place your child without your consent, you are entitled to free help from a lawyer.',
      ],
    },
  },
  {
    code: '34.45.30',
    officialTitle: 'Merudgiftsydelse og kompensationsydelse til børn og unge',
    da: {
      title: 'Ekstra udgifter til et barn med handicap',
      explanation:
        'Har dit barn en betydelig og varig funktionsnedsættelse eller en alvorlig kronisk sygdom, kan kommunen dække de nødvendige ekstra udgifter, familien har på grund af det, fx til medicin, kost eller transport.',
    },
    en: {
      title: 'Extra costs for a child with a disability',
      explanation:
        'If your child has a significant, lasting disability or a serious chronic illness, the municipality can cover the necessary extra costs the family has because of it, such as medicine, diet or transport.',
    },
  },
  {
    code: '34.45.35',
    officialTitle: 'Hjælp til dækning af tabt arbejdsfortjeneste',
    da: {
      title: 'Dækning af tabt indtægt',
      explanation:
        'Må du gå ned i tid eller holde op med at arbejde for at passe dit barn med en betydelig funktionsnedsættelse eller en alvorlig sygdom derhjemme, kan kommunen dække den indtægt, du mister, op til en grænse.',
    },
    en: {
      title: 'Compensation for lost earnings',
      explanation:
        'If you have to cut your hours or stop working to look after your child with a significant disability or a serious illness at home, the municipality can make up the income you lose, up to a limit.',
    },
  },
  {
    code: '34.45.50',
    officialTitle: 'Aflastningsordninger, børn og unge',
    da: {
      title: 'Aflastning for familier med et barn med handicap',
      explanation:
        'Aflastning betyder, at dit barn i perioder bliver passet et andet sted, fx i en aflastningsfamilie eller på en institution, så resten af familien kan få et pusterum.',
    },
    en: {
      title: 'Respite for families of a disabled child',
      explanation:
        'Respite care means your child is looked after somewhere else from time to time, for example by a respite family or in an institution, so that the rest of the family can have a breather.',
    },
  },
  {
    code: '34.50.20',
    officialTitle: 'Ungestøtte til unge fra 18 til 22 år',
    da: {
      title: 'Støtte til unge fra 18 til 22 år',
      explanation:
        'Har du fået hjælp fra kommunen som barn, fx fordi du var anbragt, kan du i nogle tilfælde fortsætte med at få støtte, til du fylder 23. Det kan fx være en kontaktperson eller at blive boende i din plejefamilie.',
    },
    en: {
      title: 'Support for young people aged 18 to 22',
      explanation:
        'If you received help from the municipality as a child, for example because you were placed away from home, you can in some cases keep getting support until you turn 23. This could be a contact person, or staying on with your foster family.',
    },
  },
]);
