import { todayLocal } from '../../domain/dates';
import { t } from '../../domain/i18n';
import { formatCalendarDate } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import {
  PURCHASE_ORDER_STATUS_LABELS,
  purchaseOrderNumber,
  purchaseOrderTotal,
  type PurchaseOrder,
} from '../../domain/purchase-order';
import { ErrorMessage } from '../ErrorMessage';
import { purchaseOrderHref } from './address';
import type { SupplierOrdersModel } from './supplier-orders-model';

/** A supplier's purchase orders on its contact screen, with `New purchase order`. */
export function SupplierOrders(props: { model: SupplierOrdersModel }) {
  const { model } = props;
  const orders = model.orders.value;
  if (!model.shown.value) return null;
  return (
    <section class="card" aria-labelledby="supplier-orders-heading">
      <h2 id="supplier-orders-heading">{t('purchase_order_list_heading')}</h2>
      <ErrorMessage message={model.error.value} />
      <button type="button" disabled={model.busy.value} onClick={() => void model.create()}>
        {t('purchase_order_new')}
      </button>
      {orders.length === 0 ? (
        <p class="muted">{t('purchase_order_none_yet')}</p>
      ) : (
        <table aria-labelledby="supplier-orders-heading">
          <thead>
            <tr>
              <th>{t('purchase_order_column_number')}</th>
              <th>{t('purchase_order_column_date')}</th>
              <th>{t('purchase_order_column_status')}</th>
              <th class="num">{t('purchase_order_total')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => {
              const number = purchaseOrderNumber(order);
              return (
                <tr key={order.id}>
                  <td>
                    <a href={purchaseOrderHref(order.id)} aria-label={t('purchase_order_open', number)}>
                      {number}
                    </a>
                  </td>
                  <td>{formatCalendarDate(orderDate(order))}</td>
                  <td>{PURCHASE_ORDER_STATUS_LABELS[order.status]}</td>
                  <td class="num">{formatMoney(purchaseOrderTotal(order), model.locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The day an order went out; a draft's the day it was started. */
function orderDate(order: PurchaseOrder): string {
  return order.sentOn ?? todayLocal(new Date(order.createdAt));
}
