/** Job centre, unemployment, sickness follow-up and the road back to work (KLE 15). */
import { defineTopics } from '../types';

export const employmentTopics = defineTopics([
  {
    code: '15.23.07',
    officialTitle: 'Tilmelding og Jobnet',
    da: {
      title: 'Tilmelding som ledig på Jobnet',
      explanation:
        'Når du bliver ledig, skal du tilmelde dig som jobsøgende på Jobnet. Tilmeldingen er som regel en betingelse for at få hjælp fra jobcentret og for at få en ydelse, fx dagpenge eller kontanthjælp. Gør det hurtigt, helst den første dag du er ledig.',
      tips: ['Kan du ikke selv tilmelde dig digitalt, kan jobcentret hjælpe dig.'],
    },
    en: {
      title: 'Registering as unemployed on Jobnet',
      explanation:
        'When you become unemployed, you register as a jobseeker on Jobnet. Registering is usually a condition for getting help from the job centre and for receiving a benefit, such as unemployment benefit or cash benefit. Do it quickly, ideally on your first day without work.',
      tips: ['If you cannot register online yourself, the job centre can help you.'],
    },
  },
  {
    code: '15.20.20',
    officialTitle: 'Kontaktforløb m.v.',
    da: {
      title: 'Samtaler med jobcentret',
      explanation:
        'Når du er ledig eller sygemeldt og får en ydelse, har du jævnligt samtaler med jobcentret. I taler om job, uddannelse og om, hvad der kan hjælpe dig videre. Du skal som regel deltage for at beholde din ydelse.',
      tips: [
        'Kan du ikke komme til en samtale, så sig det så hurtigt som muligt, og fortæl hvorfor.',
        'Du må gerne tage en bisidder med, fx et familiemedlem eller en ven.',
      ],
    },
    en: {
      title: 'Meetings with the job centre',
      explanation:
        'When you are unemployed or on sick leave and receive a benefit, you meet the job centre regularly. You talk about jobs, education and what could help you move on. You usually have to attend to keep your benefit.',
      tips: [
        'If you cannot make a meeting, say so as soon as possible and explain why.',
        'You are welcome to bring someone along for support, such as a relative or a friend.',
      ],
    },
  },
  {
    code: '15.20.01',
    officialTitle: 'Min Plan - beskæftigelsesindsats',
    da: {
      title: 'Din plan hos jobcentret',
      explanation:
        'Min Plan er din personlige plan på Jobnet. Den viser, hvad du og jobcentret har aftalt om dit mål og dine næste skridt, fx kurser, praktik eller samtaler.',
      tips: ['Læs planen igennem, og sig til, hvis noget ikke passer med det, I har aftalt.'],
    },
    en: {
      title: 'Your plan with the job centre',
      explanation:
        'My Plan (Min Plan) is your personal plan on Jobnet. It shows what you and the job centre have agreed about your goal and your next steps, such as courses, work placements or meetings.',
      tips: ['Read the plan through, and speak up if something does not match what you agreed.'],
    },
  },
  {
    code: '15.18.05',
    officialTitle: 'Virksomhedspraktik',
    da: {
      title: 'Praktik på en arbejdsplads',
      explanation:
        'I en virksomhedspraktik arbejder du i en periode på en arbejdsplads for at prøve et fag af eller vise, hvad du kan. Du får ikke løn, men du beholder din ydelse imens.',
    },
    en: {
      title: 'Work placement',
      explanation:
        'In a work placement you spend a period at a workplace to try out a trade or show what you can do. You are not paid a wage, but you keep your benefit while you are there.',
    },
  },
  {
    code: '15.18.10',
    officialTitle: 'Ansættelse med løntilskud',
    da: {
      title: 'Job med løntilskud',
      explanation:
        'Et job med løntilskud er et rigtigt job med løn, hvor arbejdsgiveren i en periode får et tilskud til din løn. Det skal give dig erfaring og gøre det lettere at få et almindeligt job bagefter.',
    },
    en: {
      title: 'Job with a wage subsidy',
      explanation:
        'A job with a wage subsidy is a real, paid job where the employer receives a subsidy towards your wage for a period. It is meant to give you experience and make it easier to find an ordinary job afterwards.',
    },
  },
  {
    code: '15.20.24',
    officialTitle: 'Fleksjob',
    da: {
      title: 'Fleksjob',
      explanation:
        'Et fleksjob er et job på særlige vilkår for dig, der har en varigt nedsat arbejdsevne, fx på grund af sygdom. Du arbejder det antal timer og i det tempo, du kan, og kommunen giver dig et tilskud oven i lønnen fra arbejdsgiveren.',
      tips: ['Det er kommunen, der vurderer, om du kan få fleksjob. Ofte giver rehabiliteringsteamet en anbefaling først.'],
    },
    en: {
      title: 'Flex job',
      explanation:
        'A flex job is a job on special terms for people whose ability to work is permanently reduced, for example by illness. You work the hours and at the pace you can manage, and the municipality pays you a supplement on top of the wage from your employer.',
      tips: ['The municipality decides whether you can have a flex job. The rehabilitation team often gives a recommendation first.'],
    },
  },
  {
    code: '15.20.36',
    officialTitle: 'Mentorstøtte',
    da: {
      title: 'Mentor',
      explanation:
        'En mentor er en person, der støtter dig, så du kan komme i gang med eller holde fast i et job, en praktik eller en uddannelse. Mentoren kan fx hjælpe dig med at få struktur på hverdagen eller tale med din arbejdsplads.',
    },
    en: {
      title: 'Mentor',
      explanation:
        'A mentor is a person who supports you so that you can start, or keep going with, a job, a work placement or an education. A mentor can, for example, help you bring structure to your day or talk with your workplace.',
    },
  },
  {
    code: '15.20.34',
    officialTitle: 'Hjælpemidler - tillægsydelser',
    da: {
      title: 'Hjælpemidler til arbejde eller uddannelse',
      explanation:
        'Hvis din funktionsevne er nedsat, kan du få hjælp til redskaber eller indretning, så du kan passe et job eller tage en uddannelse. Det kan fx være et særligt bord, en stol eller et computerprogram.',
    },
    en: {
      title: 'Aids for work or education',
      explanation:
        'If your physical or mental abilities are reduced, you can get help with tools or adjustments so that you can hold a job or take an education. This could be a special desk, a chair or a computer program.',
    },
  },
  {
    code: '15.22.06',
    officialTitle: 'Personlig assistance til handicappede i erhverv',
    da: {
      title: 'Personlig assistent på jobbet',
      explanation:
        'Har du en varig og betydelig funktionsnedsættelse, kan du få en personlig assistent, som hjælper dig med de opgaver på jobbet, du ikke selv kan klare. Du udfører selv dit arbejde, og assistenten hjælper fx med at løfte, køre eller læse op.',
    },
    en: {
      title: 'Personal assistant at work',
      explanation:
        'If you have a lasting and significant disability, you can have a personal assistant who helps with the tasks at work that you cannot do yourself. You still do your own job; the assistant helps with things like lifting, driving or reading aloud.',
    },
  },
  {
    code: '15.17.06',
    officialTitle: 'Sygedagpengeopfølgning',
    da: {
      title: 'Opfølgning når du er sygemeldt',
      explanation:
        'Når du er sygemeldt og får sygedagpenge, følger kommunen op på din situation. Kommunen taler med dig om, hvordan du har det, og hvad der skal til, for at du kan vende tilbage til arbejdet.',
      tips: [
        'Du skal som regel deltage i samtaler og svare på kommunens spørgsmål. Ellers kan dine sygedagpenge stoppe.',
        'Sig til, hvis din sygdom gør det svært at møde op, så I kan finde en anden løsning, fx en samtale i telefonen.',
      ],
    },
    en: {
      title: 'Follow-up while you are on sick leave',
      explanation:
        'When you are on sick leave and receive sickness benefit, the municipality follows up on your situation. It talks with you about how you are doing and what it would take for you to return to work.',
      tips: [
        'You usually have to attend meetings and answer the municipality’s questions. Otherwise your sickness benefit may stop.',
        'Say so if your illness makes it hard to attend, so that you can find another way, such as a phone call.',
      ],
    },
  },
  {
    code: '15.17.18',
    officialTitle: 'Rehabilitering',
    da: {
      title: 'Rehabiliteringsteamet',
      explanation:
        'Rehabiliteringsteamet er en gruppe fagfolk fra kommunen og sundhedsområdet, som ser samlet på din situation. Teamet giver en anbefaling, før kommunen træffer afgørelse om fx ressourceforløb, fleksjob eller førtidspension. Du deltager selv i mødet og kan fortælle, hvordan du ser din situation.',
      tips: ['Du kan tage en bisidder med til mødet.', 'Spørg, hvis du vil se de papirer, teamet får før mødet.'],
    },
    en: {
      title: 'The rehabilitation team',
      explanation:
        'The rehabilitation team is a group of professionals from the municipality and the health services who look at your situation as a whole. The team gives a recommendation before the municipality decides on things like a resource programme, a flex job or a disability pension. You take part in the meeting and can explain how you see your situation.',
      tips: ['You can bring someone along to the meeting for support.', 'Ask if you want to see the papers the team receives before the meeting.'],
    },
  },
  {
    code: '15.17.22',
    officialTitle: 'Ressourceforløb [udgår 2029]',
    da: {
      title: 'Ressourceforløb',
      explanation:
        'Et ressourceforløb er en længere, samlet indsats for dig, der har brug for hjælp på flere områder, fx helbred, sociale forhold og arbejde. Målet er at bringe dig tættere på job eller uddannelse i dit eget tempo.',
    },
    en: {
      title: 'Resource programme',
      explanation:
        'A resource programme is a longer, coordinated effort for people who need help in several areas at once, such as health, social circumstances and work. The aim is to bring you closer to a job or an education at your own pace.',
    },
  },
  {
    code: '15.17.26',
    officialTitle: 'Jobafklaringsforløb',
    da: {
      title: 'Jobafklaringsforløb',
      explanation:
        'Et jobafklaringsforløb er for dig, der stadig er syg, når dine sygedagpenge stopper. Du får hjælp til at komme tilbage til arbejde, og du får en ydelse imens.',
    },
    en: {
      title: 'Job clarification programme',
      explanation:
        'A job clarification programme is for people who are still ill when their sickness benefit ends. You get help to return to work, and you receive a benefit in the meantime.',
    },
  },
  {
    code: '15.28.00',
    officialTitle: 'Seniorjob i almindelighed',
    da: {
      title: 'Seniorjob',
      explanation:
        'Et seniorjob er et job i kommunen for dig, der er ledig, er tæt på efterlønsalderen og ikke længere kan få dagpenge. Det er et almindeligt job med løn.',
    },
    en: {
      title: 'Senior job',
      explanation:
        'A senior job is a job with the municipality for people who are unemployed, close to the voluntary early retirement age and no longer entitled to unemployment benefit. It is an ordinary, paid job.',
    },
  },
]);
