/**
 * The vault page's address as state: the screen follows the hash (Back, Forward, a bookmark, a
 * reload), and moving to a screen writes its address. Only ids go into the address — never what
 * the citizen typed (a search, a note): addresses end up in the browser's history on disk.
 */
import { createContext } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatRoute, parseRoute, type OverviewRoute, type VaultRoute } from './route';

export interface RouteControl {
  route: VaultRoute;
  /** Moves to `next`: a new history entry, or in place of the current one (`replace`) for corrections the citizen did not ask for. */
  go: (next: VaultRoute, options?: { replace?: boolean }) => void;
}

function write(route: VaultRoute, replace: boolean): void {
  const hash = formatRoute(route);
  if (hash === location.hash) return;
  if (replace) history.replaceState(history.state, '', hash);
  else history.pushState(history.state, '', hash);
}

/**
 * The route in the address, or `landing()` when the address names none. A landing is not written
 * into the address: the page lands afresh (it may choose another screen later, see MainScreen)
 * until the citizen moves, and a reload lands the same way.
 */
export function useVaultRoute(landing: () => VaultRoute): RouteControl {
  const [route, setRoute] = useState<VaultRoute>(() => parseRoute(location.hash) ?? landing());

  useEffect(() => {
    const follow = () => {
      const arrived = parseRoute(location.hash) ?? landing();
      // Back fires both popstate and hashchange: the same place is not a new screen.
      setRoute((current) => (formatRoute(current) === formatRoute(arrived) ? current : arrived));
    };
    // pushState fires no event; the browser's own moves (Back, Forward, a typed address) do.
    addEventListener('popstate', follow);
    addEventListener('hashchange', follow);
    return () => {
      removeEventListener('popstate', follow);
      removeEventListener('hashchange', follow);
    };
  }, []);

  const go = useCallback((next: VaultRoute, options: { replace?: boolean } = {}) => {
    write(next, options.replace ?? false);
    setRoute(next);
  }, []);
  return { route, go };
}

/** The address of a place in the overview, for real links (open in a new tab, copy, bookmark). */
export const OverviewHref = createContext<(to: OverviewRoute) => string>((to) => formatRoute({ section: 'overview', profileId: null, overview: to }));
