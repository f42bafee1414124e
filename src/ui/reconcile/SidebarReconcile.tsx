import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { ReconcileDropZone } from './DropZone';
import { MappingForm } from './MappingForm';
import { ReconcileProgress } from './ReconcileProgress';
import type { ReconcileModel } from './reconcile-model';

/**
 * The sidebar's compact drop zone: the same reconcile as the dashboard's, ending in a summary and
 * a link to the full results there.
 */
export function SidebarReconcile(props: { model: ReconcileModel; resultsHref: string }) {
  const { model } = props;
  const mapping = model.mapping.value;
  const finished = model.finished.value;
  return (
    <section aria-label={t('reconcile_sidebar_label')} class="card reconcile compact">
      <ReconcileDropZone model={model} compact />
      <ErrorMessage message={model.error.value} />
      {mapping ? (
        <MappingForm
          form={mapping}
          onConfirm={() => void model.confirmColumns()}
          onCancel={model.cancelColumns}
        />
      ) : null}
      <ReconcileProgress model={model} />
      {finished && !model.running.value ? (
        <p role="status" class="notice">
          {finished.already
            ? t('reconcile_sidebar_already', model.summary.value ?? '')
            : t('reconcile_sidebar_done', model.summary.value ?? '')}{' '}
          <a href={props.resultsHref} target="_blank" rel="noopener">
            {t('reconcile_sidebar_open_results')}
          </a>
        </p>
      ) : model.status.value ? (
        <p role="status" class="notice">
          {model.status.value}
        </p>
      ) : null}
    </section>
  );
}
