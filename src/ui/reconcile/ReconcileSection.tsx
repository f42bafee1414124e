import type { ReconcileOffer } from '../../db/reconcile-tables';
import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { FileButton } from '../FileButton';
import { StatusMessage } from '../StatusMessage';
import { EXPORT_FILE_TYPES, ReconcileDropZone } from './DropZone';
import { reconcileFileButton, useFocusHandoff } from './focus-handoff';
import { MappingForm } from './MappingForm';
import { ReconcileOptionsFields } from './ReconcileOptionsFields';
import { ReconcileProgress } from './ReconcileProgress';
import { ReconcileResults } from './ReconcileResults';
import type { ReconcileModel } from './reconcile-model';
import type { ReconcileResultsModel } from './results-model';

/** The dashboard's **Reconcile** section: a file in, the job's progress, the latest results. */
export function ReconcileSection(props: { model: ReconcileModel; results: ReconcileResultsModel }) {
  const { model } = props;
  const mapping = model.mapping.value;
  const offer = model.offer.value;
  return (
    <section id="reconcile" aria-labelledby="reconcile-heading" class="card reconcile">
      <h2 id="reconcile-heading">{t('reconcile_heading')}</h2>
      {offer ? <DownloadOffer model={model} offer={offer} /> : null}
      <ReconcileDropZone model={model} />
      <ReconcileOptionsFields model={model.options} />
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {mapping ? (
        <MappingForm
          form={mapping}
          onConfirm={() => void model.confirmColumns()}
          onCancel={model.cancelColumns}
        />
      ) : null}
      <ReconcileProgress model={model} />
      <ReconcileResults model={props.results} />
    </section>
  );
}

/** A CSV just downloaded from a known back office, offered for reconciling. */
function DownloadOffer(props: { model: ReconcileModel; offer: ReconcileOffer }) {
  const { model, offer } = props;
  // Taken up or dismissed, it goes away: the focus goes to the file button.
  const ref = useFocusHandoff<HTMLDivElement>((element) => [reconcileFileButton(element)]);
  return (
    <div class="notice reconcile-offer" role="status" ref={ref}>
      <p>{t('reconcile_offer_text', offer.fileName, offer.origin)}</p>
      <div class="actions">
        <FileButton accept={EXPORT_FILE_TYPES} onFile={(file) => void model.chooseFile(file, 'offer')}>
          {t('reconcile_offer_choose', offer.fileName)}
        </FileButton>
        <button type="button" class="secondary" onClick={() => void model.dismissOffer()}>
          {t('reconcile_offer_dismiss')}
        </button>
      </div>
    </div>
  );
}
