import { z } from 'zod';
import { Instant } from './dates';

/** How often Tally reminds the user to back up. */
export const BACKUP_REMINDERS = ['off', 'daily', 'weekly', 'monthly'] as const;
export type BackupReminder = (typeof BACKUP_REMINDERS)[number];

const REMINDER_DAYS: Record<BackupReminder, number | null> = {
  off: null,
  daily: 1,
  weekly: 7,
  monthly: 30,
};

/** The `backupSchedule` setting: the reminder chosen and when the last backup was made. */
export const BackupSchedule = z.object({
  remind: z.enum(BACKUP_REMINDERS),
  lastBackupAt: Instant.optional(),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { remind: 'weekly' };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a backup is due: the reminder is on and there never was one, or the last is older than
 * its period. (The caller also asks whether there is anything to back up.)
 */
export function backupDue(schedule: BackupSchedule, now: Date): boolean {
  const days = REMINDER_DAYS[schedule.remind];
  if (days === null) return false;
  if (!schedule.lastBackupAt) return true;
  return now.getTime() - new Date(schedule.lastBackupAt).getTime() >= days * DAY_MS;
}
