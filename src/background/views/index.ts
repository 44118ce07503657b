/**
 * The long views' methods (src/messaging/view-api.ts), answered from one view cache per
 * background: a view opens on a window of what it shows, read from records decoded once while
 * the vault is unlocked. A view added here reads through `this.cache` and derives its model with
 * `cache.derive`, so it is made again only when its kinds change.
 */
import type { ViewHandlers } from '../../messaging/handlers';
import type { Vault } from '../../vault/index';
import { bestEffort } from '../../shared/best-effort';
import { calendarAll, calendarList, calendarMonth } from './calendar-view';
import { caseView } from './case-view';
import { listViewHandlers, warmListViews } from './list-views';
import { ViewCache } from './view-cache';

export class ViewService {
  readonly cache: ViewCache;

  constructor(vault: Vault) {
    this.cache = new ViewCache(vault);
  }

  /** Makes the long lists ahead of the first click on one (after *Now* was answered). */
  warm(profileId: string): Promise<void> {
    return bestEffort(warmListViews(this.cache, profileId), 'each view makes its list when it is opened, and reports a failure then');
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
    // Read when a request comes, by then the cache is made.
    ...listViewHandlers(() => this.cache),
  };
}
