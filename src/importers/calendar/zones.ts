/**
 * Wall-clock times in a named time zone to instants. A calendar file should carry a VTIMEZONE for
 * every TZID it uses, but many producers send only the IANA name ("Europe/Copenhagen") or, from
 * Outlook, a Windows name ("Romance Standard Time"); both are read with the platform's own zone
 * database (Intl). Floating times (no zone at all) are read as Danish time: the citizen's own.
 */

export const HOME_ZONE = 'Europe/Copenhagen';

/** Windows zone names Outlook and Exchange write, for the zones a Danish citizen meets. */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'Romance Standard Time': 'Europe/Paris',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'FLE Standard Time': 'Europe/Helsinki',
  UTC: 'UTC',
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  const known = formats.get(zone);
  if (known) return known;
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
    return format;
  } catch (error) {
    // Intl refuses a name it does not know with a RangeError: that is the answer, not a failure.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * The IANA zone a TZID names, or null when neither Intl nor the Windows table knows it. Some
 * producers prefix the name ("/mozilla.org/20050126_1/Europe/Copenhagen"): the last two parts count.
 */
export function resolveZone(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  if (formatFor(name)) return name;
  const tail = name.split('/').slice(-2).join('/');
  return tail !== name && formatFor(tail) ? tail : null;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(zone: string, instant: number): number {
  const parts = Object.fromEntries(
    formatFor(zone)!
      .formatToParts(new Date(instant))
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `zone` (an IANA name from resolveZone) stands for. As RFC 5545
 * (3.3.5) says: a time in the hour skipped when clocks go forward is read with the offset before
 * the gap; a time in the hour that comes twice is the first of the two.
 */
export function instantInZone(wall: WallClock, zone: string): number {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const HALF_DAY = 12 * 3600_000;
  const before = offsetAt(zone, guess - HALF_DAY);
  const after = offsetAt(zone, guess + HALF_DAY);
  const fits = [before, after].map((offset) => guess - offset).filter((instant, i) => offsetAt(zone, instant) === [before, after][i]);
  return fits.length > 0 ? Math.min(...fits) : guess - before;
}
