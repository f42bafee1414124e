import { t } from '../../domain/i18n';

/**
 * The one-line reminder that a backup is due: on the dashboard with `Back up now`, in the sidebar
 * as a link to the dashboard's Backup section.
 */
export function BackupReminder(props: { due: boolean; onBackUp?: () => void; href?: string }) {
  if (!props.due) return null;
  return (
    <p class="notice backup-reminder">
      {t('backup_reminder_due')}{' '}
      {props.onBackUp ? (
        <button type="button" onClick={props.onBackUp}>
          {t('backup_back_up_now')}
        </button>
      ) : props.href ? (
        <a href={props.href} target="_blank" rel="noreferrer">
          {t('backup_reminder_link')}
        </a>
      ) : null}
    </p>
  );
}
