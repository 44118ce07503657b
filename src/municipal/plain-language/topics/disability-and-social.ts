/** Support for adults with a disability or social difficulties, and the aids they use (KLE 27). */
import { defineTopics } from '../types';

export const disabilityAndSocialTopics = defineTopics([
  {
    code: '27.12.04',
    officialTitle: 'Rådgivning om sociale forhold',
    da: {
      title: 'Gratis rådgivning',
      explanation:
        'Kommunen tilbyder gratis rådgivning, hvis du har brug for råd om din sociale situation, fx økonomi, familie, handicap eller misbrug. Du kan få rådgivningen, selv om du ikke får anden hjælp fra kommunen.',
    },
    en: {
      title: 'Free advice',
      explanation:
        'The municipality offers free advice if you need guidance about your social situation, such as money, family, disability or addiction. You can get advice even if you receive no other help from the municipality.',
    },
  },
  {
    code: '27.60.04',
    officialTitle: 'Kropsbårne hjælpemidler',
    da: {
      title: 'Hjælpemidler, du bærer på kroppen',
      explanation:
        'Det er hjælpemidler, du bærer på kroppen på grund af en varig funktionsnedsættelse, fx en protese, en paryk eller særligt fodtøj. Kommunen kan give støtte, hvis hjælpemidlet gør din hverdag væsentligt lettere.',
    },
    en: {
      title: 'Aids worn on the body',
      explanation:
        'These are aids you wear because of a lasting disability, such as a prosthesis, a wig or special footwear. The municipality can help pay for them if the aid makes your everyday life much easier.',
    },
  },
  {
    code: '27.60.08',
    officialTitle: 'Mobilitetshjælpemidler',
    da: {
      title: 'Hjælpemidler til at komme omkring',
      explanation:
        'Det er hjælpemidler, der gør det muligt for dig at bevæge dig omkring, fx en rollator, en kørestol eller en el-scooter. Kommunen kan låne dig et hjælpemiddel, hvis du har en varig funktionsnedsættelse, og det gør din hverdag væsentligt lettere.',
    },
    en: {
      title: 'Mobility aids',
      explanation:
        'These are aids that help you get around, such as a walking frame, a wheelchair or a mobility scooter. The municipality can lend you one if you have a lasting disability and it makes your everyday life much easier.',
    },
  },
  {
    code: '27.60.16',
    officialTitle: 'Forbrugsgoder',
    da: {
      title: 'Almindelige produkter, du har brug for på grund af handicap',
      explanation:
        'Forbrugsgoder er ting, som alle kan købe i en almindelig butik, fx en særlig stol eller et køkkenredskab. Har du en varig funktionsnedsættelse, kan kommunen give støtte til dem, og du betaler som regel selv en del af prisen.',
    },
    en: {
      title: 'Everyday products you need because of a disability',
      explanation:
        'These are ordinary products that anyone can buy in a shop, such as a special chair or a kitchen tool. If you have a lasting disability, the municipality can help pay for them, and you usually pay part of the price yourself.',
    },
  },
  {
    code: '27.60.24',
    officialTitle: 'Boligindretning',
    da: {
      title: 'Ændringer i din bolig',
      explanation:
        'Har du en varig funktionsnedsættelse, kan kommunen hjælpe med at ændre din bolig, så du bedre kan klare dig, fx ved at fjerne dørtrin, sætte gelændere op eller ændre badeværelset.',
    },
    en: {
      title: 'Adapting your home',
      explanation:
        'If you have a lasting disability, the municipality can help adapt your home so that you manage better, for example by removing door sills, putting up handrails or changing the bathroom.',
    },
  },
  {
    code: '27.36.12',
    officialTitle: 'Socialpædagogisk bistand (hjælp, omsorg eller støtte samt genoptræning)',
    da: {
      title: 'Støtte til at klare hverdagen',
      explanation:
        'Her får du hjælp fra en fagperson til at lære og holde fast i det, du har brug for i hverdagen, fx at få overblik over økonomi og aftaler eller at have kontakt til andre. Støtten er for dig, der har en betydelig fysisk eller psykisk funktionsnedsættelse.',
    },
    en: {
      title: 'Support to manage everyday life',
      explanation:
        'A professional helps you learn and keep up the skills you need in everyday life, such as keeping track of money and appointments or staying in touch with other people. This support is for people with a significant physical or mental disability.',
    },
  },
  {
    code: '27.36.14',
    officialTitle: 'Bostøtte efter servicelovens § 85a',
    da: {
      title: 'Bostøtte i dit eget hjem',
      explanation:
        'Bostøtte er hjælp til dig, der bor i din egen bolig, men har brug for støtte til at klare hverdagen, fx på grund af en psykisk lidelse eller et handicap. En medarbejder kommer hos dig og hjælper med fx økonomi, indkøb og kontakt til andre.',
    },
    en: {
      title: 'Support in your own home',
      explanation:
        'This is help for people who live in their own home but need support to manage everyday life, for example because of a mental illness or a disability. A support worker visits you and helps with things like money, shopping and keeping in touch with others.',
    },
  },
  {
    code: '27.39.20',
    officialTitle: 'Borgerstyret personlig assistance',
    da: {
      title: 'Borgerstyret personlig assistance (BPA)',
      explanation:
        'Har du et omfattende handicap og brug for meget hjælp, kan du få et tilskud til selv at ansætte dine hjælpere. Så bestemmer du selv, hvem der hjælper dig, og hvornår.',
    },
    en: {
      title: 'User-controlled personal assistance',
      explanation:
        'If you have an extensive disability and need a lot of help, you can receive a grant to employ your own helpers. That way you decide who helps you, and when.',
    },
  },
  {
    code: '27.48.04',
    officialTitle: 'Ledsageordning',
    da: {
      title: 'Ledsager',
      explanation:
        'Kan du ikke færdes alene uden for hjemmet på grund af et handicap, kan du få nogle timers ledsagelse om måneden. Du bestemmer selv, hvad timerne skal bruges til, fx indkøb, kultur eller besøg.',
    },
    en: {
      title: 'Companion scheme',
      explanation:
        'If a disability means you cannot get around outside your home on your own, you can have a few hours a month with a companion. You decide what the hours are for, such as shopping, culture or visits.',
    },
  },
  {
    code: '27.48.08',
    officialTitle: 'Støtte- og kontaktperson',
    da: {
      title: 'Fast støtte- og kontaktperson',
      explanation:
        'En støtte- og kontaktperson er en fast person, der kan hjælpe dig med at få kontakt til andre mennesker og til myndigheder. Ordningen er fx for dig, der har en psykisk lidelse, et misbrug eller er uden bolig.',
    },
    en: {
      title: 'Support and contact person',
      explanation:
        'A support and contact person is someone you see regularly who helps you get in touch with other people and with the authorities. It is meant for people who, for example, have a mental illness or an addiction, or are homeless.',
    },
  },
  {
    code: '27.54.04',
    officialTitle: 'Beskyttet beskæftigelse',
    da: {
      title: 'Arbejde på særlige vilkår',
      explanation:
        'Beskyttet beskæftigelse er arbejde for dig, der på grund af et handicap eller sociale problemer ikke kan arbejde på det almindelige arbejdsmarked. Du arbejder i dit eget tempo og får typisk en mindre betaling for dit arbejde.',
    },
    en: {
      title: 'Sheltered employment',
      explanation:
        'Sheltered employment is work for people who cannot work in an ordinary job because of a disability or social difficulties. You work at your own pace and usually receive a small payment for your work.',
    },
  },
  {
    code: '27.54.08',
    officialTitle: 'Aktivitets- og samværstilbud (væresteder, daghjem m.v.)',
    da: {
      title: 'Steder med fællesskab og aktiviteter',
      explanation:
        'Aktivitets- og samværstilbud er steder, hvor du kan mødes med andre, deltage i aktiviteter og få en mere indholdsrig hverdag, fx et værested eller et daghjem.',
    },
    en: {
      title: 'Day centres and drop-in places',
      explanation:
        'These are places where you can meet other people, join activities and have a fuller everyday life, such as a drop-in centre or a day centre.',
    },
  },
  {
    code: '27.57.04',
    officialTitle: 'Midlertidige botilbud efter servicelovens § 107',
    da: {
      title: 'Et midlertidigt sted at bo med støtte',
      explanation:
        'Et midlertidigt botilbud er et sted at bo i en periode, hvor du får hjælp og støtte, fordi du har en betydelig fysisk eller psykisk funktionsnedsættelse. Målet er ofte, at du bagefter kan bo mere selvstændigt.',
    },
    en: {
      title: 'Temporary supported housing',
      explanation:
        'Temporary supported housing is a place to live for a period while you get help and support, because you have a significant physical or mental disability. The aim is often that you can live more independently afterwards.',
    },
  },
  {
    code: '27.57.08',
    officialTitle: 'Længerevarende botilbud efter servicelovens § 108',
    da: {
      title: 'Et varigt hjem med støtte',
      explanation:
        'Et længerevarende botilbud er et varigt hjem for dig, der har brug for omfattende hjælp og støtte i hverdagen på grund af en betydelig fysisk eller psykisk funktionsnedsættelse.',
    },
    en: {
      title: 'Long-term supported housing',
      explanation:
        'Long-term supported housing is a permanent home for people who need extensive help and support in everyday life because of a significant physical or mental disability.',
    },
  },
  {
    code: '27.57.12',
    officialTitle: 'Krisecentre',
    da: {
      title: 'Krisecenter',
      explanation:
        'Et krisecenter er et midlertidigt og trygt sted at bo, hvis du har været udsat for vold eller trusler, fx fra en partner. Du kan henvende dig direkte til et krisecenter.',
    },
    en: {
      title: 'Crisis centre',
      explanation:
        'A crisis centre is a safe place to stay for a while if you have been exposed to violence or threats, for example from a partner. You can contact a crisis centre directly.',
    },
  },
  {
    code: '27.51.04',
    officialTitle: 'Social behandling for stofmisbrug',
    da: {
      title: 'Behandling for misbrug af stoffer',
      explanation: 'Har du et misbrug af stoffer, kan du få gratis behandling gennem kommunen. Du kan selv henvende dig og bede om behandling.',
    },
    en: {
      title: 'Treatment for drug use',
      explanation: 'If you have a drug problem, you can get free treatment through the municipality. You can contact them yourself and ask for treatment.',
    },
  },
  {
    code: '27.63.04',
    officialTitle: 'Pasning af nærtstående med handicap eller alvorlig sygdom',
    da: {
      title: 'Ansættelse til at passe en nærtstående',
      explanation:
        'Passer du en nærtstående med en betydelig funktionsnedsættelse eller en alvorlig sygdom i hjemmet, kan kommunen i nogle tilfælde ansætte dig til opgaven i en periode.',
    },
    en: {
      title: 'Employment to care for someone close to you',
      explanation:
        'If you care at home for someone close to you who has a significant disability or a serious illness, the municipality can in some cases employ you to do it for a period.',
    },
  },
]);
