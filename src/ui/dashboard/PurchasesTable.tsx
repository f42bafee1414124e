import { t } from '../../domain/i18n';
import { formatCalendarDate, formatCount } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import { recordTotal } from '../../domain/purchase';
import { outcomeLabel, type RecordedOutcome } from '../../domain/reconcile';
import { ExportPanel } from '../export/ExportPanel';
import { PURCHASES_SHOWN, type DashboardModel } from './dashboard-model';

/**
 * The newest recorded purchases and samples with what the latest reconciliation found for each,
 * and `Export purchases` (all of them, or those its filters keep).
 */
export function PurchasesTable(props: { model: DashboardModel }) {
  const { model } = props;
  const records = model.purchases.value;
  const shown = records.slice(0, PURCHASES_SHOWN);
  const statuses = model.statuses.value;
  return (
    <section aria-labelledby="purchases-heading" class="card">
      <h2 id="purchases-heading">{t('dashboard_recorded_purchases')}</h2>
      <div class="actions">
        <button type="button" onClick={() => void model.exporter.show()} disabled={records.length === 0}>
          {t('dashboard_export_purchases')}
        </button>
      </div>
      <ExportPanel model={model.exporter} />
      {records.length === 0 ? (
        <p class="muted">{t('dashboard_nothing_recorded')}</p>
      ) : (
        <>
          {records.length > shown.length ? (
            <p class="muted">
              {t('dashboard_newest_of', formatCount(shown.length), formatCount(records.length))}
            </p>
          ) : null}
          <table aria-labelledby="purchases-heading">
            <thead>
              <tr>
                <th scope="col">{t('dashboard_date')}</th>
                <th scope="col">{t('dashboard_contact')}</th>
                <th scope="col">{t('dashboard_kind')}</th>
                <th scope="col">{t('dashboard_products')}</th>
                <th scope="col" class="num">
                  {t('dashboard_total')}
                </th>
                <th scope="col">{t('dashboard_status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((record) => (
                <tr key={record.id}>
                  <td>
                    <time dateTime={record.purchaseDate}>{formatCalendarDate(record.purchaseDate)}</time>
                  </td>
                  <td>
                    {model.contacts.value.get(record.contactId)?.name ?? t('dashboard_unknown_contact')}
                  </td>
                  <td>
                    {record.kind === 'sample' ? t('dashboard_kind_sample') : t('dashboard_kind_purchase')}
                  </td>
                  <td>
                    {record.lines
                      .map((line) => t('dashboard_line', formatCount(line.quantity), line.name))
                      .join(', ')}
                  </td>
                  <td class="num">{formatMoney(recordTotal(record))}</td>
                  <td>{statusText(statuses.get(record.id)?.outcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The outcome as everywhere else, or nothing while no reconciliation has judged the order. */
function statusText(outcome: RecordedOutcome | undefined): string {
  return outcome ? outcomeLabel(outcome) : '';
}
