import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { FieldProblem } from '../FieldProblem';
import { formatMoney } from '../../domain/money';
import { formatCalendarDate } from '../../domain/calendar';
import { lineAmount, priceOverridden, type RecordModel } from './record-model';
import { LineInput } from './LineInput';
import { SplitOrder } from './SplitOrder';
import { paymentMethodLabel } from '../../domain/payment-method';

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
  const heading = model.editing
    ? t(model.kind === 'sample' ? 'record_edit_sample' : 'record_edit_purchase')
    : t(model.kind === 'sample' ? 'record_review_sample' : 'record_review_order');
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
      <h2 id="review-heading">{heading}</h2>
      <p class="muted">{t('record_for_contact', model.contact.name)}</p>
      <label>
        {t('record_purchase_date')}
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
              label={t('record_quantity')}
              whole
              value={line.quantityText}
              problemId={quantityId}
              problem={problems?.quantity}
              onInput={(quantityText) => model.updateLine(line.productId, { quantityText })}
            />
            <LineInput
              label={t('record_price')}
              value={line.priceText}
              problemId={priceId}
              problem={problems?.price}
              onInput={(priceText) => model.updateLine(line.productId, { priceText })}
            />
            <FieldProblem id={quantityId} text={problems?.quantity} />
            <FieldProblem id={priceId} text={problems?.price} />
            <span class="amount">{amount ? formatMoney(amount) : '—'}</span>
            {priceOverridden(line, model.kind) ? (
              <span class="muted overridden">
                {t('record_price_changed', formatMoney(line.catalogPrice))}
              </span>
            ) : null}
            <button type="button" class="link" onClick={() => model.removeLine(line.productId)}>
              {t('record_remove_line', line.name)}
            </button>
          </fieldset>
        );
      })}
      <label>
        {t('common_note')}
        <textarea
          value={model.note.value}
          aria-invalid={noteProblem ? true : undefined}
          aria-describedby={noteProblem ? 'note-problem' : undefined}
          onInput={(event) => (model.note.value = event.currentTarget.value)}
        />
      </label>
      {noteProblem ? <FieldProblem id="note-problem" text={noteProblem} /> : null}
      <p class="total">
        {t('record_total')} <strong>{total ? formatMoney(total) : '—'}</strong>
      </p>
      {model.kind === 'purchase' ? <PaymentFields model={model} /> : null}
      {model.editing ? null : model.split.value ? (
        <SplitOrder model={model.split.value} lines={model.lines.value} onStop={model.stopSplit} />
      ) : (
        <button type="button" class="secondary" onClick={model.startSplit}>
          {t('record_split')}
        </button>
      )}
      <ErrorMessage message={model.error.value} />
      {model.futureConfirmNeeded.value ? (
        <div role="alert" class="error">
          <p>{t('record_future_date', formatCalendarDate(model.purchaseDate.value))}</p>
          <button type="button" data-guard onClick={() => props.onConfirm(true)}>
            {t('record_with_future_date')}
          </button>
        </div>
      ) : null}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => model.back()}>
          {model.editing ? t('record_add_products') : t('common_back')}
        </button>
        <button type="submit" data-guard disabled={model.saving.value}>
          {model.editing ? t('record_save_changes') : t('record_confirm_order')}
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
        {t('record_payment_method')}
        <select
          value={method}
          aria-invalid={methodProblem ? true : undefined}
          aria-describedby={methodProblem ? 'method-problem' : undefined}
          onChange={(event) => model.setMethod(event.currentTarget.value)}
        >
          {method === '' ? <option value="">{t('record_not_recorded')}</option> : null}
          {model.methods.value.map((name) => (
            <option key={name} value={name}>
              {paymentMethodLabel(name)}
            </option>
          ))}
        </select>
      </label>
      {methodProblem ? <FieldProblem id="method-problem" text={methodProblem} /> : null}
      {available ? (
        <>
          <label>
            {t('record_use_store_credit')}
            <input
              inputMode="decimal"
              value={model.creditText.value}
              aria-invalid={creditProblem ? true : undefined}
              aria-describedby={creditProblem ? 'credit-available credit-problem' : 'credit-available'}
              onInput={(event) => model.setCreditText(event.currentTarget.value)}
            />
          </label>
          <p id="credit-available" class="muted">
            {t('record_credit_available', formatMoney(available))}
          </p>
          {creditProblem ? <FieldProblem id="credit-problem" text={creditProblem} /> : null}
          {rest && rest.minor > 0 && method !== '' ? (
            <p class="muted">{t('record_rest_to_pay', formatMoney(rest), method)}</p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
