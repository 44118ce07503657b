/** Letters the citizen imports: the letter, a case of the citizen's own, and what goes in the calendar. */
export * from './letter';
export * from './to-records';
