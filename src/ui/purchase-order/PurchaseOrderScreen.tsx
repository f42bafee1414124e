import { t } from '../../domain/i18n';
import { formatCalendarDate, formatCount } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import {
  orderLineTotal,
  PURCHASE_ORDER_STATUS_LABELS,
  purchaseOrderTotal,
  type PurchaseOrder,
} from '../../domain/purchase-order';
import { ProductSearch } from '../catalog/ProductSearch';
import { LineInput } from '../record/LineInput';
import { contactHref } from '../contacts/address';
import { ErrorMessage } from '../ErrorMessage';
import { FieldProblem, invalidProps } from '../FieldProblem';
import { StatusMessage } from '../StatusMessage';
import type { PurchaseOrderModel } from './purchase-order-model';

/** One purchase order to a supplier: drafted here, sent as a PDF, then received. */
export function PurchaseOrderScreen(props: { model: PurchaseOrderModel }) {
  const { model } = props;
  const order = model.order.value;
  const supplier = model.supplier.value;
  const back = order ? (
    <a href={contactHref(order.supplierId)}>
      {t('purchase_order_back_to', supplier?.name ?? t('purchase_order_the_supplier'))}
    </a>
  ) : (
    <a href="#">{t('purchase_order_back_to_dashboard')}</a>
  );
  if (model.missing.value) {
    return (
      <main class="dashboard">
        <p role="status" class="notice">
          {model.status.value ?? t('purchase_order_no_longer_exists')}
        </p>
        {back}
      </main>
    );
  }
  if (!order) return <main class="dashboard" aria-busy="true" />;
  const label = PURCHASE_ORDER_STATUS_LABELS[order.status];
  const total = model.total.value;
  return (
    <main class="dashboard purchase-order">
      {back}
      <h1>{model.title.value}</h1>
      <p>
        {t('purchase_order_status')}{' '}
        <strong class="badge" aria-label={t('purchase_order_status_named', label)}>
          {label}
        </strong>
        {order.sentOn ? ` · ${t('purchase_order_sent_on', formatCalendarDate(order.sentOn))}` : ''}
        {order.receivedOn
          ? ` · ${t('purchase_order_received_on', formatCalendarDate(order.receivedOn))}`
          : ''}
        {total ? ` · ${formatMoney(total)}` : ''}
      </p>
      <ErrorMessage message={model.error.value} />
      <StatusMessage message={model.status.value} />
      {order.status === 'draft' ? <DraftOrder model={model} /> : <FixedOrder model={model} order={order} />}
    </main>
  );
}

/** The draft: search the catalog, then quantity and cost per line, the note, and the steps. */
function DraftOrder(props: { model: PurchaseOrderModel }) {
  const { model } = props;
  const check = model.check.value;
  const marked = model.attempted.value;
  const noteProblem = marked ? check.noteProblem : null;
  const total = model.total.value;
  return (
    <section class="card" aria-labelledby="po-products-heading">
      <h2 id="po-products-heading">{t('purchase_order_products')}</h2>
      <ProductSearch
        search={model.search}
        id="po-product"
        emptyCatalogText={t('purchase_order_catalog_empty')}
      />
      {model.lines.value.length === 0 ? <p class="muted">{t('purchase_order_no_products')}</p> : null}
      {model.lines.value.map((line) => {
        const problems = marked ? check.lineProblems.get(line.productId) : undefined;
        const legendId = `po-line-${line.productId}`;
        const quantityId = `po-quantity-problem-${line.productId}`;
        const costId = `po-cost-problem-${line.productId}`;
        const amount = model.lineTotals.value.get(line.productId);
        return (
          <fieldset key={line.productId} class="line" aria-labelledby={legendId}>
            <legend id={legendId}>
              {line.name} <span class="muted">{line.sku}</span>
            </legend>
            <LineInput
              label={t('purchase_order_quantity')}
              whole
              value={line.quantityText}
              problemId={quantityId}
              problem={problems?.quantity}
              onInput={(quantityText) => model.updateLine(line.productId, { quantityText })}
            />
            <LineInput
              label={t('purchase_order_cost')}
              value={line.costText}
              placeholder={t('purchase_order_unit_cost')}
              problemId={costId}
              problem={problems?.cost}
              onInput={(costText) => model.updateLine(line.productId, { costText })}
            />
            <FieldProblem id={quantityId} text={problems?.quantity} />
            <FieldProblem id={costId} text={problems?.cost} />
            <span class="amount">{amount ? formatMoney(amount) : '—'}</span>
            <button
              type="button"
              class="link"
              aria-describedby={legendId}
              onClick={() => model.removeLine(line.productId)}
            >
              {t('purchase_order_remove')}
            </button>
          </fieldset>
        );
      })}
      <label>
        {t('purchase_order_note')}
        <textarea
          value={model.note.value}
          {...invalidProps('po-note-problem', noteProblem)}
          onInput={(event) => (model.note.value = event.currentTarget.value)}
        />
      </label>
      <FieldProblem id="po-note-problem" text={noteProblem} />
      <p class="total">
        {t('purchase_order_total')} <strong>{total ? formatMoney(total) : '—'}</strong>
        {model.costsMissing.value ? <span class="muted"> {t('purchase_order_costs_missing')}</span> : null}
      </p>
      <ErrorMessage message={model.formProblem.value} />
      <div class="actions">
        <button type="button" disabled={model.busy.value} onClick={() => void model.saveDraft()}>
          {t('purchase_order_save_draft')}
        </button>
        <button type="button" disabled={model.busy.value} onClick={() => void model.markSent()}>
          {t('purchase_order_mark_sent')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={model.busy.value}
          onClick={() => void model.deleteDraft()}
        >
          {t('purchase_order_delete_draft')}
        </button>
      </div>
    </section>
  );
}

/** A sent or received order: its lines are fixed; the PDF again, and receiving a sent one. */
function FixedOrder(props: { model: PurchaseOrderModel; order: PurchaseOrder }) {
  const { model, order } = props;
  return (
    <>
      <section class="card" aria-labelledby="po-lines-heading">
        <h2 id="po-lines-heading">{t('purchase_order_products')}</h2>
        <table aria-labelledby="po-lines-heading">
          <thead>
            <tr>
              <th>{t('purchase_order_column_sku')}</th>
              <th>{t('purchase_order_column_product')}</th>
              <th class="num">{t('purchase_order_quantity')}</th>
              <th class="num">{t('purchase_order_unit_cost')}</th>
              <th class="num">{t('purchase_order_line_total')}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => {
              const amount = orderLineTotal(line);
              return (
                <tr key={line.productId}>
                  <td>{line.sku}</td>
                  <td>{line.name}</td>
                  <td class="num">{formatCount(line.quantity)}</td>
                  <td class="num">{line.unitCost ? formatMoney(line.unitCost) : '—'}</td>
                  <td class="num">{amount ? formatMoney(amount) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>{t('purchase_order_total')}</td>
              <td class="num">{formatMoney(purchaseOrderTotal(order))}</td>
            </tr>
          </tfoot>
        </table>
        {order.note ? <p class="note">{order.note}</p> : null}
        <div class="actions">
          <button
            type="button"
            class="secondary"
            disabled={model.busy.value}
            onClick={() => void model.downloadPdf()}
          >
            {t('purchase_order_download')}
          </button>
        </div>
      </section>
      {order.status === 'sent' ? (
        <section class="card" aria-labelledby="po-receive-heading">
          <h2 id="po-receive-heading">{t('purchase_order_receive_heading')}</h2>
          <label>
            {t('purchase_order_received_on_label')}
            <input
              type="date"
              required
              value={model.receivedOn.value}
              onInput={(event) => (model.receivedOn.value = event.currentTarget.value)}
            />
          </label>
          <div class="actions">
            <button type="button" disabled={model.busy.value} onClick={() => void model.markReceived()}>
              {t('purchase_order_mark_received')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
