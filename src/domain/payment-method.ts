import { STORE_CREDIT, TRADE_IN } from './buyback';
import { t } from './i18n';

/**
 * A payment method as the user reads it. Methods are the shop's own names, shown as typed,
 * except Tally's two built-in ones, stored under fixed English names that the payout code
 * recognises (STORE_CREDIT, TRADE_IN): those are shown in the UI language.
 */
export function paymentMethodLabel(method: string): string {
  if (method === STORE_CREDIT) return t('buyback_method_store_credit');
  if (method === TRADE_IN) return t('buyback_method_trade_in');
  return method;
}

/**
 * The stored name of a method the user typed: store credit's label in the UI language (or its
 * stored name, in any case) is store credit; any other name is the shop's own, trimmed.
 */
export function storedPaymentMethod(typed: string): string {
  const name = typed.trim();
  const lower = name.toLowerCase();
  if (lower === STORE_CREDIT.toLowerCase() || lower === t('buyback_method_store_credit').toLowerCase()) {
    return STORE_CREDIT;
  }
  return name;
}
