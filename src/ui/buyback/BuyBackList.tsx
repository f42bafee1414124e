import { BUY_BACK_STATUS_LABELS, buyBackNumber, buyBackTotal } from '../../domain/buyback';
import { t } from '../../domain/i18n';
import { formatInstantDate } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import { ErrorMessage } from '../ErrorMessage';
import { buyBackHref } from './address';
import type { BuyBackListModel } from './buyback-list-model';

export function BuyBackList(props: { model: BuyBackListModel }) {
  const { model } = props;
  const picking = model.picking.value;
  return (
    <section class="card" aria-labelledby="buy-backs-heading">
      <h2 id="buy-backs-heading">{t('buyback_list_heading')}</h2>
      <ErrorMessage message={model.error.value} />
      {picking === null ? (
        <button type="button" onClick={model.startPicking}>
          {t('buyback_new')}
        </button>
      ) : (
        <div role="group" aria-label={t('buyback_choose_seller')}>
          <label>
            {t('buyback_seller')}
            <input
              type="search"
              placeholder={t('buyback_seller_placeholder')}
              value={picking}
              onInput={(event) => void model.search(event.currentTarget.value)}
            />
          </label>
          <ul class="plain">
            {model.matches.value.map((contact) => (
              <li key={contact.id}>
                <button
                  type="button"
                  class="secondary"
                  disabled={model.starting.value}
                  onClick={() => void model.startFor(contact.id)}
                >
                  {t('buyback_buy_from', contact.name)}
                </button>{' '}
                <span class="muted">{contact.email ?? contact.phone ?? ''}</span>
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={model.stopPicking}>
            {t('buyback_cancel')}
          </button>
        </div>
      )}
      {model.buyBacks.value.length === 0 ? (
        <p class="muted">{t('buyback_none_yet')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('buyback_column_number')}</th>
              <th>{t('buyback_column_seller')}</th>
              <th>{t('buyback_column_status')}</th>
              <th class="num">{t('buyback_column_paid')}</th>
              <th>{t('buyback_column_started')}</th>
            </tr>
          </thead>
          <tbody>
            {model.buyBacks.value.map((buyBack) => (
              <tr key={buyBack.id}>
                <td>
                  <a href={buyBackHref(buyBack.id)}>{buyBackNumber(buyBack)}</a>
                </td>
                <td>{model.sellers.value.get(buyBack.contactId)?.name ?? '—'}</td>
                <td>{BUY_BACK_STATUS_LABELS[buyBack.status]}</td>
                <td class="num">{formatMoney(buyBackTotal(buyBack))}</td>
                <td>{formatInstantDate(buyBack.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
