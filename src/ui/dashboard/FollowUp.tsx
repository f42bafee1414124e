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
      <h2 id="reorder-heading">Due for reorder</h2>
      <p class="muted">
        From each contact’s purchase history: products they bought on two dates or more, due within{' '}
        {lookahead === 1 ? '1 day' : `${lookahead} days`} or overdue.
      </p>
      {rows.length === 0 ? (
        <p class="muted">Nothing is due for reorder.</p>
      ) : (
        <>
          <table aria-labelledby="reorder-heading">
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Product</th>
                <th scope="col">Last bought</th>
                <th scope="col" class="num">
                  Usually every
                </th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.contactId} ${row.productId}`} class={row.lapsed ? 'lapsed' : undefined}>
                  <td>{row.contactName}</td>
                  <td>{row.productName}</td>
                  <td>
                    <time dateTime={row.lastPurchaseDate}>{row.lastPurchaseDate}</time> ({row.lastQuantity} ×)
                  </td>
                  <td class="num" title={`from ${row.purchaseCount} purchases`}>
                    {row.intervalDays === 1 ? '1 day' : `${row.intervalDays} days`}
                  </td>
                  <td>
                    {row.daysUntilDue < 0 ? (
                      describeDue(row.daysUntilDue)
                    ) : (
                      <>
                        <time dateTime={row.dueDate}>{row.dueDate}</time> ({describeDue(row.daysUntilDue)})
                      </>
                    )}
                    {row.lapsed ? ' (lapsed)' : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.some((row) => row.lapsed) ? (
            <p class="muted">
              Lapsed: overdue by more than three usual intervals; the contact may have stopped buying it.
            </p>
          ) : null}
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
      <h2 id="conversion-heading">Sample conversion</h2>
      <p class="muted">
        A sample converts when the same contact buys the same product within the conversion window; one
        purchase converts one sample.
      </p>
      <form
        class="inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void model.saveConversionWindow(model.windowText.value);
        }}
      >
        <label>
          Conversion window (days)
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
        <p class="muted">No samples recorded yet.</p>
      ) : (
        <table aria-labelledby="conversion-heading">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" class="num">
                Samples
              </th>
              <th scope="col" class="num">
                Converted
              </th>
              <th scope="col" class="num">
                Rate
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((product) => (
              <tr key={product.productId}>
                <td>{product.productName}</td>
                <td class="num">{product.samples}</td>
                <td class="num">{product.converted}</td>
                <td class="num">{formatRate(product.rate)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All products</th>
              <td class="num">{overall.samples}</td>
              <td class="num">{overall.converted}</td>
              <td class="num">{overall.rate === null ? '—' : formatRate(overall.rate)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {overall.pending > 0 ? (
        <p class="muted">
          {overall.pending === 1 ? '1 sample is' : `${overall.pending} samples are`} still within the window
          and may yet convert.
        </p>
      ) : null}
    </section>
  );
}

/** 0.667 → "67%". */
export function formatRate(rate: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}
