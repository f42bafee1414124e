import type { Dexie } from 'dexie';
import { backupDue } from '../domain/backup-schedule';
import { holdsNoRecords } from './backup-read';
import type { TallyDatabase } from './database';
import { readSetting } from './settings';

/** Whether to remind the user to back up now: the schedule says so and there is something to keep. */
export async function backupReminderDue(db: TallyDatabase, now: Date): Promise<boolean> {
  const schedule = await readSetting(db, 'backupSchedule');
  return backupDue(schedule, now) && !(await holdsNoRecords(db as Dexie));
}
