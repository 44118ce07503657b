/**
 * Case statuses as the Citizen Data API reports them (`CaseStatus` in ../api/schemas.ts), each
 * explained in plain words with what the citizen can do at that step. A meta-test keeps this
 * list and the API's in step. `unknown` covers a missing status or one this version does not
 * know (a newer server may send one), so the overview always has something honest to say.
 */
import type { PlainText } from './types';

export const CASE_STATUSES = ['received', 'in-progress', 'awaiting-citizen', 'decided', 'appealed', 'closed'] as const;
export type CaseStatusName = (typeof CASE_STATUSES)[number];
export type ExplainedStatus = CaseStatusName | 'unknown';

export interface StatusEntry {
  readonly status: ExplainedStatus;
  readonly da: PlainText;
  readonly en: PlainText;
}

export const STATUS_ENTRIES: readonly StatusEntry[] = [
  {
    status: 'received',
    da: {
      title: 'Modtaget',
      explanation: 'Kommunen har modtaget din ansøgning eller henvendelse, men er endnu ikke gået i gang med at behandle den.',
      tips: [
        'Du kan spørge kommunen, hvor lang tid de regner med, at sagen tager. Mange kommuner oplyser deres forventede sagsbehandlingstider.',
        'Har du flere oplysninger, der har betydning for sagen, kan du sende dem nu.',
      ],
    },
    en: {
      title: 'Received',
      explanation: 'The municipality has received your application or enquiry but has not yet started working on it.',
      tips: [
        'You can ask the municipality how long it expects the case to take. Many municipalities publish their expected processing times.',
        'If you have more information that matters for the case, you can send it now.',
      ],
    },
  },
  {
    status: 'in-progress',
    da: {
      title: 'Under behandling',
      explanation:
        'Kommunen er i gang med din sag og samler de oplysninger, der skal til for at træffe en afgørelse. Før kommunen afgør sagen, får du som regel mulighed for at kommentere oplysninger, som du ikke selv har givet, hvis de taler imod dig.',
      tips: [
        'Du kan som regel få aktindsigt, det vil sige se de dokumenter og oplysninger, kommunen har i din sag.',
        'Får du et brev, hvor du bliver bedt om at kommentere oplysninger i sagen, så svar inden fristen, hvis noget er forkert eller mangler.',
      ],
    },
    en: {
      title: 'Being processed',
      explanation:
        'The municipality is working on your case and gathering the information it needs to make a decision. Before it decides, you will usually have the chance to comment on information you did not provide yourself if it counts against you.',
      tips: [
        'You can usually ask for access to your file, meaning the documents and information the municipality holds in your case.',
        'If you get a letter asking you to comment on information in the case, reply before the deadline if something is wrong or missing.',
      ],
    },
  },
  {
    status: 'awaiting-citizen',
    da: {
      title: 'Venter på dig',
      explanation: 'Kommunen venter på oplysninger eller dokumenter fra dig, før sagen kan komme videre.',
      tips: [
        'Læs brevet fra kommunen, så du ved, hvad de mangler, og hvornår fristen er.',
        'Kan du ikke nå det inden fristen, så kontakt kommunen og spørg, om du kan få mere tid.',
        'Er du i tvivl om, hvad kommunen beder om, så spørg din sagsbehandler. Kommunen skal vejlede dig.',
      ],
    },
    en: {
      title: 'Waiting for you',
      explanation: 'The municipality is waiting for information or documents from you before the case can move on.',
      tips: [
        'Read the letter from the municipality so that you know what is missing and when the deadline is.',
        'If you cannot make the deadline, contact the municipality and ask for more time.',
        'If you are unsure what they are asking for, ask your caseworker. The municipality has to guide you.',
      ],
    },
  },
  {
    status: 'decided',
    da: {
      title: 'Afgjort',
      explanation:
        'Kommunen har truffet en afgørelse i din sag. Får du ikke fuldt ud det, du har bedt om, skal afgørelsen forklare hvorfor og fortælle, hvordan du kan klage.',
      tips: [
        'Er du uenig, kan du klage. Fristen står i afgørelsen og er ofte 4 uger fra den dag, du fik afgørelsen.',
        'Er noget uklart, kan du bede kommunen om at forklare afgørelsen.',
      ],
    },
    en: {
      title: 'Decided',
      explanation:
        'The municipality has made a decision in your case. If you do not get everything you asked for, the decision must explain why and tell you how to appeal.',
      tips: [
        'If you disagree, you can appeal. The deadline is stated in the decision and is often 4 weeks from the day you received it.',
        'If anything is unclear, you can ask the municipality to explain the decision.',
      ],
    },
  },
  {
    status: 'appealed',
    da: {
      title: 'Klage under behandling',
      explanation:
        'Du har klaget over afgørelsen. På mange områder ser kommunen først på sagen igen, og fastholder den sin afgørelse, sendes klagen videre til en klageinstans, fx Ankestyrelsen.',
      tips: ['Du kan sende flere oplysninger eller bemærkninger, mens klagen bliver behandlet.'],
    },
    en: {
      title: 'Appeal in progress',
      explanation:
        'You have appealed against the decision. In many areas the municipality first looks at the case again, and if it keeps its decision, the appeal is passed on to an appeals body such as the National Social Appeals Board (Ankestyrelsen).',
      tips: ['You can send more information or comments while the appeal is being handled.'],
    },
  },
  {
    status: 'closed',
    da: {
      title: 'Afsluttet',
      explanation:
        'Sagen er afsluttet, og kommunen arbejder ikke længere på den. Oplysningerne i sagen bliver gemt efter reglerne, og du kan stadig bede om at se dem.',
      tips: ['Ændrer din situation sig, kan du søge igen eller bede kommunen om at se på sagen på ny.'],
    },
    en: {
      title: 'Closed',
      explanation:
        'The case is closed, and the municipality is no longer working on it. The information in the case is kept according to the rules, and you can still ask to see it.',
      tips: ['If your situation changes, you can apply again or ask the municipality to look at the case again.'],
    },
  },
  {
    status: 'unknown',
    da: {
      title: 'Status ukendt',
      explanation: 'Vi kender ikke sagens status, fordi kommunen ikke har oplyst den eller bruger en betegnelse, som vi ikke kender.',
      tips: ['Kontakt din sagsbehandler, hvis du vil vide, hvor sagen står.'],
    },
    en: {
      title: 'Status unknown',
      explanation: 'We do not know the status of this case, because the municipality has not told us or uses a term we do not recognise.',
      tips: ['Contact your caseworker if you want to know where the case stands.'],
    },
  },
];
