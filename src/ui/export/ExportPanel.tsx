import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { ErrorMessage } from '../ErrorMessage';
import { StatusMessage } from '../StatusMessage';
import { ExportFilters } from './ExportFilters';
import type { PurchaseExportModel } from './export-model';
import { PresetChooser } from './PresetEditor';

/**
 * The `Export purchases` panel: a modal dialog, so its field names (From, Status…) are the only
 * ones on screen while it is open, and Escape closes it.
 */
export function ExportPanel(props: { model: PurchaseExportModel }) {
  const { model } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const open = model.open.value;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const progress = model.progress.value;
  return (
    <dialog
      ref={dialog}
      class="export-panel"
      aria-labelledby="export-purchases-heading"
      onClose={model.close}
    >
      {open ? (
        <>
          <h2 id="export-purchases-heading">{t('export_heading')}</h2>
          <ExportFilters model={model.filters} />
          <PresetChooser model={model.presets} />
          <ErrorMessage message={model.error.value} />
          {progress ? (
            <p class="export-progress">
              <progress
                aria-label={t('export_progress_label')}
                max={progress.total}
                value={progress.written}
              />{' '}
              {/* Not a live region: read out every 30 ms it would drown the result that follows. */}
              <span>{t('export_progress', formatCount(progress.written), formatCount(progress.total))}</span>
            </p>
          ) : (
            <StatusMessage message={model.status.value} />
          )}
          <div class="actions">
            {/* aria-disabled, not disabled, while writing: a disabled button loses focus, and
                download() ignores a second press itself. */}
            <button
              type="button"
              aria-disabled={model.busy.value ? 'true' : undefined}
              onClick={() => void model.download()}
            >
              {t('export_download')}
            </button>
            <button type="button" class="secondary" onClick={model.close}>
              {t('export_close')}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
