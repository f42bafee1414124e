import type { ReconcileModel } from './reconcile-model';

/** The running job: its progress bar, what it is doing and `Cancel reconcile`. */
export function ReconcileProgress(props: { model: ReconcileModel }) {
  const { model } = props;
  const job = model.job.value;
  if (!job || !model.running.value) return null;
  return (
    <div class="reconcile-progress">
      <p>
        <progress aria-label="Reconcile progress" max={1} value={job.progress} /> {job.fileName}
      </p>
      <p class="muted" aria-live="polite">
        {model.progressText.value}
      </p>
      <button type="button" class="secondary" onClick={() => void model.cancelReconcile()}>
        Cancel reconcile
      </button>
    </div>
  );
}
