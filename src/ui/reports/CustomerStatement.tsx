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
      <h2 id="statement-heading">Customer statement</h2>
      <p class="muted">
        The purchases in a period with their products, payments and totals, and samples given at no charge,
        under the shop details of the receipt template.
      </p>
      <div class="report-controls">
        <PeriodInputs fields={model.fields} />
      </div>
      {model.summary.value ? <p data-field="statement-summary">{model.summary.value}</p> : null}
      <div class="actions">
        <button type="button" disabled={disabled} onClick={() => void model.downloadPdf()}>
          Download statement (PDF)
        </button>
        <button type="button" class="secondary" disabled={disabled} onClick={() => void model.downloadCsv()}>
          Download statement (CSV)
        </button>
      </div>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
    </section>
  );
}
