/**
 * A small, strict reader of iCalendar (RFC 5545) for tests: it throws on anything the rules
 * the bundle's copy must keep do not allow, and gives back the events with their TEXT values
 * unescaped. Not a general parser — the subset the vault writes, read without forgiveness:
 *
 * - CRLF line ends only, the last line ended too (§3.1);
 * - no physical line longer than 75 octets, continuation lines start with one space (§3.1);
 * - BEGIN/END nested properly: one VCALENDAR holding VEVENTs (§3.4, §3.6);
 * - VCALENDAR: exactly one VERSION (2.0) and one PRODID (§3.7.3, §3.7.4);
 * - VEVENT: exactly one UID, DTSTAMP, DTSTART and SUMMARY; DTEND and DURATION not both (§3.6.1);
 * - DTSTAMP a UTC date-time; DTSTART and DTEND a UTC date-time or `VALUE=DATE` (floating times and
 *   TZIDs are refused: the copy writes UTC), DTEND of the same type and after DTSTART;
 * - TEXT values (SUMMARY, LOCATION, DESCRIPTION, CATEGORIES, UID, X-WR-CALNAME): `\`, `;`, `,` and
 *   line breaks escaped (§3.3.11) — an unescaped `;` or `,` (outside CATEGORIES' list) is an error.
 */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  /** The raw value, as written. */
  raw: string;
}

export interface IcsEvent {
  props: IcsProperty[];
  /** A property that occurs at most once. */
  one(name: string): IcsProperty | undefined;
  /** An unescaped TEXT value. */
  text(name: string): string | undefined;
  /** DTSTART/DTEND: a day `YYYY-MM-DD` (VALUE=DATE) or an ISO instant. */
  when(name: 'DTSTART' | 'DTEND'): { allDay: boolean; value: string } | undefined;
  categories(): string[];
}

const encoder = new TextEncoder();
const TEXT_PROPS = new Set(['SUMMARY', 'LOCATION', 'DESCRIPTION', 'UID', 'X-WR-CALNAME', 'COMMENT']);
const STATUSES = new Set(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);

/** Unescapes one TEXT value; `list` allows unescaped commas as separators (returns the items). */
function unescapeText(raw: string, where: string, list = false): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[++i];
      if (next === '\\' || next === ';' || next === ',') current += next;
      else if (next === 'n' || next === 'N') current += '\n';
      else throw new Error(`${where}: bad escape \\${next ?? ''}`);
    } else if (c === ';') throw new Error(`${where}: unescaped ;`);
    else if (c === ',') {
      if (!list) throw new Error(`${where}: unescaped ,`);
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items;
}

function parseLine(line: string, n: number): IcsProperty {
  const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/s.exec(line);
  if (!m) throw new Error(`line ${n}: not a content line: ${line.slice(0, 60)}`);
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(m[3]!)) throw new Error(`line ${n}: control character in the value`);
  const params: Record<string, string> = {};
  for (const p of m[2]!.split(';').slice(1)) {
    const [k, ...v] = p.split('=');
    params[k!.toUpperCase()] = v.join('=').replace(/^"|"$/g, '');
  }
  return { name: m[1]!.toUpperCase(), params, raw: m[3]! };
}

const DAY = /^(\d{4})(\d{2})(\d{2})$/;
const UTC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function dateValue(p: IcsProperty, where: string): { allDay: boolean; value: string } {
  if (p.params.TZID !== undefined) throw new Error(`${where}: TZID not expected (the copy writes UTC)`);
  if (p.params.VALUE === 'DATE') {
    const m = DAY.exec(p.raw);
    if (!m) throw new Error(`${where}: VALUE=DATE but not YYYYMMDD: ${p.raw}`);
    const value = `${m[1]}-${m[2]}-${m[3]}`;
    if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw new Error(`${where}: no such day ${p.raw}`);
    return { allDay: true, value };
  }
  if (p.params.VALUE !== undefined && p.params.VALUE !== 'DATE-TIME') throw new Error(`${where}: VALUE=${p.params.VALUE}`);
  const m = UTC.exec(p.raw);
  if (!m) throw new Error(`${where}: not a UTC date-time (…Z): ${p.raw}`);
  const value = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  if (Number.isNaN(Date.parse(value)) || new Date(value).toISOString() !== value) throw new Error(`${where}: no such instant ${p.raw}`);
  return { allDay: false, value };
}

/**
 * @throws {Error} naming the line or event that breaks a rule
 */
export function checkIcs(text: string): { calendar: IcsProperty[]; events: IcsEvent[] } {
  if (!text.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
  if (/[\r\n]/.test(text.replace(/\r\n/g, ''))) throw new Error('a line ends with a bare CR or LF');
  const physical = text.slice(0, -2).split('\r\n');
  const logical: { line: string; n: number }[] = [];
  physical.forEach((line, i) => {
    const octets = encoder.encode(line).length;
    if (octets > 75) throw new Error(`line ${i + 1}: ${octets} octets, more than 75`);
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('the first line is a continuation');
      logical[logical.length - 1]!.line += line.slice(1);
    } else logical.push({ line, n: i + 1 });
  });
  const props = logical.map(({ line, n }) => parseLine(line, n));
  const stack: string[] = [];
  const calendar: IcsProperty[] = [];
  const rawEvents: IcsProperty[][] = [];
  props.forEach((p, i) => {
    if (p.name === 'BEGIN') {
      const what = p.raw.toUpperCase();
      if (stack.length === 0 && what !== 'VCALENDAR') throw new Error(`BEGIN:${what} outside VCALENDAR`);
      if (stack.length === 1 && what === 'VCALENDAR') throw new Error('nested VCALENDAR');
      if (stack.length > 1) throw new Error(`BEGIN:${what} inside ${stack.at(-1)}`);
      if (what === 'VEVENT') rawEvents.push([]);
      stack.push(what);
      return;
    }
    if (p.name === 'END') {
      if (stack.at(-1) !== p.raw.toUpperCase()) throw new Error(`END:${p.raw} does not close ${stack.at(-1) ?? 'anything'}`);
      stack.pop();
      if (stack.length === 0 && i !== props.length - 1) throw new Error('content after END:VCALENDAR');
      return;
    }
    if (stack.length === 0) throw new Error(`${p.name} outside VCALENDAR`);
    if (stack.at(-1) === 'VEVENT') rawEvents.at(-1)!.push(p);
    else calendar.push(p);
  });
  if (stack.length > 0) throw new Error(`${stack.at(-1)} not closed`);
  if (props[0]?.name !== 'BEGIN') throw new Error('the file does not start with BEGIN:VCALENDAR');

  const count = (list: IcsProperty[], name: string) => list.filter((p) => p.name === name).length;
  if (count(calendar, 'VERSION') !== 1 || calendar.find((p) => p.name === 'VERSION')!.raw !== '2.0') throw new Error('VCALENDAR: VERSION:2.0 exactly once');
  if (count(calendar, 'PRODID') !== 1) throw new Error('VCALENDAR: PRODID exactly once');
  for (const p of calendar) if (TEXT_PROPS.has(p.name)) unescapeText(p.raw, `VCALENDAR ${p.name}`);

  const events = rawEvents.map((list, i): IcsEvent => {
    const where = (name: string) => `VEVENT ${i + 1} ${name}`;
    for (const name of ['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'])
      if (count(list, name) !== 1) throw new Error(`${where(name)}: exactly once, found ${count(list, name)}`);
    for (const name of ['DTEND', 'DURATION', 'LOCATION', 'DESCRIPTION', 'STATUS', 'URL', 'CATEGORIES'])
      if (count(list, name) > 1) throw new Error(`${where(name)}: more than once`);
    if (count(list, 'DTEND') + count(list, 'DURATION') > 1) throw new Error(`${where('DTEND')}: DTEND and DURATION both`);
    const one = (name: string) => list.find((p) => p.name === name);
    if (!UTC.test(one('DTSTAMP')!.raw) || Object.keys(one('DTSTAMP')!.params).length > 0) throw new Error(`${where('DTSTAMP')}: not a UTC date-time`);
    const start = dateValue(one('DTSTART')!, where('DTSTART'));
    const endProp = one('DTEND');
    if (endProp) {
      const end = dateValue(endProp, where('DTEND'));
      if (end.allDay !== start.allDay) throw new Error(`${where('DTEND')}: not the same value type as DTSTART`);
      if (!(end.value > start.value)) throw new Error(`${where('DTEND')}: not after DTSTART`);
    }
    for (const p of list) {
      if (TEXT_PROPS.has(p.name)) unescapeText(p.raw, where(p.name));
      if (p.name === 'CATEGORIES') unescapeText(p.raw, where(p.name), true);
    }
    const status = one('STATUS');
    if (status && !STATUSES.has(status.raw)) throw new Error(`${where('STATUS')}: ${status.raw}`);
    const url = one('URL');
    if (url && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(url.raw)) throw new Error(`${where('URL')}: not a URI`);
    return {
      props: list,
      one,
      text: (name) => {
        const p = one(name);
        return p ? unescapeText(p.raw, where(name))[0] : undefined;
      },
      when: (name) => {
        const p = one(name);
        return p ? dateValue(p, where(name)) : undefined;
      },
      categories: () => {
        const p = one('CATEGORIES');
        return p ? unescapeText(p.raw, where('CATEGORIES'), true) : [];
      },
    };
  });
  return { calendar, events };
}
