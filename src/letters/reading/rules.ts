/**
 * The rules a letter cites: "§ 11 i lov om aktiv socialpolitik", "§ 11, stk. 2, i
 * serviceloven", "forvaltningslovens § 19", "serviceloven § 41". The law is given as the
 * letter names it, in its base form ("forvaltningslovens" → "forvaltningsloven").
 */
import { found, matchAll } from './text';
import type { CitedRule, Found, LetterText } from './types';

const SECTION =
  '§§?\\s*\\d+(?:\\s?[a-z](?![a-zæøå]))?(?:\\s*(?:,|og|-|–)\\s*\\d+(?:\\s?[a-z](?![a-zæøå]))?)*(?:,?\\s*stk\\.\\s*\\d+(?:\\s*(?:,|og|-|–)\\s*\\d+)*)?(?:,?\\s*nr\\.\\s*\\d+)?';
/** Long law names that contain words which elsewhere end a name ("og", "på"); the rest stop at such words. */
const LONG_LAWS = [
  'lov om retssikkerhed og administration på det sociale område',
  'lov om en aktiv beskæftigelsesindsats',
  'lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v.',
];
const STOP = '(?:og|samt|jf|at|som|der|fordi|når|men|du|vi|er|har|kan|skal|fra|til|med|i|på|ved|efter|hvis|da|den|det)';
const LAW_NAME = `(?:${LONG_LAWS.map((l) => l.replace(/[.,]/g, (c) => `\\${c}`).replace(/ /g, '\\s+')).join('|')}|lov\\s+om\\s+(?!${STOP}\\b)[a-zæøå-]+(?:\\s+(?!${STOP}\\b)[a-zæøå-]+){0,4}|[a-zæøå-]*loven|[a-zæøå-]*lovens)`;
const SECTION_THEN_LAW = new RegExp(`(?<section>${SECTION}),?\\s+i\\s+(?<law>${LAW_NAME})(?=[\\s.,;:)]|$)`, 'gi');
const LAW_THEN_SECTION = new RegExp(`(?<law>[a-zæøå-]+lovens?|[A-ZÆØÅ][a-zæøå-]+lovens?)\\s+(?<section>${SECTION})`, 'g');

const cleanSection = (s: string): string => s.replace(/\s+/g, ' ').replace(/§\s*/g, '§ ').replace(/§§ /, '§§ ').trim();
const baseLaw = (law: string): string =>
  law
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/lovens$/, 'loven')
    .trim();

export function readRules(text: LetterText): Found<CitedRule>[] {
  const out: Found<CitedRule>[] = [];
  for (const pattern of [SECTION_THEN_LAW, LAW_THEN_SECTION]) {
    for (const { page, match } of matchAll(text, pattern)) {
      const rule = { section: cleanSection(match.groups?.section ?? ''), law: baseLaw(match.groups?.law ?? '') };
      if (rule.law === 'loven' || out.some((f) => f.value.section === rule.section && f.value.law === rule.law)) continue;
      out.push(found(rule, page, match.index, match.index + match[0].length));
    }
  }
  return out.sort((a, b) => a.page - b.page || a.start - b.start);
}
