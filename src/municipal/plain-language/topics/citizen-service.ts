/** Citizen service: ID documents, moving, marriage, digital post, and your rights over your data (KLE 23). */
import { defineTopics } from '../types';

export const citizenServiceTopics = defineTopics([
  {
    code: '23.09.02',
    officialTitle: 'Pas',
    da: {
      title: 'Pas',
      explanation: 'Du søger om pas hos kommunens Borgerservice. Du skal møde op personligt, og du betaler et gebyr.',
      tips: ['Tjek dit pas i god tid før en rejse. Der kan være ventetid, både på en tid hos Borgerservice og på selve passet.'],
    },
    en: {
      title: 'Passport',
      explanation: 'You apply for a passport at the municipality’s Citizen Service. You have to attend in person, and you pay a fee.',
      tips: ['Check your passport well before you travel. There can be a wait, both for an appointment and for the passport itself.'],
    },
  },
  {
    code: '23.09.04',
    officialTitle: 'Kørekort',
    da: {
      title: 'Kørekort',
      explanation:
        'Hos Borgerservice kan du søge om kørekort, fx dit første kørekort, et nyt kort, hvis du har mistet det gamle, eller et kort, der skal fornyes. Til dit første kørekort skal du også bestå en teoriprøve og en køreprøve.',
    },
    en: {
      title: 'Driving licence',
      explanation:
        'At Citizen Service you can apply for a driving licence, such as your first licence, a replacement for one you have lost, or a renewal. For your first licence you also have to pass a theory test and a driving test.',
    },
  },
  {
    code: '23.09.10',
    officialTitle: 'Knallertbevis',
    da: {
      title: 'Knallertbevis',
      explanation:
        'For at køre på en lille knallert skal du have et knallertbevis. Du søger hos Borgerservice, skal være fyldt 15 år og skal bestå en teoriprøve og en køreprøve.',
    },
    en: {
      title: 'Moped licence',
      explanation:
        'To ride a small moped you need a moped licence. You apply at Citizen Service, must be at least 15, and must pass a theory test and a riding test.',
    },
  },
  {
    code: '23.09.15',
    officialTitle: 'Udstedelse af legitimationskort',
    da: {
      title: 'Id-kort',
      explanation:
        'Id-kortet er et officielt kort med dit billede, som du kan bruge til at vise, hvem du er, fx hvis du ikke har kørekort. Du søger om det hos Borgerservice.',
    },
    en: {
      title: 'Identity card',
      explanation:
        'The identity card is an official card with your photo that you can use to prove who you are, for example if you do not have a driving licence. You apply for it at Citizen Service.',
    },
  },
  {
    code: '23.05.10',
    officialTitle: 'Flytteanmeldelse',
    da: {
      title: 'Når du flytter',
      explanation:
        'Når du flytter, skal du melde flytning til kommunen senest 5 dage efter, at du er flyttet. Så bliver din nye adresse registreret i folkeregistret.',
      tips: ['Mange offentlige steder får automatisk besked om din nye adresse, men husk selv fx din bank og dine forsikringer.'],
    },
    en: {
      title: 'Moving home',
      explanation:
        'When you move, you must tell the municipality no later than 5 days after moving. Your new address is then recorded in the national population register.',
      tips: ['Many public bodies are told about your new address automatically, but remember to tell your bank and your insurers yourself.'],
    },
  },
  {
    code: '23.05.05',
    officialTitle: 'Navne- og adressebeskyttelse',
    da: {
      title: 'Hemmelig adresse',
      explanation:
        'Med navne- og adressebeskyttelse bliver din adresse ikke givet videre til fx private virksomheder, der slår op i folkeregistret. Offentlige myndigheder kan stadig se din adresse.',
    },
    en: {
      title: 'Protected address',
      explanation:
        'With name and address protection, your address is not passed on to, for example, private companies that look you up in the population register. Public authorities can still see your address.',
    },
  },
  {
    code: '23.01.02',
    officialTitle: 'Vielse',
    da: {
      title: 'Borgerlig vielse',
      explanation:
        'Vil I giftes uden for kirken, fx på rådhuset, sker det ved en borgerlig vielse, som kommunen står for. Før vielsen skal det være undersøgt, at I opfylder betingelserne for at blive gift.',
    },
    en: {
      title: 'Civil wedding',
      explanation:
        'If you want to marry outside the church, for example at the town hall, it is done as a civil wedding, which the municipality arranges. Before the wedding, it must be checked that you meet the conditions for getting married.',
    },
  },
  {
    code: '23.15.10',
    officialTitle: 'Nemkonto til offentlige betalinger',
    da: {
      title: 'NemKonto',
      explanation:
        'Din NemKonto er den bankkonto, som det offentlige udbetaler penge til, fx pension, boligstøtte eller penge tilbage i skat. Du kan se og skifte din NemKonto gennem din bank.',
    },
    en: {
      title: 'NemKonto (your account for public payments)',
      explanation:
        'Your NemKonto is the bank account that public authorities pay money into, such as pensions, housing support or tax refunds. You can see and change your NemKonto through your bank.',
    },
  },
  {
    code: '23.15.15',
    officialTitle: 'Offentlig Digital Post, fysiske personer',
    da: {
      title: 'Digital Post',
      explanation:
        'Offentlige myndigheder sender breve til dig i Digital Post. Kan du ikke bruge Digital Post, kan du søge Borgerservice om at blive fritaget og få brevene med almindelig post i stedet.',
    },
    en: {
      title: 'Digital Post',
      explanation:
        'Public authorities send you letters through Digital Post. If you cannot use Digital Post, you can ask Citizen Service to exempt you so that you get your letters by ordinary mail instead.',
    },
  },
  {
    code: '23.15.25',
    officialTitle: 'Digital identitet (MitID) - registrering, udstedelse mv.',
    da: {
      title: 'MitID',
      explanation:
        'MitID er dit digitale id, som du bruger til at logge på fx borger.dk og din netbank. Borgerservice kan hjælpe dig, hvis du skal have MitID, har mistet adgangen eller ikke kan bruge appen.',
    },
    en: {
      title: 'MitID (your digital ID)',
      explanation:
        'MitID is your digital ID, which you use to log on to services such as borger.dk and your online bank. Citizen Service can help if you need MitID, have lost access or cannot use the app.',
    },
  },
  {
    code: '23.25.10',
    officialTitle: 'Den registreredes indsigtsret',
    da: {
      title: 'Se hvilke oplysninger kommunen har om dig',
      explanation:
        'Du har ret til at få at vide, hvilke oplysninger kommunen har om dig, hvad de bruges til, og hvem de er givet videre til. Kommunen skal som regel svare inden for en måned.',
    },
    en: {
      title: 'See what the municipality holds about you',
      explanation:
        'You have the right to know what information the municipality holds about you, what it is used for and who it has been shared with. The municipality must usually reply within a month.',
    },
  },
  {
    code: '23.25.15',
    officialTitle: 'Ret til berigtigelse',
    da: {
      title: 'Ret forkerte oplysninger',
      explanation:
        'Har kommunen forkerte eller mangelfulde oplysninger om dig, kan du bede om at få dem rettet. Kommunen skal tage stilling til din anmodning og give dig besked.',
      tips: ['Skriv, hvad der er forkert, og hvad der er det rigtige, og send gerne dokumentation med.'],
    },
    en: {
      title: 'Correct wrong information',
      explanation:
        'If the municipality holds wrong or incomplete information about you, you can ask for it to be corrected. The municipality must consider your request and let you know the outcome.',
      tips: ['Say what is wrong and what is correct, and send documentation if you can.'],
    },
  },
  {
    code: '23.30.15',
    officialTitle: 'Fuldmagter',
    da: {
      title: 'Fuldmagt',
      explanation:
        'Med en fuldmagt giver du en anden person lov til at handle på dine vegne over for kommunen, fx at se din sag eller søge om noget for dig. Du kan altid trække fuldmagten tilbage.',
    },
    en: {
      title: 'Power of attorney',
      explanation:
        'With a power of attorney you allow another person to act on your behalf with the municipality, for example to look at your case or apply for something for you. You can always withdraw it.',
    },
  },
  {
    code: '23.30.10',
    officialTitle: 'Bisidder',
    da: {
      title: 'Bisidder',
      explanation:
        'En bisidder er en person, du tager med til møder med kommunen, fx et familiemedlem eller en ven. Bisidderen kan lytte, tage noter og støtte dig.',
      tips: ['Sig gerne til på forhånd, at du tager en bisidder med.'],
    },
    en: {
      title: 'Someone to come with you',
      explanation:
        'A support person is someone you bring to meetings with the municipality, such as a relative or a friend. They can listen, take notes and support you.',
      tips: ['It helps to tell the municipality beforehand that you are bringing someone.'],
    },
  },
]);
