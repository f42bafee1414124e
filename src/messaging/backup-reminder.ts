import type { TallyDatabase } from '../db/database';
import { backupReminderDue } from '../db/backup-schedule';
import { t } from '../domain/i18n';

/** The worker's daily look at whether a backup is due. */
export const BACKUP_REMINDER_ALARM = 'tally-backup-reminder';
const DAY_MINUTES = 24 * 60;

/** The part of `browser.action` the reminder uses: the toolbar button's badge and title. */
export interface ToolbarBadge {
  setBadgeText(details: { text: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** The part of `browser.alarms` the reminder uses. */
export interface ReminderAlarms {
  get(name: string): Promise<unknown>;
  create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void> | void;
}

/**
 * The toolbar button says a backup is due ("!" and a title saying so) while the dashboard's
 * reminder would show, and nothing otherwise. An empty title falls back to the extension's name.
 * Resolves to whether a backup is due.
 */
export async function showBackupReminder(
  db: TallyDatabase,
  badge: ToolbarBadge,
  now: Date,
): Promise<boolean> {
  const due = await backupReminderDue(db, now);
  await badge.setBadgeText({ text: due ? '!' : '' });
  await badge.setTitle({ title: due ? t('backup_badge_title') : '' });
  return due;
}

/**
 * In the worker: a daily alarm, created once (the worker restarts every few minutes, and
 * creating it again would push it back each time), and a look as the worker starts.
 */
export function backupReminderWorker(deps: {
  db: () => TallyDatabase;
  badge: ToolbarBadge;
  alarms: ReminderAlarms;
  now?: () => Date;
}) {
  const check = () =>
    showBackupReminder(deps.db(), deps.badge, deps.now?.() ?? new Date()).catch((error: unknown) => {
      // The badge is a hint; the dashboard's own reminder reads the database itself.
      console.error('Tally: the backup reminder could not be read.', error);
      return false;
    });
  return {
    async start(): Promise<void> {
      try {
        if (!(await deps.alarms.get(BACKUP_REMINDER_ALARM))) {
          await deps.alarms.create(BACKUP_REMINDER_ALARM, {
            delayInMinutes: DAY_MINUTES,
            periodInMinutes: DAY_MINUTES,
          });
        }
      } catch (error) {
        console.error('Tally: the backup reminder alarm could not be set.', error);
      }
      await check();
    },
    /** On any alarm: the reminder's own is checked (the returned look resolves to whether a backup is due). */
    onAlarm(alarm: { name: string }): Promise<boolean> | undefined {
      return alarm.name === BACKUP_REMINDER_ALARM ? check() : undefined;
    },
  };
}
