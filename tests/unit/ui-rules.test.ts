import { describe, expect, it } from 'vitest';
import { needsBackupReminder } from '../../src/ui/backup-reminder';
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

  it('reminds when there are changes and no backup, or only an old one', () => {
    expect(needsBackupReminder({ lastBackupAt: null, changesSinceBackup: 1 }, now)).toBe(true);
    expect(needsBackupReminder({ lastBackupAt: daysAgo(8), changesSinceBackup: 3 }, now)).toBe(true);
  });

  it('stays quiet with a recent backup or nothing new', () => {
    expect(needsBackupReminder({ lastBackupAt: daysAgo(2), changesSinceBackup: 3 }, now)).toBe(false);
    expect(needsBackupReminder({ lastBackupAt: null, changesSinceBackup: 0 }, now)).toBe(false);
    expect(needsBackupReminder({ lastBackupAt: daysAgo(30), changesSinceBackup: 0 }, now)).toBe(false);
  });
});
