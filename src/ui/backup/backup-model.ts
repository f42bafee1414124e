import { computed, signal } from '@preact/signals';
import { holdsNoRecords } from '../../db/backup-read';
import { backupReminderDue } from '../../db/backup-schedule';
import { writeBackup } from '../../db/backup-write';
import type { TallyDatabase } from '../../db/database';
import { readSetting, writeSetting } from '../../db/settings';
import { blobTotals } from '../../domain/backup-manifest';
import {
  backupDue,
  type BackupReminder,
  type BackupSchedule,
  DEFAULT_BACKUP_SCHEDULE,
} from '../../domain/backup-schedule';
import { t, tPlural } from '../../domain/i18n';
import { failedWith, userAction } from '../user-action';

/** The browser's persistent storage (navigator.storage), absent where the browser has none. */
export interface PersistentStorage {
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

export interface BackupDeps {
  db: TallyDatabase;
  appVersion: string;
  download: (fileName: string, zip: Blob) => void;
  storage?: PersistentStorage | undefined;
  now?: () => Date;
  /** After a backup or a new reminder period: whatever else shows the reminder (the toolbar badge) looks again. */
  onScheduleChanged?: () => void;
}

/**
 * `Back up`, the reminder schedule and persistent storage. The first backup also asks the browser
 * to keep Tally's storage persistent (so it is not cleared when the disk runs low); when it says
 * no, `Make storage persistent` asks again.
 */
export function createBackupModel(deps: BackupDeps) {
  const now = () => deps.now?.() ?? new Date();
  const busy = signal(false);
  const error = signal<string | null>(null);
  const status = signal<string | null>(null);
  const schedule = signal<BackupSchedule>(DEFAULT_BACKUP_SCHEDULE);
  const persistent = signal<boolean | null>(null);
  const hasRecords = signal(false);
  const due = computed(() => hasRecords.value && backupDue(schedule.value, now()));
  const act = userAction({ busy, error });

  async function refresh(): Promise<void> {
    const [stored, empty, kept] = await Promise.all([
      readSetting(deps.db, 'backupSchedule'),
      holdsNoRecords(deps.db),
      deps.storage?.persisted().catch(() => false) ?? Promise.resolve(null),
    ]);
    schedule.value = stored;
    hasRecords.value = !empty;
    persistent.value = kept;
  }

  async function backUp(): Promise<void> {
    status.value = null;
    const first = !schedule.value.lastBackupAt;
    await act(failedWith('backup_failed'), async () => {
      const backup = await writeBackup(deps.db, { appVersion: deps.appVersion, now: now() });
      deps.download(backup.fileName, backup.zip);
      const rows = backup.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      const files = blobTotals(backup.manifest.files);
      status.value = t(
        'backup_done',
        backup.fileName,
        tPlural('backup_rows', rows),
        tPlural('backup_attachments', files.count),
      );
      if (first && persistent.value === false) await makePersistent();
      await refresh();
      deps.onScheduleChanged?.();
    });
  }

  async function makePersistent(): Promise<void> {
    if (!deps.storage) return;
    persistent.value = await deps.storage.persist().catch(() => false);
  }

  async function setReminder(remind: BackupReminder): Promise<void> {
    await act(failedWith('backup_reminder_failed'), async () => {
      const next = { ...(await readSetting(deps.db, 'backupSchedule')), remind };
      await writeSetting(deps.db, 'backupSchedule', next);
      schedule.value = next;
      deps.onScheduleChanged?.();
    });
  }

  return { busy, error, status, schedule, persistent, due, refresh, backUp, makePersistent, setReminder };
}

export type BackupModel = ReturnType<typeof createBackupModel>;

/** The sidebar's one line: whether a backup is due, read when the sidebar opens. */
export function createBackupReminderModel(deps: { db: TallyDatabase; now?: () => Date }) {
  const due = signal(false);
  async function refresh(): Promise<void> {
    due.value = await backupReminderDue(deps.db, deps.now?.() ?? new Date()).catch(() => false);
  }
  return { due, refresh };
}

export type BackupReminderModel = ReturnType<typeof createBackupReminderModel>;
