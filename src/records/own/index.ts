/** The citizen's own records: files attached to records, and correction requests. */
export * from './attachment';
export * from './correction-request';
export * from './calendar-event';
