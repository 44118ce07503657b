/**
 * Search across everything synced, Danish-aware; results grouped by kind, each linking to its
 * record. The background holds the folded index and answers each query with the counts and a
 * page of each group's hits; the page only draws them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { callVault } from '../../messaging/client';
import type { SearchHitView, ViewSearchResult } from '../../messaging/list-view-api';
import { OVERVIEW_KINDS } from '../../overview/from-records';
import type { SearchKind } from '../../overview/search';
import { PagedList } from '../components/WindowedList';
import { AlertLine } from '../components/Messages';
import { useBackgroundView } from '../components/use-background-view';
import { getLanguage, t, tn } from '../i18n/index';
import { dayText, dateTimeText } from './format';
import { RouteLink, type OverviewRoute } from './Links';
import { OverviewDamage } from './OverviewDamage';

/** Hits per page of each group: six groups stay well under a thousand elements. */
const SEARCH_PAGE = 20;
/** Results follow typing after a short pause, so a screen reader is not flooded with counts. */
const TYPING_PAUSE_MS = 200;
const SEARCHED_KINDS: ReadonlySet<string> = new Set(Object.values(OVERVIEW_KINDS).map((kind) => kind.name));
const hitKey = (hit: SearchHitView) => hit.vaultId;
const dateOf = (date: string) => (date.length === 10 ? dayText(date) : dateTimeText(date));

type Group = ViewSearchResult['groups'][number];

export function SearchView(props: { profileId: string; profileName: string; go: (to: OverviewRoute) => void }) {
  const { profileId } = props;
  const [query, setQuery] = useState('');
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  // An empty query is asked too: it builds the index while the citizen types, and names damage.
  const ask = (kind?: SearchKind, start?: number) =>
    callVault('viewSearch', { profileId, query: settled, language: getLanguage(), count: SEARCH_PAGE, ...(kind ? { kind, start } : {}) });
  const { answer, error, refresh } = useBackgroundView(profileId, SEARCHED_KINDS, () => ask(), [settled]);

  // A group paged on its own: its window replaces the group's in the answer it was asked from.
  const [paged, setPaged] = useState<{ from: ViewSearchResult; groups: Partial<Record<SearchKind, Group>> } | null>(null);
  const asked = useRef(0);
  const pageOf = (group: Group) => (paged?.from === answer ? paged.groups[group.kind] : undefined) ?? group;
  const turn = (kind: SearchKind, start: number) => {
    const from = answer;
    const mine = ++asked.current;
    ask(kind, start).then(
      (result) => {
        const group = result.groups.find((g) => g.kind === kind);
        if (mine !== asked.current || !group) return;
        setPaged((p) => ({ from: from!, groups: { ...(p?.from === from ? p.groups : {}), [kind]: group } }));
      },
      () => mine === asked.current && refresh(),
    );
  };

  // The last answer stays until the next arrives; its own query names what it counted.
  const shownQuery = answer?.query.trim() ?? '';
  return (
    <>
      <OverviewDamage profileId={profileId} profileName={props.profileName} damaged={answer?.damaged ?? []} onRemoved={refresh} />
      <form autocomplete="off" role="search" onSubmit={(e) => (e.preventDefault(), setSettled(query))}>
        <div class="field">
          <label for="search-input">{t('search.label')}</label>
          <p class="hint" id="search-hint">
            {t('search.hint')}
          </p>
          <input
            id="search-input"
            type="search"
            value={query}
            aria-describedby="search-hint"
            autocomplete="off"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
      </form>
      <div role="status" class="status">
        {!answer || shownQuery === '' ? null : answer.total === 0 ? t('search.none', { query: answer.query }) : tn('search.count', answer.total)}
      </div>
      <AlertLine>{error}</AlertLine>
      {answer?.groups.map((group) => {
        const shown = pageOf(group);
        return (
          <section key={group.kind} aria-labelledby={`hits-${group.kind}`} class="hit-group">
            <h3 id={`hits-${group.kind}`}>{t(`search.kind.${group.kind}`)}</h3>
            <PagedList
              id={`hits-${group.kind}-list`}
              class="plain-list"
              labelledBy={`hits-${group.kind}`}
              size={SEARCH_PAGE}
              page={{ total: shown.total, start: shown.start, rows: shown.hits }}
              onWindow={(start) => turn(group.kind, start)}
              keyOf={hitKey}
              renderItem={(hit) => (
                <>
                  <RouteLink to={hit.target} go={props.go}>
                    {hit.title}
                  </RouteLink>
                  <span class="meta">, {dateOf(hit.date)}</span>
                </>
              )}
            />
          </section>
        );
      })}
    </>
  );
}
