import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { StatusMessage } from '../StatusMessage';
import { PeriodInputs } from './PeriodInputs';
import type { StatementModel } from './statement-model';

/** A contact's purchases over a period, as a PDF or CSV to give the customer. */
export function CustomerStatement(props: { model: StatementModel }) {
  const { model } = props;
  const period = model.fields.period.value;
  const disabled = model.busy.value || period === null;
  return (
    <section aria-labelledby="statement-heading" class="card report">
      <h2 id="statement-heading">{t('reports_customer_statement')}</h2>
      <p class="muted">{t('reports_customer_statement_about')}</p>
      <div class="report-controls">
        <PeriodInputs fields={model.fields} />
      </div>
      {model.summary.value ? <p data-field="statement-summary">{model.summary.value}</p> : null}
      <div class="actions">
        <button type="button" disabled={disabled} onClick={() => void model.downloadPdf()}>
          {t('reports_download_statement_pdf')}
        </button>
        <button type="button" class="secondary" disabled={disabled} onClick={() => void model.downloadCsv()}>
          {t('reports_download_statement_csv')}
        </button>
      </div>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
    </section>
  );
}
