import { BACKUP_REMINDERS, type BackupReminder } from '../../domain/backup-schedule';
import { t } from '../../domain/i18n';
import { formatInstant } from '../../domain/locale-format';
import { ErrorMessage } from '../ErrorMessage';
import { FileButton } from '../FileButton';
import { SelectField } from '../SelectField';
import { StatusMessage } from '../StatusMessage';
import type { BackupModel } from './backup-model';
import { RestorePreview } from './RestorePreview';
import type { RestoreModel } from './restore-model';

function reminderLabel(remind: BackupReminder): string {
  switch (remind) {
    case 'off':
      return t('backup_remind_off');
    case 'daily':
      return t('backup_remind_daily');
    case 'weekly':
      return t('backup_remind_weekly');
    case 'monthly':
      return t('backup_remind_monthly');
  }
}

/** The dashboard's `Back up` and `Restore`, the reminder schedule and persistent storage. */
export function BackupSection(props: { backup: BackupModel; restore: RestoreModel }) {
  const { backup, restore } = props;
  const schedule = backup.schedule.value;
  const persistent = backup.persistent.value;
  const busy = backup.busy.value || restore.busy.value;
  return (
    <section id="backup" aria-labelledby="backup-heading" class="card">
      <h2 id="backup-heading">{t('backup_heading')}</h2>
      <p class="muted">
        {schedule.lastBackupAt ? t('backup_last', formatInstant(schedule.lastBackupAt)) : t('backup_never')}
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void backup.backUp()}>
          {t('backup_back_up')}
        </button>
        <FileButton
          accept=".zip,application/zip"
          class="secondary"
          disabled={busy}
          onFile={(file) => void restore.chooseFile(file)}
        >
          {t('backup_restore')}
        </FileButton>
      </div>
      <ErrorMessage message={backup.error.value} />
      <StatusMessage message={backup.status.value} />
      <ErrorMessage message={restore.error.value} />
      <StatusMessage message={restore.status.value} />
      {restore.preview.value ? <RestorePreview model={restore} preview={restore.preview.value} /> : null}
      <SelectField
        label={t('backup_remind_label')}
        value={schedule.remind}
        onChange={(value) => void backup.setReminder(value as BackupReminder)}
      >
        {BACKUP_REMINDERS.map((remind) => (
          <option key={remind} value={remind}>
            {reminderLabel(remind)}
          </option>
        ))}
      </SelectField>
      {persistent === null ? null : persistent ? (
        <p class="muted">{t('backup_storage_persistent')}</p>
      ) : (
        <p class="muted">
          {t('backup_storage_not_persistent')}{' '}
          <button type="button" class="secondary" onClick={() => void backup.makePersistent()}>
            {t('backup_make_persistent')}
          </button>
        </p>
      )}
    </section>
  );
}
