/**
 * The official KLE topics and their Danish titles, parsed once on first use from the embedded
 * table (see README.md for the source and licence).
 *
 * The table holds only topic-level codes (`xx.yy.zz`). It has no titles for groups or main
 * groups, but every group `xx.yy` has a general topic `xx.yy.00` titled "<group> i
 * almindelighed"; that topic is what a group lookup returns. Main groups get no title: the
 * `xx.00.00` topics name the group `xx.00`, which is not always worded like the main group.
 */
import { generalTopicOf, isKleGroupCode, isKleTopicCode, type KleGroupCode, type KleTopicCode } from './code';
import { KLE_TOPICS_TSV } from './kle-topics.data';

/** The edition the embedded table was taken from. */
export const KLE_EDITION = '2026-02';

export interface KleTopic {
  readonly code: KleTopicCode;
  /** The official title, verbatim, including a trailing note such as "[udgår 2026]". */
  readonly title: string;
  /** The official title without the phase-out note. */
  readonly shortTitle: string;
  /** The year KLE phases this topic out, when the title carries "[udgår YYYY]". */
  readonly phasedOutIn?: number;
}

export interface KleGroup {
  readonly code: KleGroupCode;
  /** The group's general topic `xx.yy.00`, whose title names the group. */
  readonly generalTopic: KleTopic;
  /**
   * The general topic's title without its trailing " i almindelighed" ("in general"); verbatim
   * when the phrase is not at the end (one group words it "Rengøring i almindelighed, …").
   */
  readonly title: string;
}

const PHASE_OUT_NOTE = /\s*\[udgår (\d{4})\]$/;
const GENERAL_SUFFIX = /\s+i almindelighed$/;

let table: ReadonlyMap<string, KleTopic> | undefined;

/** Parses the embedded table strictly: a malformed line is a packaging error, not bad input. */
export function parseKleTable(tsv: string): ReadonlyMap<string, KleTopic> {
  const lines = tsv.split('\n');
  if (lines[0] !== 'code\ttitle') throw new Error('KLE table: unexpected header');
  const topics = new Map<string, KleTopic>();
  for (const [index, line] of lines.entries()) {
    if (index === 0 || (line === '' && index === lines.length - 1)) continue;
    const [code, title, extra] = line.split('\t');
    if (!isKleTopicCode(code) || !title || title.trim() !== title || extra !== undefined) {
      throw new Error(`KLE table: malformed line ${index + 1}`);
    }
    if (topics.has(code)) throw new Error(`KLE table: duplicate code ${code}`);
    const note = PHASE_OUT_NOTE.exec(title);
    topics.set(code, {
      code,
      title,
      shortTitle: note ? title.slice(0, note.index) : title,
      ...(note ? { phasedOutIn: Number(note[1]) } : {}),
    });
  }
  return topics;
}

const kleTable = (): ReadonlyMap<string, KleTopic> => (table ??= parseKleTable(KLE_TOPICS_TSV));

/** The official topic for an exact `xx.yy.zz` code, or `null` (malformed or not in this edition). */
export function findKleTopic(code: string): KleTopic | null {
  return isKleTopicCode(code) ? (kleTable().get(code) ?? null) : null;
}

/** The group `xx.yy` named by its general topic, or `null` (malformed or not in this edition). */
export function findKleGroup(code: string): KleGroup | null {
  if (!isKleGroupCode(code)) return null;
  const generalTopic = kleTable().get(generalTopicOf(code));
  if (!generalTopic) return null;
  return { code, generalTopic, title: generalTopic.shortTitle.replace(GENERAL_SUFFIX, '') };
}

/** Every official topic, in code order. */
export const allKleTopics = (): readonly KleTopic[] => [...kleTable().values()];
