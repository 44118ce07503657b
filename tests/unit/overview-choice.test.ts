/**
 * The overview's choice (src/ui/municipal/overview-choice.ts): the first steps only on *Now* of a
 * profile that holds nothing; letters or calendar files alone are enough for the views, and the
 * calendar (where calendar files are imported) can always be reached.
 */
import { describe, expect, it } from 'vitest';
import { overviewChoice } from '../../src/ui/municipal/overview-choice';
import { OVERVIEW_VIEWS } from '../../src/ui/routing/route';

const NOTHING = { municipal: false, ownEntries: false };

describe('what the overview shows', () => {
  it('shows the first steps on Now for a profile that holds nothing', () => {
    expect(overviewChoice('now', NOTHING)).toBe('first-steps');
  });

  it('shows the views when there are only entries from letters or calendar files', () => {
    expect(overviewChoice('now', { municipal: false, ownEntries: true })).toBe('views');
    expect(overviewChoice('calendar', { municipal: false, ownEntries: true })).toBe('views');
  });

  it('shows the views with municipal data, with or without own entries', () => {
    expect(overviewChoice('now', { municipal: true, ownEntries: false })).toBe('views');
    expect(overviewChoice('now', { municipal: true, ownEntries: true })).toBe('views');
  });

  it('keeps the calendar and its import (and every other view) reachable on an empty profile', () => {
    for (const view of [...OVERVIEW_VIEWS.filter((v) => v !== 'now'), 'case', 'document'] as const) expect(overviewChoice(view, NOTHING), view).toBe('views');
  });
});
