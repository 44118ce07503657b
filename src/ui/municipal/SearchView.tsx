/** Search across everything synced, Danish-aware; results grouped by kind, each linking to its record. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { indexOverview, type OverviewData } from '../../overview/model';
import { buildSearchIndex, groupHits, search, type SearchDoc, type SearchHit } from '../../overview/search';
import { WindowedList } from '../components/WindowedList';
import { t, tn } from '../i18n/index';
import { dayText, dateTimeText } from './format';
import { RouteLink, type OverviewRoute } from './Links';
import { plainCaseTitle, topicOf } from './plain';

/** Hits per page of each group: six groups stay well under a thousand elements. */
const SEARCH_PAGE = 20;
const hitKey = (hit: SearchHit) => hit.doc.vaultId;

/** Where a hit leads: its own page, or the page that shows it. */
function routeOf(doc: SearchDoc, data: OverviewData, index: ReturnType<typeof indexOverview>): OverviewRoute {
  switch (doc.kind) {
    case 'case':
      return { view: 'case', id: doc.vaultId };
    case 'document':
      return { view: 'document', id: doc.vaultId };
    case 'payment':
      return { view: 'payments', focus: doc.vaultId };
    case 'decision': {
      const decision = data.decisions.find((d) => d.vaultId === doc.vaultId);
      const owner = decision && index.case(decision.origin, decision.record.caseId);
      return owner ? { view: 'case', id: owner.vaultId } : { view: 'cases' };
    }
    case 'activity': {
      const activity = data.activities.find((a) => a.vaultId === doc.vaultId);
      const owner = activity && index.case(activity.origin, activity.record.caseId);
      return owner ? { view: 'case', id: owner.vaultId } : { view: 'calendar' };
    }
    case 'access-log':
      return { view: 'access' };
  }
}

export function SearchView(props: { data: OverviewData; go: (to: OverviewRoute) => void }) {
  const [query, setQuery] = useState('');
  const [settled, setSettled] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const docs = useMemo(() => buildSearchIndex(props.data, (code) => topicOf({ code, title: code }).plainTitle), [props.data]);
  const index = useMemo(() => indexOverview(props.data), [props.data]);
  // Results follow typing after a short pause, so a screen reader is not flooded with counts.
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), 200);
    return () => clearTimeout(timer);
  }, [query]);
  // Every hit, not the best 200: each group draws a page at a time, so a long list costs no DOM.
  const { hits, total } = useMemo(() => search(docs, settled, Math.max(docs.length, 1)), [docs, settled]);
  const groups = useMemo(() => groupHits(hits), [hits]);
  const titleOf = (doc: SearchDoc) => {
    if (doc.kind === 'case') {
      const c = props.data.cases.find((x) => x.vaultId === doc.vaultId);
      return c ? `${plainCaseTitle(c.record)} – ${doc.title}` : doc.title;
    }
    return doc.title;
  };
  const dateOf = (doc: SearchDoc) => (doc.date.length === 10 ? dayText(doc.date) : dateTimeText(doc.date));

  return (
    <>
      <form autocomplete="off" role="search" onSubmit={(e) => (e.preventDefault(), setSettled(query))}>
        <div class="field">
          <label for="search-input">{t('search.label')}</label>
          <p class="hint" id="search-hint">
            {t('search.hint')}
          </p>
          <input
            id="search-input"
            ref={input}
            type="search"
            value={query}
            aria-describedby="search-hint"
            autocomplete="off"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
      </form>
      <div role="status" class="status">
        {settled.trim() === '' ? null : total === 0 ? t('search.none', { query: settled }) : tn('search.count', total)}
      </div>
      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`hits-${g.kind}`} class="hit-group">
          <h3 id={`hits-${g.kind}`}>{t(`search.kind.${g.kind}`)}</h3>
          <WindowedList
            id={`hits-${g.kind}-list`}
            class="plain-list"
            labelledBy={`hits-${g.kind}`}
            size={SEARCH_PAGE}
            items={g.hits}
            keyOf={hitKey}
            renderItem={({ doc }) => (
              <>
                <RouteLink to={routeOf(doc, props.data, index)} go={props.go}>
                  {titleOf(doc)}
                </RouteLink>
                <span class="meta">, {dateOf(doc)}</span>
              </>
            )}
          />
        </section>
      ))}
    </>
  );
}
