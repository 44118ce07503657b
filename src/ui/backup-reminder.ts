/**
 * How loudly to ask for a backup. A few changes and no recent backup give a quiet badge on the
 * backup section; a banner above the screens only once enough has changed (a municipality's data
 * fetched, a bank file imported, many notes) or the last backup is old. A new vault with a note
 * or two is not shouted at, and a backup of this week covers a few changes since.
 */
import type { Settings } from '../messaging/settings';

export type BackupNudge = 'none' | 'badge' | 'banner';

/** Changes (saves, imports, fetches) since the last backup that are worth a banner. */
export const ENOUGH_CHANGES = 25;
/** A backup this recent covers a few changes since (the backup's own log entry is one). */
export const RECENT_BACKUP_DAYS = 7;
/** A backup older than this, with anything changed since, is worth a banner. */
export const STALE_BACKUP_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export function backupNudge(settings: Pick<Settings, 'lastBackupAt' | 'changesSinceBackup'>, now: Date): BackupNudge {
  if (settings.changesSinceBackup <= 0) return 'none';
  if (settings.changesSinceBackup >= ENOUGH_CHANGES) return 'banner';
  const last = settings.lastBackupAt === null ? Number.NaN : Date.parse(settings.lastBackupAt);
  if (Number.isNaN(last)) return 'badge';
  const age = now.getTime() - last;
  if (age > STALE_BACKUP_DAYS * DAY_MS) return 'banner';
  return age > RECENT_BACKUP_DAYS * DAY_MS ? 'badge' : 'none';
}
