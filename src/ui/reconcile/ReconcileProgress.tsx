import { t } from '../../domain/i18n';
import { reconcileFileButton, useFocusHandoff } from './focus-handoff';
import type { ReconcileModel } from './reconcile-model';

/** The running job: its progress bar, what it is doing and `Cancel reconcile`. */
export function ReconcileProgress(props: { model: ReconcileModel }) {
  const { model } = props;
  const job = model.job.value;
  if (!job || !model.running.value) return null;
  return <RunningJob model={model} fileName={job.fileName} progress={job.progress} />;
}

/** Shown while the job runs; `Cancel reconcile` holding the focus hands it to the file button as it ends. */
function RunningJob(props: { model: ReconcileModel; fileName: string; progress: number }) {
  const { model } = props;
  const ref = useFocusHandoff<HTMLDivElement>((element) => [reconcileFileButton(element)]);
  return (
    <div class="reconcile-progress" ref={ref}>
      <p>
        <progress aria-label={t('reconcile_progress_label')} max={1} value={props.progress} />{' '}
        {props.fileName}
      </p>
      {/* No live region: read out four times a second it would drown the outcome's status. */}
      <p class="muted">{model.progressText.value}</p>
      {model.stallNotice.value ? (
        <p role="status" class="notice">
          {model.stallNotice.value}
        </p>
      ) : null}
      <button type="button" class="secondary" onClick={() => void model.cancelReconcile()}>
        {t('reconcile_cancel')}
      </button>
    </div>
  );
}
