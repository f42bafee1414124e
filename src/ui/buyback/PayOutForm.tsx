import { buyBackTotal, TRADE_IN, type BuyBack } from '../../domain/buyback';
import { t } from '../../domain/i18n';
import { formatCalendarDate } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import { recordTotal } from '../../domain/purchase';
import { SelectField } from '../SelectField';
import type { BuyBackModel } from './buyback-model';
import { paymentMethodLabel } from '../../domain/payment-method';

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
        {t('buyback_pay_out_amount', formatMoney(model.draft.value?.total.value ?? buyBackTotal(buyBack)))}
      </h3>
      <label>
        {t('buyback_payment_method')}
        <select
          value={payout.method.value}
          onChange={(event) => (payout.method.value = event.currentTarget.value)}
        >
          {model.payoutMethods.value.map((method) => (
            <option key={method} value={method}>
              {paymentMethodLabel(method)}
            </option>
          ))}
        </select>
      </label>
      {tradeIn ? (
        <SelectField
          label={t('buyback_trade_in_purchase')}
          value={payout.tradeInPurchaseId.value}
          onChange={(value) => (payout.tradeInPurchaseId.value = value)}
        >
          <option value="">{t('buyback_choose_purchase')}</option>
          {model.purchases.value.map((purchase) => (
            <option key={purchase.id} value={purchase.id}>
              {formatCalendarDate(purchase.purchaseDate)} ·{' '}
              {purchase.lines.map((line) => line.name).join(', ')} · {formatMoney(recordTotal(purchase))}
            </option>
          ))}
        </SelectField>
      ) : null}
      <label>
        {t('buyback_reference_number')}
        <input
          value={payout.reference.value}
          maxLength={100}
          onInput={(event) => (payout.reference.value = event.currentTarget.value)}
        />
      </label>
      <label>
        {t('buyback_message')}
        <textarea
          rows={2}
          maxLength={500}
          value={payout.message.value}
          onInput={(event) => (payout.message.value = event.currentTarget.value)}
        />
      </label>
      {payout.blocked.value ? (
        <div class="blocked" role="group" aria-label={t('buyback_do_not_buy_block')}>
          <p class="error">{payout.blocked.value}</p>
          <label>
            {t('buyback_override_reason')}
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
          {payout.blocked.value ? t('buyback_pay_out_anyway') : t('buyback_pay_out')}
        </button>
      </div>
    </form>
  );
}
