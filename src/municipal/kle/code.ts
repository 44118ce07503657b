/**
 * KLE codes (Kommunernes Landsforenings Emnesystematik): a topic is `xx.yy.zz` — main group,
 * group, topic — each part exactly two digits. Parsing is strict: "32.24.4", "32.24.04 " or
 * "32-24-04" are not codes, because a near-miss that is silently accepted would show the citizen
 * the wrong topic.
 */

declare const kleTopicCodeBrand: unique symbol;
/** A string known to have the shape `xx.yy.zz`. */
export type KleTopicCode = string & { readonly [kleTopicCodeBrand]: true };

declare const kleGroupCodeBrand: unique symbol;
/** A string known to have the shape `xx.yy`. */
export type KleGroupCode = string & { readonly [kleGroupCodeBrand]: true };

const TOPIC_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
const GROUP_CODE = /^\d{2}\.\d{2}$/;

export const isKleTopicCode = (value: unknown): value is KleTopicCode => typeof value === 'string' && TOPIC_CODE.test(value);

export const isKleGroupCode = (value: unknown): value is KleGroupCode => typeof value === 'string' && GROUP_CODE.test(value);

/** The code itself when it has the topic shape, otherwise `null` (not a code at all). */
export const parseKleTopicCode = (value: unknown): KleTopicCode | null => (isKleTopicCode(value) ? value : null);

/** `32.24.04` → `32.24`. */
export const groupOf = (code: KleTopicCode): KleGroupCode => code.slice(0, 5) as KleGroupCode;

/** `32.24.04` → `32`. */
export const mainGroupOf = (code: KleTopicCode | KleGroupCode): string => code.slice(0, 2);

/** `32.24` → `32.24.00`, the group's general topic ("… i almindelighed"). */
export const generalTopicOf = (group: KleGroupCode): KleTopicCode => `${group}.00` as KleTopicCode;
