/**
 * User settings kept in extension storage. Nothing here is personal: only numbers and dates
 * about the vault itself, never record content.
 */
import { z } from 'zod';

/** Up to five lead times, from five minutes to thirty days. */
export const ReminderLeadMinutes = z
  .array(
    z
      .number()
      .int()
      .min(5)
      .max(30 * 24 * 60),
  )
  .max(5);

export const SettingsSchema = z.object({
  autoLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  lastBackupAt: z.string().nullable().default(null),
  /** Writes since the last backup: drives the reminder to back up. */
  changesSinceBackup: z.number().int().nonnegative().default(0),
  /** How long before an appointment or deadline to remind, in minutes; empty turns reminders off. */
  reminderLeadMinutes: ReminderLeadMinutes.default(() => [2 * 24 * 60, 2 * 60]),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Where settings live: extension storage in the browser, a Map in unit tests. */
export interface SettingsStorage {
  get(): Promise<unknown>;
  set(value: Settings): Promise<void>;
}

export async function loadSettings(storage: SettingsStorage): Promise<Settings> {
  const parsed = SettingsSchema.safeParse((await storage.get()) ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** A change to some settings, as the setSettings message's schema gives it (an optional field may hold undefined). */
export type SettingsPatch = { [K in keyof Settings]?: Settings[K] | undefined };

export async function updateSettings(storage: SettingsStorage, patch: SettingsPatch): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings(storage)), ...patch });
  await storage.set(next);
  return next;
}
