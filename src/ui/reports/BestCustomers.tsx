import { formatCalendarDate } from '../../domain/calendar';
import { t, tPlural } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import { RANK_BY, RANK_BY_LABELS, type BestCustomer, type RankBy } from '../../domain/reports/best-customers';
import { contactHref } from '../contacts/address';
import { ErrorMessage } from '../ErrorMessage';
import { SelectField } from '../SelectField';
import { StatusMessage } from '../StatusMessage';
import type { BestCustomersModel } from './best-customers-model';
import { PeriodInputs } from './PeriodInputs';

/** Who bought the most over a period, ranked, with the whole ranking as a CSV file. */
export function BestCustomers(props: { model: BestCustomersModel }) {
  const { model } = props;
  const period = model.fields.period.value;
  const rows = model.rows.value;
  const visible = model.visibleRows.value;
  const others = model.otherCurrencies.value;
  const locale = model.locale;
  return (
    <section aria-labelledby="best-customers-heading" class="card report">
      <h3 id="best-customers-heading">{t('reports_best_customers')}</h3>
      <form
        class="report-controls"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void model.exportCsv();
        }}
      >
        <PeriodInputs fields={model.fields} onChange={model.changed} />
        <SelectField
          label={t('reports_rank_by')}
          value={model.rankBy.value}
          onChange={(value) => model.chooseRankBy(value as RankBy)}
        >
          {RANK_BY.map((key) => (
            <option key={key} value={key}>
              {RANK_BY_LABELS[key]}
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={model.busy.value || period === null}>
          {t('reports_export_best_customers')}
        </button>
      </form>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {period && model.loaded.value ? (
        <p class="muted" data-field="best-customers-summary">
          {rows.length === 0
            ? t(
                'reports_nobody_bought',
                formatCalendarDate(period.from, locale),
                formatCalendarDate(period.to, locale),
              )
            : tPlural(
                'reports_customers_bought',
                rows.length,
                formatCalendarDate(period.from, locale),
                formatCalendarDate(period.to, locale),
              )}
          {others.length > 0 ? ` ${t('reports_ranked_in', model.currency.value, others.join(', '))}` : ''}
        </p>
      ) : null}
      {visible.length > 0 ? (
        <table aria-labelledby="best-customers-heading">
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('reports_rank')}
              </th>
              <th scope="col">{t('reports_name')}</th>
              <th scope="col">{t('reports_company')}</th>
              <th scope="col" class="num">
                {t('reports_orders')}
              </th>
              <th scope="col" class="num">
                {t('reports_spend')}
              </th>
              <th scope="col" class="num">
                {t('reports_average_order')}
              </th>
              <th scope="col">{t('reports_last_purchase')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <Row key={row.contactId} row={row} locale={locale} />
            ))}
          </tbody>
        </table>
      ) : null}
      {rows.length > visible.length ? (
        <button type="button" class="secondary" onClick={model.showMore}>
          {t('reports_show_more')}
        </button>
      ) : null}
    </section>
  );
}

function Row(props: { row: BestCustomer; locale: string }) {
  const { row, locale } = props;
  const last = row.stats.lastPurchaseDate;
  return (
    <tr>
      <td class="num">{formatCount(row.rank)}</td>
      <th scope="row">
        <a href={contactHref(row.contactId)}>{row.name}</a>
      </th>
      <td>{row.company ?? ''}</td>
      <td class="num">{formatCount(row.stats.purchaseCount)}</td>
      <td class="num">{row.byCurrency.map((figures) => formatMoney(figures.spend, locale)).join(' + ')}</td>
      <td class="num">
        {row.byCurrency.map((figures) => formatMoney(figures.averageOrder, locale)).join(' + ')}
      </td>
      <td>{last ? <time dateTime={last}>{formatCalendarDate(last, locale)}</time> : '—'}</td>
    </tr>
  );
}
