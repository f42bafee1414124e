import { t, tPlural, uiLanguage } from '../../domain/i18n';
import { formatCalendarDate, formatCount } from '../../domain/locale-format';
import { describeDue } from '../../domain/reorder';
import { ErrorMessage } from '../ErrorMessage';
import type { FollowUpModel } from './follow-up-model';

/** Who is due to reorder what, and how often samples turn into purchases. */
export function FollowUp(props: { model: FollowUpModel }) {
  return (
    <>
      <ErrorMessage message={props.model.error.value} />
      <DueForReorder model={props.model} />
      <SampleConversion model={props.model} />
    </>
  );
}

function DueForReorder(props: { model: FollowUpModel }) {
  const { model } = props;
  const rows = model.due.value;
  const lookahead = model.lookaheadDays.value;
  return (
    <section aria-labelledby="reorder-heading" class="card">
      <h2 id="reorder-heading">{t('dashboard_due_for_reorder')}</h2>
      <p class="muted">{tPlural('dashboard_reorder_about', lookahead)}</p>
      {rows.length === 0 ? (
        <p class="muted">{t('dashboard_nothing_due')}</p>
      ) : (
        <>
          <table aria-labelledby="reorder-heading">
            <thead>
              <tr>
                <th scope="col">{t('dashboard_contact')}</th>
                <th scope="col">{t('dashboard_product')}</th>
                <th scope="col">{t('dashboard_last_bought')}</th>
                <th scope="col" class="num">
                  {t('dashboard_usually_every')}
                </th>
                <th scope="col">{t('dashboard_due')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.contactId} ${row.productId}`} class={row.lapsed ? 'lapsed' : undefined}>
                  <td>{row.contactName}</td>
                  <td>{row.productName}</td>
                  <td>
                    <time dateTime={row.lastPurchaseDate}>{formatCalendarDate(row.lastPurchaseDate)}</time>{' '}
                    {t('dashboard_last_quantity', formatCount(row.lastQuantity))}
                  </td>
                  <td class="num" title={tPlural('dashboard_from_purchases', row.purchaseCount)}>
                    {tPlural('dashboard_days', row.intervalDays)}
                  </td>
                  <td>
                    {row.daysUntilDue < 0 ? (
                      describeDue(row.daysUntilDue)
                    ) : (
                      <>
                        <time dateTime={row.dueDate}>{formatCalendarDate(row.dueDate)}</time> (
                        {describeDue(row.daysUntilDue)})
                      </>
                    )}
                    {row.lapsed ? ` ${t('dashboard_lapsed')}` : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.some((row) => row.lapsed) ? <p class="muted">{t('dashboard_lapsed_about')}</p> : null}
        </>
      )}
    </section>
  );
}

function SampleConversion(props: { model: FollowUpModel }) {
  const { model } = props;
  const { products, overall } = model.conversion.value;
  const windowError = model.windowError.value;
  return (
    <section aria-labelledby="conversion-heading" class="card">
      <h2 id="conversion-heading">{t('dashboard_sample_conversion')}</h2>
      <p class="muted">{t('dashboard_sample_conversion_about')}</p>
      <form
        class="inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void model.saveConversionWindow(model.windowText.value);
        }}
      >
        <label>
          {t('dashboard_conversion_window')}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            value={model.windowText.value}
            aria-invalid={windowError ? true : undefined}
            aria-describedby={windowError ? 'conversion-window-error' : undefined}
            onInput={(event) => (model.windowText.value = event.currentTarget.value)}
            onChange={(event) => void model.saveConversionWindow(event.currentTarget.value)}
          />
        </label>
      </form>
      {windowError ? (
        <p id="conversion-window-error" role="alert" class="error">
          {windowError}
        </p>
      ) : null}
      {products.length === 0 ? (
        <p class="muted">{t('dashboard_no_samples')}</p>
      ) : (
        <table aria-labelledby="conversion-heading">
          <thead>
            <tr>
              <th scope="col">{t('dashboard_product')}</th>
              <th scope="col" class="num">
                {t('dashboard_samples')}
              </th>
              <th scope="col" class="num">
                {t('dashboard_converted')}
              </th>
              <th scope="col" class="num">
                {t('dashboard_rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((product) => (
              <tr key={product.productId}>
                <td>{product.productName}</td>
                <td class="num">{formatCount(product.samples)}</td>
                <td class="num">{formatCount(product.converted)}</td>
                <td class="num">{formatRate(product.rate)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('dashboard_all_products')}</th>
              <td class="num">{formatCount(overall.samples)}</td>
              <td class="num">{formatCount(overall.converted)}</td>
              <td class="num">{overall.rate === null ? '—' : formatRate(overall.rate)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {overall.pending > 0 ? (
        <p class="muted">{tPlural('dashboard_samples_pending', overall.pending)}</p>
      ) : null}
    </section>
  );
}

/** 0.667 → "67%". */
export function formatRate(rate: number, locale: string = uiLanguage()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}
