import { formatMoney, type Money } from '../../domain/money';
import { todayLocal } from '../../domain/dates';
import type { StoreCreditEntry } from '../../domain/store-credit';
import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { formatCalendarDate } from '../../domain/calendar';
import type { StoreCreditModel } from './store-credit-model';

/**
 * The contact's store credit (from buy-backs paid out in it), and the `Store credit ledger` of
 * every grant and spend behind it. Nothing at all for a contact who never had any.
 */
export function StoreCredit(props: { model: StoreCreditModel }) {
  const { model } = props;
  const entries = model.entries.value;
  const balances = model.balances.value;
  if (entries.length === 0) return <ErrorMessage message={model.error.value} />;
  const open = model.ledgerOpen.value;
  return (
    <section aria-label={t('sidebar_store_credit')} class="card">
      <ErrorMessage message={model.error.value} />
      <p data-field="store-credit">
        {balances.length > 0 ? (
          <>
            {t('sidebar_store_credit_balance')}{' '}
            <strong class="amount">{balances.map((money) => formatMoney(money)).join(' + ')}</strong>
          </>
        ) : (
          <span class="muted">{t('sidebar_no_store_credit_left')}</span>
        )}
      </p>
      <button
        type="button"
        class="link"
        aria-expanded={open}
        aria-controls="store-credit-ledger"
        onClick={model.toggleLedger}
      >
        {t('sidebar_store_credit_ledger')}
      </button>
      {open ? (
        <ol id="store-credit-ledger" class="entry-lines">
          {entries.map((entry) => (
            <li key={entry.id}>
              <LedgerEntry entry={entry} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function LedgerEntry(props: { entry: StoreCreditEntry }) {
  const { entry } = props;
  const day = todayLocal(new Date(entry.createdAt));
  return (
    <>
      <time dateTime={day}>{formatCalendarDate(day)}</time> <span class="amount">{signed(entry.amount)}</span>{' '}
      <span class="muted">{entry.text}</span>
    </>
  );
}

/** "+$50.00" for credit given, "−$10.00" (a real minus sign) for credit spent. */
function signed(money: Money): string {
  const text = formatMoney({ ...money, minor: Math.abs(money.minor) });
  return money.minor < 0 ? `\u2212${text}` : `+${text}`;
}
