import { ErrorMessage } from '../ErrorMessage';
import { formatMoney } from '../../domain/money';
import { lineAmount, priceOverridden, type RecordModel } from './record-model';

/** Review before saving: date, quantity and price per line, a note, the total. */
export function ReviewOrder(props: { model: RecordModel; onConfirm: () => void }) {
  const { model } = props;
  const total = model.total.value;
  return (
    <form
      aria-labelledby="review-heading"
      class="card"
      onSubmit={(event) => {
        event.preventDefault();
        props.onConfirm();
      }}
    >
      <h2 id="review-heading">Review {model.kind === 'sample' ? 'sample' : 'order'}</h2>
      <p class="muted">For {model.contact.name}</p>
      <label>
        Purchase date
        <input
          type="date"
          required
          value={model.purchaseDate.value}
          onInput={(event) => (model.purchaseDate.value = event.currentTarget.value)}
        />
      </label>
      {model.lines.value.map((line) => {
        const amount = lineAmount(line);
        const overridden = priceOverridden(line);
        return (
          <fieldset key={line.product.id} class="line" aria-label={line.product.name}>
            <legend>
              {line.product.name} <span class="muted">{line.product.sku}</span>
            </legend>
            <label>
              Quantity
              <input
                inputMode="numeric"
                value={line.quantityText}
                onInput={(event) =>
                  model.updateLine(line.product.id, { quantityText: event.currentTarget.value })
                }
              />
            </label>
            <label>
              Price
              <input
                inputMode="decimal"
                value={line.priceText}
                onInput={(event) =>
                  model.updateLine(line.product.id, { priceText: event.currentTarget.value })
                }
              />
            </label>
            <span class="amount">{amount ? formatMoney(amount) : '—'}</span>
            {overridden ? <span class="muted"> (catalog {formatMoney(line.product.price)})</span> : null}
            <button type="button" class="link" onClick={() => model.removeLine(line.product.id)}>
              Remove {line.product.name}
            </button>
          </fieldset>
        );
      })}
      <label>
        Note
        <textarea
          value={model.note.value}
          onInput={(event) => (model.note.value = event.currentTarget.value)}
        />
      </label>
      <p class="total">
        Total <strong>{total ? formatMoney(total) : '—'}</strong>
      </p>
      <ErrorMessage message={model.error.value} />
      <div class="actions">
        <button type="button" class="secondary" onClick={() => model.back()}>
          Back
        </button>
        <button type="submit" disabled={model.saving.value}>
          Confirm order
        </button>
      </div>
    </form>
  );
}
