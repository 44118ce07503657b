/**
 * How loudly to ask for a backup. A few changes since the last backup give a quiet badge on the
 * backup section; a banner above the screens only once enough has changed (a municipality's data
 * fetched, a bank file imported, many notes) or the last backup is old. A new vault with a
 * note or two is not shouted at.
 */
import type { Settings } from '../messaging/settings';

export type BackupNudge = 'none' | 'badge' | 'banner';

/** Changes (saves, imports, fetches) since the last backup that are worth a banner. */
export const ENOUGH_CHANGES = 25;
/** A backup older than this, with anything changed since, is worth a banner. */
export const STALE_BACKUP_DAYS = 30;

export function backupNudge(settings: Pick<Settings, 'lastBackupAt' | 'changesSinceBackup'>, now: Date): BackupNudge {
  if (settings.changesSinceBackup <= 0) return 'none';
  if (settings.changesSinceBackup >= ENOUGH_CHANGES) return 'banner';
  const last = settings.lastBackupAt === null ? Number.NaN : Date.parse(settings.lastBackupAt);
  if (!Number.isNaN(last) && now.getTime() - last > STALE_BACKUP_DAYS * 24 * 60 * 60 * 1000) return 'banner';
  return 'badge';
}
