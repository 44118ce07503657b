/**
 * The long views' methods (src/messaging/view-api.ts), answered from one view cache per
 * background: a view opens on a window of what it shows, read from records decoded once while
 * the vault is unlocked. A view added here reads through `this.cache` and derives its model with
 * `cache.derive`, so it is made again only when its kinds change.
 *
 * Warming: the page asks for `viewWarm` once *Now* is painted (the citizen is looking at this
 * profile's overview, and the background is otherwise idle), not at unlock: at unlock the
 * background answers *Now* and may sync, and a profile the citizen does not open should cost
 * neither the decryption nor the memory. A view opened while warming does not wait for the
 * warm-up (view-cache.ts), and finds what its steps already read.
 */
import type { ViewHandlers } from '../../messaging/handlers';
import type { Vault } from '../../vault/index';
import { calendarAll, calendarList, calendarMonth } from './calendar-view';
import { caseView } from './case-view';
import { heldOverview } from './overview-lists';
import { listViewHandlers } from './list-views';
import { ViewCache } from './view-cache';
import { WARM_ORDER } from './warm-order';

export class ViewService {
  readonly cache: ViewCache;

  constructor(vault: Vault) {
    this.cache = new ViewCache(vault);
  }

  /** A deleted profile's records go from memory with it. */
  forgetProfile(profileId: string): void {
    this.cache.forget(profileId);
  }

  readonly handlers: ViewHandlers = {
    viewCase: async ({ profileId, caseId }) => caseView(this.cache, profileId, caseId),
    viewCalendarList: async (args) => calendarList(this.cache, args),
    viewCalendarMonth: async (args) => calendarMonth(this.cache, args),
    viewCalendarAll: async ({ profileId }) => calendarAll(this.cache, profileId),
    viewOverviewLists: async ({ profileId, lists }) => heldOverview(this.cache, profileId, lists),
    viewWarm: async ({ profileId }) => {
      // Every view's model, a step at a time behind whatever a page asks (warm-order.ts).
      await this.cache.warm(profileId, WARM_ORDER);
      return null;
    },
    // Read when a request comes, by then the cache is made.
    ...listViewHandlers(() => this.cache),
  };
}
