/** Calendar invitations and feeds (.ics): read a file, then plan what it changes in the vault. */
export { calendarText, detectCalendar, readCalendar, MAX_EVENTS, type CalendarEvent, type CalendarFile, type CalendarReadOptions } from './parse';
export { eventKey, planCalendarImport, type CalendarChange, type CalendarPlan, type FeedSpan, type StoredCalendarEvent } from './merge';
