import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import type { DealerReportModel } from './dealer-report-model';

/** The day's second-hand purchases with seller identification, for shops that must report them. */
export function DealerReport(props: { model: DealerReportModel }) {
  const { model } = props;
  const dayError = model.dayError.value;
  const summary = model.summary.value;
  return (
    <section aria-labelledby="dealer-report-heading" class="card">
      <h2 id="dealer-report-heading">{t('dashboard_dealer_report')}</h2>
      <p class="muted">{t('dashboard_dealer_report_about')}</p>
      <form
        class="inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void model.exportReport();
        }}
      >
        <label>
          {t('dashboard_report_date')}
          <input
            type="date"
            value={model.dayText.value}
            aria-invalid={dayError ? true : undefined}
            aria-describedby={dayError ? 'dealer-report-date-error' : undefined}
            onChange={(event) => void model.chooseDay(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={model.busy.value || dayError !== null}>
          {t('dashboard_export_dealer_report')}
        </button>
      </form>
      {dayError ? (
        <p id="dealer-report-date-error" role="alert" class="error">
          {dayError}
        </p>
      ) : null}
      {summary && !dayError ? <p role="status">{summary}</p> : null}
      <ErrorMessage message={model.error.value} />
    </section>
  );
}
