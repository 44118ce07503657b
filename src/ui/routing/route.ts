/**
 * Every screen of the vault page has its own address, kept in the page's hash so Back, Forward,
 * reload and bookmarks work: `#/<section>[/<view>[/<id>]][?<key>=<value>&…]`. The profile shown
 * and a view's filters are query keys: `#/overview/case/c1?p=p7`, `#/overview/payments?focus=x&p=p7`.
 * The citizen's own cases (made for letters) live under the letters: `#/letters/case/o1?p=p7`.
 * Parsing is strict: an address this module would not write itself gives null, and the page falls
 * back to where it would land. Ids are opaque strings, written percent-encoded.
 */

export const SECTIONS = ['overview', 'municipality', 'letters', 'money', 'health', 'notes', 'sharing', 'profiles', 'settings', 'backup'] as const;
export type Section = (typeof SECTIONS)[number];

export const OVERVIEW_VIEWS = ['now', 'cases', 'calendar', 'payments', 'access', 'search'] as const;
export type OverviewView = (typeof OVERVIEW_VIEWS)[number];

/** Where the overview is: one of its views, or a case or a document page. */
export type OverviewRoute =
  | { view: Exclude<OverviewView, 'payments'> }
  | { view: 'payments'; focus?: string | undefined }
  | { view: 'case'; id: string }
  | { view: 'document'; id: string };

export interface VaultRoute {
  section: Section;
  /** The profile shown; null lets the page pick (the last one shown, or the first). */
  profileId: string | null;
  /** Only for the overview section. */
  overview: OverviewRoute | null;
  /** Only for the letters section: the citizen's own case shown, by its vault id. */
  ownCase?: string | undefined;
}

/** The query key of the profile shown. */
const PROFILE = 'p';
/** The payments view's one filter: the payment to show and highlight. */
const FOCUS = 'focus';

const isSection = (s: string): s is Section => (SECTIONS as readonly string[]).includes(s);
const isView = (s: string): s is OverviewView => (OVERVIEW_VIEWS as readonly string[]).includes(s);

function decode(part: string): string | null {
  if (part === '') return null;
  try {
    const value = decodeURIComponent(part);
    // Only the canonical spelling is accepted, so one screen has one address.
    return encodeURIComponent(value) === part ? value : null;
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}

function parseQuery(query: string): Map<string, string> | null {
  const map = new Map<string, string>();
  if (query === '') return map;
  for (const pair of query.split('&')) {
    const [key, raw, extra] = pair.split('=');
    if (key === undefined || raw === undefined || extra !== undefined || map.has(key)) return null;
    const value = decode(raw);
    if (value === null) return null;
    map.set(key, value);
  }
  return map;
}

function parseOverview(parts: string[], query: Map<string, string>): OverviewRoute | null {
  const [view, rawId, ...rest] = parts;
  if (rest.length > 0) return null;
  if (view === undefined) return query.has(FOCUS) ? null : { view: 'now' };
  if (view === 'case' || view === 'document') {
    const id = rawId === undefined ? null : decode(rawId);
    return id === null || query.has(FOCUS) ? null : { view, id };
  }
  if (!isView(view) || rawId !== undefined) return null;
  if (view === 'payments') return query.has(FOCUS) ? { view, focus: query.get(FOCUS) } : { view };
  return query.has(FOCUS) ? null : { view };
}

/** The route an address names, or null when it names none (a foreign or hand-made hash). */
export function parseRoute(hash: string): VaultRoute | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith('/')) return null;
  const queryAt = body.indexOf('?');
  const path = queryAt < 0 ? body.slice(1) : body.slice(1, queryAt);
  const query = parseQuery(queryAt < 0 ? '' : body.slice(queryAt + 1));
  if (query === null || [...query.keys()].some((k) => k !== PROFILE && k !== FOCUS)) return null;
  const [section, ...rest] = path.split('/');
  if (section === undefined || !isSection(section)) return null;
  const profileId = query.get(PROFILE) ?? null;
  let route: VaultRoute | null;
  if (section === 'overview') {
    const overview = parseOverview(rest, query);
    route = overview && { section, profileId, overview };
  } else if (section === 'letters' && rest.length > 0) {
    const [view, rawId, ...more] = rest;
    const ownCase = view === 'case' && rawId !== undefined && more.length === 0 ? decode(rawId) : null;
    route = ownCase === null || query.has(FOCUS) ? null : { section, profileId, overview: null, ownCase };
  } else {
    route = rest.length > 0 || query.has(FOCUS) ? null : { section, profileId, overview: null };
  }
  // One screen, one address: another spelling of it (keys in another order) is not accepted.
  return route && formatRoute(route) === `#${body}` ? route : null;
}

/** The canonical address of a route; parseRoute(formatRoute(r)) gives r back. */
export function formatRoute(route: VaultRoute): string {
  const path: string[] = [route.section];
  const query: string[] = [];
  const o = route.section === 'overview' ? (route.overview ?? { view: 'now' }) : null;
  if (o && o.view !== 'now') path.push(o.view);
  if (o && (o.view === 'case' || o.view === 'document')) path.push(encodeURIComponent(o.id));
  if (route.section === 'letters' && route.ownCase !== undefined) path.push('case', encodeURIComponent(route.ownCase));
  if (o?.view === 'payments' && o.focus !== undefined) query.push(`${FOCUS}=${encodeURIComponent(o.focus)}`);
  if (route.profileId !== null) query.push(`${PROFILE}=${encodeURIComponent(route.profileId)}`);
  return `#/${path.join('/')}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}
