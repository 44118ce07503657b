/** When to nudge the user to take a backup: changes exist and no backup in the last week. */
import type { Settings } from '../messaging/settings';

export const BACKUP_REMINDER_DAYS = 7;

export function needsBackupReminder(settings: Pick<Settings, 'lastBackupAt' | 'changesSinceBackup'>, now: Date): boolean {
  if (settings.changesSinceBackup <= 0) return false;
  if (settings.lastBackupAt === null) return true;
  const last = Date.parse(settings.lastBackupAt);
  if (Number.isNaN(last)) return true;
  return now.getTime() - last > BACKUP_REMINDER_DAYS * 24 * 60 * 60 * 1000;
}
