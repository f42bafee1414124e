import { SELLER_ID_FIELDS, SELLER_ID_LABELS, STORE_CREDIT } from '../../domain/buyback';
import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { StatusMessage } from '../StatusMessage';
import { paymentMethodLabel } from '../../domain/payment-method';
import type { BuyBackSettingsModel } from './buy-back-settings-model';

// Labels stack their field under the text (theme.css); a checkbox reads better beside it.
const checkboxLabel = { flexDirection: 'row', alignItems: 'center', gap: '6px' } as const;
const plainList = { listStyle: 'none', margin: '4px 0', padding: 0 } as const;

/** How the shop buys: hold period, the seller identification a payout needs, payment methods. */
export function BuyBackSettings(props: { model: BuyBackSettingsModel }) {
  const { model } = props;
  const holdDaysError = model.holdDaysError.value;
  const newMethodError = model.newMethodError.value;
  const methodsError = model.methodsError.value;
  return (
    <section aria-labelledby="buy-back-settings-heading" class="card">
      <h2 id="buy-back-settings-heading">{t('dashboard_buy_back_settings')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void model.save();
        }}
      >
        <label>
          {t('dashboard_hold_period')}
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            step={1}
            value={model.holdDaysText.value}
            aria-invalid={holdDaysError ? true : undefined}
            aria-describedby={holdDaysError ? 'hold-days-error' : 'hold-days-hint'}
            onInput={(event) => model.setHoldDaysText(event.currentTarget.value)}
          />
        </label>
        {holdDaysError ? (
          <p id="hold-days-error" role="alert" class="error">
            {holdDaysError}
          </p>
        ) : (
          <p id="hold-days-hint" class="muted">
            {t('dashboard_hold_period_hint')}
          </p>
        )}

        <fieldset>
          <legend>{t('dashboard_required_seller_id')}</legend>
          <p class="muted">{t('dashboard_required_seller_id_hint')}</p>
          {SELLER_ID_FIELDS.map((field) => (
            <label key={field} style={checkboxLabel}>
              <input
                type="checkbox"
                checked={model.requiredSellerId.value.includes(field)}
                onChange={(event) => model.setRequired(field, event.currentTarget.checked)}
              />
              {SELLER_ID_LABELS[field]}
            </label>
          ))}
        </fieldset>

        <fieldset aria-describedby={methodsError ? 'payment-methods-error' : undefined}>
          <legend>{t('dashboard_payment_methods')}</legend>
          <ul style={plainList}>
            {model.paymentMethods.value.map((method, index) => {
              const name = method.name.trim() || t('dashboard_payment_method_unnamed', String(index + 1));
              return (
                <li key={method.key} class="row-actions">
                  <input
                    type="text"
                    aria-label={t('dashboard_payment_method_number', String(index + 1))}
                    value={method.name}
                    onInput={(event) => model.renameMethod(method.key, event.currentTarget.value)}
                  />
                  <button type="button" class="secondary" onClick={() => model.removeMethod(method.key)}>
                    {t('dashboard_remove_named', name)}
                  </button>
                </li>
              );
            })}
          </ul>
          {methodsError ? (
            <p id="payment-methods-error" role="alert" class="error">
              {methodsError}
            </p>
          ) : null}
          <div class="row-actions">
            <label>
              {t('dashboard_add_payment_method')}
              <input
                type="text"
                value={model.newMethod.value}
                aria-invalid={newMethodError ? true : undefined}
                aria-describedby={newMethodError ? 'new-payment-method-error' : undefined}
                onInput={(event) => model.setNewMethod(event.currentTarget.value)}
                onKeyDown={(event) => {
                  // Enter adds the method; it must not save the whole form half-typed.
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  model.addMethod();
                }}
              />
            </label>
            <button type="button" class="secondary" onClick={model.addMethod}>
              {t('dashboard_add_payment_method')}
            </button>
          </div>
          {newMethodError ? (
            <p id="new-payment-method-error" role="alert" class="error">
              {newMethodError}
            </p>
          ) : null}
          <p class="muted">
            {model.offersStoreCredit.value
              ? t('dashboard_store_credit_offered', paymentMethodLabel(STORE_CREDIT))
              : t('dashboard_store_credit_offer', paymentMethodLabel(STORE_CREDIT))}
          </p>
        </fieldset>

        <ErrorMessage message={model.error.value} />
        <StatusMessage message={model.status.value} />
        <div class="actions">
          <button type="submit" disabled={model.busy.value}>
            {t('dashboard_save_buy_back_settings')}
          </button>
        </div>
      </form>
    </section>
  );
}
