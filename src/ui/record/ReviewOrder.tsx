import { useLayoutEffect, useRef } from 'preact/hooks';
import { ErrorMessage } from '../ErrorMessage';
import { FieldProblem } from '../FieldProblem';
import { formatMoney } from '../../domain/money';
import { formatCalendarDate } from '../../domain/calendar';
import { lineAmount, priceOverridden, type RecordModel } from './record-model';
import { LineInput } from './LineInput';
import { SplitOrder } from './SplitOrder';

/** Review before saving: date, quantity and price per line, a note, the total. */
export function ReviewOrder(props: {
  model: RecordModel;
  onConfirm: (futureDateConfirmed?: boolean) => void;
}) {
  const { model } = props;
  const total = model.total.value;
  const check = model.check.value;
  const marked = model.attempted.value;
  const dateProblem = marked ? check.dateProblem : null;
  const noteProblem = marked ? model.noteProblem.value : null;
  const noun = model.kind === 'sample' ? 'sample' : 'order';
  // Keyboard users continue where the review starts: the purchase date. A layout effect runs
  // before the screen is drawn, so it never takes focus from a field the user already clicked.
  const dateRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => dateRef.current?.focus(), []);
  return (
    <form
      aria-labelledby="review-heading"
      class="card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onConfirm();
      }}
    >
      <h2 id="review-heading">{model.editing ? `Edit ${model.kind}` : `Review ${noun}`}</h2>
      <p class="muted">For {model.contact.name}</p>
      <label>
        Purchase date
        <input
          type="date"
          ref={dateRef}
          required
          value={model.purchaseDate.value}
          aria-invalid={dateProblem ? true : undefined}
          aria-describedby={dateProblem ? 'date-problem' : undefined}
          onInput={(event) => model.setPurchaseDate(event.currentTarget.value)}
        />
      </label>
      {dateProblem ? <FieldProblem id="date-problem" text={dateProblem} /> : null}
      {model.lines.value.map((line) => {
        const amount = lineAmount(line);
        const problems = marked ? check.lineProblems.get(line.productId) : undefined;
        const quantityId = `quantity-problem-${line.productId}`;
        const priceId = `price-problem-${line.productId}`;
        return (
          <fieldset key={line.productId} class="line" aria-label={line.name}>
            <legend>
              {line.name} <span class="muted">{line.sku}</span>
            </legend>
            <LineInput
              label="Quantity"
              whole
              value={line.quantityText}
              problemId={quantityId}
              problem={problems?.quantity}
              onInput={(quantityText) => model.updateLine(line.productId, { quantityText })}
            />
            <LineInput
              label="Price"
              value={line.priceText}
              problemId={priceId}
              problem={problems?.price}
              onInput={(priceText) => model.updateLine(line.productId, { priceText })}
            />
            <FieldProblem id={quantityId} text={problems?.quantity} />
            <FieldProblem id={priceId} text={problems?.price} />
            <span class="amount">{amount ? formatMoney(amount) : '—'}</span>
            {priceOverridden(line, model.kind) ? (
              <span class="muted overridden">Price changed (catalog {formatMoney(line.catalogPrice)})</span>
            ) : null}
            <button type="button" class="link" onClick={() => model.removeLine(line.productId)}>
              Remove {line.name}
            </button>
          </fieldset>
        );
      })}
      <label>
        Note
        <textarea
          value={model.note.value}
          aria-invalid={noteProblem ? true : undefined}
          aria-describedby={noteProblem ? 'note-problem' : undefined}
          onInput={(event) => (model.note.value = event.currentTarget.value)}
        />
      </label>
      {noteProblem ? <FieldProblem id="note-problem" text={noteProblem} /> : null}
      <p class="total">
        Total <strong>{total ? formatMoney(total) : '—'}</strong>
      </p>
      {model.kind === 'purchase' ? <PaymentFields model={model} /> : null}
      {model.editing ? null : model.split.value ? (
        <SplitOrder model={model.split.value} lines={model.lines.value} onStop={model.stopSplit} />
      ) : (
        <button type="button" class="secondary" onClick={model.startSplit}>
          Split among contacts
        </button>
      )}
      <ErrorMessage message={model.error.value} />
      {model.futureConfirmNeeded.value ? (
        <div role="alert" class="error">
          <p>
            The purchase date, {formatCalendarDate(model.purchaseDate.value)}, is in the future. Record it
            anyway?
          </p>
          <button type="button" onClick={() => props.onConfirm(true)}>
            Record with a future date
          </button>
        </div>
      ) : null}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => model.back()}>
          {model.editing ? 'Add products' : 'Back'}
        </button>
        <button type="submit" disabled={model.saving.value}>
          {model.editing ? 'Save changes' : 'Confirm order'}
        </button>
      </div>
    </form>
  );
}

/** `Payment method`, and `Use store credit` when the contact has credit in the order's currency. */
function PaymentFields(props: { model: RecordModel }) {
  const { model } = props;
  const marked = model.attempted.value;
  const check = model.paymentCheck.value;
  const methodProblem = marked ? check.methodProblem : null;
  const creditProblem = marked ? check.creditProblem : null;
  const method = model.method.value;
  const available = model.creditAvailable.value;
  const credit = check.payment?.storeCredit;
  const total = model.total.value;
  const rest = credit && total ? { ...total, minor: total.minor - credit.minor } : null;
  return (
    <>
      <label>
        Payment method
        <select
          value={method}
          aria-invalid={methodProblem ? true : undefined}
          aria-describedby={methodProblem ? 'method-problem' : undefined}
          onChange={(event) => model.setMethod(event.currentTarget.value)}
        >
          {method === '' ? <option value="">Not recorded</option> : null}
          {model.methods.value.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {methodProblem ? <FieldProblem id="method-problem" text={methodProblem} /> : null}
      {available ? (
        <>
          <label>
            Use store credit
            <input
              inputMode="decimal"
              value={model.creditText.value}
              aria-invalid={creditProblem ? true : undefined}
              aria-describedby={creditProblem ? 'credit-available credit-problem' : 'credit-available'}
              onInput={(event) => model.setCreditText(event.currentTarget.value)}
            />
          </label>
          <p id="credit-available" class="muted">
            Store credit available: {formatMoney(available)}
          </p>
          {creditProblem ? <FieldProblem id="credit-problem" text={creditProblem} /> : null}
          {rest && rest.minor > 0 && method !== '' ? (
            <p class="muted">
              {formatMoney(rest)} to pay by {method}
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
