import { describe, expect, it } from 'vitest';
import { backupNudge, ENOUGH_CHANGES, RECENT_BACKUP_DAYS, STALE_BACKUP_DAYS } from '../../src/ui/backup-reminder';
import { checkNewPassphrase, isStrongEnough } from '../../src/ui/passphrase-rule';

describe('passphrase rule', () => {
  it('accepts 12 characters or 4 words', () => {
    expect(isStrongEnough('abcdefghijkl')).toBe(true);
    expect(isStrongEnough('æøåæøåæøåæøå')).toBe(true);
    expect(isStrongEnough('ko på tag nu')).toBe(true);
    expect(isStrongEnough('abcdefghijk')).toBe(false);
    expect(isStrongEnough('tre små ord')).toBe(false);
    expect(isStrongEnough('            ')).toBe(false);
  });

  it('asks for the same passphrase twice', () => {
    expect(checkNewPassphrase('kaffe på trappen', 'kaffe på trappen')).toBe('ok');
    expect(checkNewPassphrase('kaffe på trappen', 'kaffe paa trappen')).toBe('mismatch');
    expect(checkNewPassphrase('kort', 'kort')).toBe('too-weak');
  });
});

describe('backup reminder', () => {
  const now = new Date('2025-03-20T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

  it('is a quiet badge while only a little has changed and no backup is recent', () => {
    expect(backupNudge({ lastBackupAt: null, changesSinceBackup: 1 }, now)).toBe('badge');
    expect(backupNudge({ lastBackupAt: null, changesSinceBackup: ENOUGH_CHANGES - 1 }, now)).toBe('badge');
    expect(backupNudge({ lastBackupAt: daysAgo(RECENT_BACKUP_DAYS + 1), changesSinceBackup: 3 }, now)).toBe('badge');
    expect(backupNudge({ lastBackupAt: daysAgo(STALE_BACKUP_DAYS - 1), changesSinceBackup: 3 }, now)).toBe('badge');
    expect(backupNudge({ lastBackupAt: 'not a date', changesSinceBackup: 3 }, now)).toBe('badge');
  });

  it('lets a recent backup cover a few changes since', () => {
    expect(backupNudge({ lastBackupAt: daysAgo(0), changesSinceBackup: 1 }, now)).toBe('none');
    expect(backupNudge({ lastBackupAt: daysAgo(RECENT_BACKUP_DAYS - 1), changesSinceBackup: ENOUGH_CHANGES - 1 }, now)).toBe('none');
  });

  it('becomes a banner once enough has changed, or the last backup is old', () => {
    expect(backupNudge({ lastBackupAt: null, changesSinceBackup: ENOUGH_CHANGES }, now)).toBe('banner');
    expect(backupNudge({ lastBackupAt: daysAgo(1), changesSinceBackup: 400 }, now)).toBe('banner');
    expect(backupNudge({ lastBackupAt: daysAgo(STALE_BACKUP_DAYS + 1), changesSinceBackup: 1 }, now)).toBe('banner');
  });

  it('says nothing when nothing changed since the last backup', () => {
    expect(backupNudge({ lastBackupAt: null, changesSinceBackup: 0 }, now)).toBe('none');
    expect(backupNudge({ lastBackupAt: daysAgo(300), changesSinceBackup: 0 }, now)).toBe('none');
  });
});
