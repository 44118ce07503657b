/** "Now": what matters today — open cases, what comes next, the latest money and the newest letters. */
import type { CalendarEntry } from './calendar';
import { calendarEntries, isUpcoming } from './calendar';
import { danishDay, addDays } from '../shared/danish-time';
import type { Item, OverviewData } from './model';
import { isOpenCase } from './model';
import type { Case, Document, Payment } from '../municipal/api/schemas';

export interface NowSummary {
  openCases: Item<Case>[];
  /** Appointments still ahead, earliest first. */
  appointments: CalendarEntry[];
  /** Deadlines and last days to appeal still ahead, earliest first. */
  deadlines: CalendarEntry[];
  latestPayments: Item<Payment>[];
  /** Documents dated within the last `newDocumentDays` days, newest first. */
  newDocuments: Item<Document>[];
}

export function nowSummary(data: OverviewData, now: number, options: { limit?: number; newDocumentDays?: number } = {}): NowSummary {
  const limit = options.limit ?? 5;
  const upcoming = calendarEntries(data).filter((e) => isUpcoming(e, now));
  const since = addDays(danishDay(now), -(options.newDocumentDays ?? 30));
  return {
    openCases: data.cases.filter((c) => isOpenCase(c.record)).sort((a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt)),
    appointments: upcoming.filter((e) => e.kind === 'appointment').slice(0, limit),
    deadlines: upcoming.filter((e) => e.kind !== 'appointment').slice(0, limit),
    latestPayments: data.payments
      .filter((p) => p.record.status !== 'scheduled')
      .sort((a, b) => b.record.payoutDate.localeCompare(a.record.payoutDate))
      .slice(0, limit),
    newDocuments: data.documents
      .filter((d) => d.record.date >= since)
      .sort((a, b) => b.record.date.localeCompare(a.record.date))
      .slice(0, limit),
  };
}
