import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupReminderDue } from '../../../src/db/backup-schedule';
import { TallyDatabase } from '../../../src/db/database';
import { readSetting, writeSetting } from '../../../src/db/settings';
import { backupDue } from '../../../src/domain/backup-schedule';
import { createBackupModel, type PersistentStorage } from '../../../src/ui/backup/backup-model';
import { makeContact } from '../../support/contacts';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const DAY = 24 * 60 * 60 * 1000;
const LAST = '2026-03-01T12:00:00.000Z';
const after = (days: number) => new Date(new Date(LAST).getTime() + days * DAY);

describe('when a backup is due', () => {
  it('follows the chosen period from the last backup; never when off', () => {
    expect(backupDue({ remind: 'weekly' }, after(0))).toBe(true);
    expect(backupDue({ remind: 'weekly', lastBackupAt: LAST }, after(6.9))).toBe(false);
    expect(backupDue({ remind: 'weekly', lastBackupAt: LAST }, after(7))).toBe(true);
    expect(backupDue({ remind: 'daily', lastBackupAt: LAST }, after(1))).toBe(true);
    expect(backupDue({ remind: 'monthly', lastBackupAt: LAST }, after(29))).toBe(false);
    expect(backupDue({ remind: 'off' }, after(1000))).toBe(false);
  });

  it('reminds only when there are records to keep, every 7 days by default', async () => {
    expect(await readSetting(db, 'backupSchedule')).toEqual({ remind: 'weekly' });
    expect(await backupReminderDue(db, after(0))).toBe(false);
    await db.contacts.add(makeContact({ name: 'Ada Lovelace' }));
    expect(await backupReminderDue(db, after(0))).toBe(true);
    await writeSetting(db, 'backupSchedule', { remind: 'weekly', lastBackupAt: LAST });
    expect(await backupReminderDue(db, after(3))).toBe(false);
    expect(await backupReminderDue(db, after(8))).toBe(true);
  });
});

describe('the Backup section', () => {
  function storage(granted: boolean) {
    const asked: string[] = [];
    const fake: PersistentStorage = {
      persisted: async () => granted,
      persist: async () => {
        asked.push('persist');
        return granted;
      },
    };
    return { fake, asked };
  }

  it('downloads the zip, records the backup, stops reminding, and asks for persistent storage the first time', async () => {
    await db.contacts.add(makeContact({ name: 'Ada Lovelace' }));
    const downloads: { name: string; zip: Blob }[] = [];
    const { fake, asked } = storage(false);
    let now = after(0);
    const model = createBackupModel({
      db,
      appVersion: '0.1.0',
      download: (name, zip) => downloads.push({ name, zip }),
      storage: fake,
      now: () => now,
    });
    await model.refresh();
    expect(model.due.value).toBe(true);
    expect(model.persistent.value).toBe(false);

    await model.backUp();
    expect(model.error.value).toBeNull();
    expect(downloads.map((download) => download.name)).toEqual([`tally-backup-2026-03-01.zip`]);
    expect(model.status.value).toMatch(
      /^Saved tally-backup-2026-03-01\.zip: \d+ rows and 0 attached files\.$/,
    );
    expect(model.due.value).toBe(false);
    expect(asked).toEqual(['persist']);

    now = after(1);
    await model.backUp();
    // Asked on the first backup only; the button asks again.
    expect(asked).toEqual(['persist']);
    await model.makePersistent();
    expect(asked).toEqual(['persist', 'persist']);
  });

  it('saves the reminder the user chooses', async () => {
    const model = createBackupModel({ db, appVersion: '0.1.0', download: () => undefined });
    await model.setReminder('off');
    expect(await readSetting(db, 'backupSchedule')).toEqual({ remind: 'off' });
    expect(model.schedule.value.remind).toBe('off');
  });
});
