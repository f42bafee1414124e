import { formatCalendarDate } from '../../domain/calendar';
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
    <a href={contactHref(order.supplierId)}>Back to {supplier?.name ?? 'the supplier'}</a>
  ) : (
    <a href="#">Back to the dashboard</a>
  );
  if (model.missing.value) {
    return (
      <main class="dashboard">
        <p role="status" class="notice">
          {model.status.value ?? 'This purchase order no longer exists.'}
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
        Status:{' '}
        <strong class="badge" aria-label={`Status: ${label}`}>
          {label}
        </strong>
        {order.sentOn ? ` · sent ${formatCalendarDate(order.sentOn)}` : ''}
        {order.receivedOn ? ` · received ${formatCalendarDate(order.receivedOn)}` : ''}
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
      <h2 id="po-products-heading">Products</h2>
      <ProductSearch
        search={model.search}
        id="po-product"
        emptyCatalogText="The catalog is empty: import it on the dashboard first."
      />
      {model.lines.value.length === 0 ? <p class="muted">No products on this order yet.</p> : null}
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
              label="Quantity"
              whole
              value={line.quantityText}
              problemId={quantityId}
              problem={problems?.quantity}
              onInput={(quantityText) => model.updateLine(line.productId, { quantityText })}
            />
            <LineInput
              label="Cost"
              value={line.costText}
              placeholder="Unit cost"
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
              Remove
            </button>
          </fieldset>
        );
      })}
      <label>
        Note
        <textarea
          value={model.note.value}
          {...invalidProps('po-note-problem', noteProblem)}
          onInput={(event) => (model.note.value = event.currentTarget.value)}
        />
      </label>
      <FieldProblem id="po-note-problem" text={noteProblem} />
      <p class="total">
        Total <strong>{total ? formatMoney(total) : '—'}</strong>
        {model.costsMissing.value ? <span class="muted"> (some costs are not typed yet)</span> : null}
      </p>
      <ErrorMessage message={model.formProblem.value} />
      <div class="actions">
        <button type="button" disabled={model.busy.value} onClick={() => void model.saveDraft()}>
          Save draft
        </button>
        <button type="button" disabled={model.busy.value} onClick={() => void model.markSent()}>
          Mark as sent
        </button>
        <button
          type="button"
          class="secondary"
          disabled={model.busy.value}
          onClick={() => void model.deleteDraft()}
        >
          Delete draft
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
        <h2 id="po-lines-heading">Products</h2>
        <table aria-labelledby="po-lines-heading">
          <thead>
            <tr>
              <th>SKU</th>
              <th>Product</th>
              <th class="num">Quantity</th>
              <th class="num">Unit cost</th>
              <th class="num">Line total</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => {
              const amount = orderLineTotal(line);
              return (
                <tr key={line.productId}>
                  <td>{line.sku}</td>
                  <td>{line.name}</td>
                  <td class="num">{line.quantity.toLocaleString()}</td>
                  <td class="num">{line.unitCost ? formatMoney(line.unitCost) : '—'}</td>
                  <td class="num">{amount ? formatMoney(amount) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>Total</td>
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
            Download purchase order
          </button>
        </div>
      </section>
      {order.status === 'sent' ? (
        <section class="card" aria-labelledby="po-receive-heading">
          <h2 id="po-receive-heading">Receive the goods</h2>
          <label>
            Received on
            <input
              type="date"
              required
              value={model.receivedOn.value}
              onInput={(event) => (model.receivedOn.value = event.currentTarget.value)}
            />
          </label>
          <div class="actions">
            <button type="button" disabled={model.busy.value} onClick={() => void model.markReceived()}>
              Mark as received
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
