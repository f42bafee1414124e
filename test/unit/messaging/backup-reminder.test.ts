import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { writeSetting } from '../../../src/db/settings';
import {
  BACKUP_REMINDER_ALARM,
  backupReminderWorker,
  type ToolbarBadge,
} from '../../../src/messaging/backup-reminder';
import { makeContact } from '../../support/contacts';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

/** The toolbar button as the user sees it. */
function toolbar() {
  const shown = { text: '', title: '' };
  const badge: ToolbarBadge = {
    setBadgeText: async ({ text }) => void (shown.text = text),
    setTitle: async ({ title }) => void (shown.title = title),
  };
  return { shown, badge };
}

function alarms() {
  const created = new Map<string, { delayInMinutes: number; periodInMinutes: number }>();
  return {
    created,
    get: async (name: string) => created.get(name),
    create: (name: string, info: { delayInMinutes: number; periodInMinutes: number }) =>
      void created.set(name, info),
  };
}

const NOW = new Date('2026-03-10T12:00:00.000Z');

describe("the toolbar button's backup reminder", () => {
  it('shows "!" with a title saying why while a backup is due, and nothing once it is made', async () => {
    const { shown, badge } = toolbar();
    const worker = backupReminderWorker({ db: () => db, badge, alarms: alarms(), now: () => NOW });
    await worker.start();
    // Nothing to keep yet: no reminder.
    expect(shown).toEqual({ text: '', title: '' });

    await db.contacts.add(makeContact({ name: 'Ada Lovelace' }));
    expect(await worker.onAlarm({ name: BACKUP_REMINDER_ALARM })).toBe(true);
    expect(shown.text).toBe('!');
    expect(shown.title).toBe('Tally: a backup is due — your records exist only on this computer.');

    await writeSetting(db, 'backupSchedule', { remind: 'weekly', lastBackupAt: '2026-03-09T12:00:00.000Z' });
    expect(await worker.onAlarm({ name: BACKUP_REMINDER_ALARM })).toBe(false);
    expect(shown.text).toBe('');
    expect(shown.title).toBe('');
  });

  it('checks daily, creating the alarm once however often the worker restarts, and ignores other alarms', async () => {
    const { shown, badge } = toolbar();
    const clock = alarms();
    await db.contacts.add(makeContact({ name: 'Ada Lovelace' }));
    await backupReminderWorker({ db: () => db, badge, alarms: clock, now: () => NOW }).start();
    const first = clock.created.get(BACKUP_REMINDER_ALARM);
    expect(first).toEqual({ delayInMinutes: 1440, periodInMinutes: 1440 });
    clock.created.set(BACKUP_REMINDER_ALARM, { ...first!, delayInMinutes: 3 });
    await backupReminderWorker({ db: () => db, badge, alarms: clock, now: () => NOW }).start();
    // Not pushed back to a full day by the restart.
    expect(clock.created.get(BACKUP_REMINDER_ALARM)?.delayInMinutes).toBe(3);

    shown.text = 'unchanged';
    const other = backupReminderWorker({ db: () => db, badge, alarms: clock, now: () => NOW }).onAlarm({
      name: 'tally-reconcile-resume',
    });
    expect(other).toBeUndefined();
    expect(shown.text).toBe('unchanged');
  });
});
