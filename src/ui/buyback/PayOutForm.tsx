import { buyBackTotal, TRADE_IN, type BuyBack } from '../../domain/buyback';
import { formatMoney } from '../../domain/money';
import { recordTotal } from '../../domain/purchase';
import { formatCalendarDate } from '../../domain/calendar';
import { SelectField } from '../SelectField';
import type { BuyBackModel } from './buyback-model';

/** `Pay out`: how the seller is paid; a block from the do-not-buy list needs a typed reason. */
export function PayOutForm(props: { model: BuyBackModel; buyBack: BuyBack }) {
  const { model, buyBack } = props;
  const { payout } = model;
  const tradeIn = payout.method.value === TRADE_IN;
  return (
    <form
      class="card"
      aria-labelledby="payout-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void model.payOut();
      }}
    >
      <h3 id="payout-heading">
        Pay out {formatMoney(model.draft.value?.total.value ?? buyBackTotal(buyBack))}
      </h3>
      <label>
        Payment method
        <select
          value={payout.method.value}
          onChange={(event) => (payout.method.value = event.currentTarget.value)}
        >
          {model.payoutMethods.value.map((method) => (
            <option key={method} value={method}>
              {method}
            </option>
          ))}
        </select>
      </label>
      {tradeIn ? (
        <SelectField
          label="Purchase to net against"
          value={payout.tradeInPurchaseId.value}
          onChange={(value) => (payout.tradeInPurchaseId.value = value)}
        >
          <option value="">Choose a purchase</option>
          {model.purchases.value.map((purchase) => (
            <option key={purchase.id} value={purchase.id}>
              {formatCalendarDate(purchase.purchaseDate)} ·{' '}
              {purchase.lines.map((line) => line.name).join(', ')} · {formatMoney(recordTotal(purchase))}
            </option>
          ))}
        </SelectField>
      ) : null}
      <label>
        Reference number
        <input
          value={payout.reference.value}
          maxLength={100}
          onInput={(event) => (payout.reference.value = event.currentTarget.value)}
        />
      </label>
      <label>
        Message
        <textarea
          rows={2}
          maxLength={500}
          value={payout.message.value}
          onInput={(event) => (payout.message.value = event.currentTarget.value)}
        />
      </label>
      {payout.blocked.value ? (
        <div class="blocked" role="group" aria-label="Do-not-buy block">
          <p class="error">{payout.blocked.value}</p>
          <label>
            Override reason
            <input
              value={payout.override.value}
              maxLength={2000}
              onInput={(event) => (payout.override.value = event.currentTarget.value)}
            />
          </label>
        </div>
      ) : null}
      <div class="actions">
        <button
          type="submit"
          disabled={model.busy.value || (payout.blocked.value !== null && !payout.override.value.trim())}
        >
          {payout.blocked.value ? 'Pay out anyway' : 'Pay out'}
        </button>
      </div>
    </form>
  );
}
