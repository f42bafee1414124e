import { CONDITION_LABELS, type BuyBack, type BuyBackItem } from '../../domain/buyback';
import { daysBetween, formatCalendarDate } from '../../domain/calendar';
import { formatMoney } from '../../domain/money';
import { FieldProblem, invalidProps } from '../FieldProblem';
import type { BuyBackModel } from './buyback-model';

const STAGE_LABELS: Record<BuyBackItem['stage'], string> = {
  bought: 'Bought',
  'product-created': 'Product created',
  'in-refurb': 'Waiting on refurb',
  'in-inventory': 'In inventory',
};

/** A paid item on its way to resale: retail price and product, then inventory or refurb. */
export function ItemProgress(props: {
  model: BuyBackModel;
  buyBack: BuyBack;
  item: BuyBackItem;
  index: number;
}) {
  const { model, item } = props;
  const form = model.itemForm(item.id);
  const id = `progress-${item.id}`;
  return (
    <section class="card item-progress" aria-label={`Item ${props.index + 1}: ${item.description}`}>
      <h3>
        {item.description} <span class="badge">{STAGE_LABELS[item.stage]}</span>
      </h3>
      <dl class="fields">
        {item.serial ? (
          <>
            <dt>Serial / IMEI</dt>
            <dd>{item.serial}</dd>
          </>
        ) : null}
        <dt>Condition</dt>
        <dd>{CONDITION_LABELS[item.condition]}</dd>
        <dt>Price paid</dt>
        <dd>{formatMoney(item.price)}</dd>
        {item.retailPrice ? (
          <>
            <dt>Retail price</dt>
            <dd>{formatMoney(item.retailPrice)}</dd>
          </>
        ) : null}
        {item.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{item.notes}</dd>
          </>
        ) : null}
      </dl>
      <HoldCountdown item={item} today={model.today.value} />
      {item.stage === 'bought' ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void model.createProduct(item.id);
          }}
        >
          <label>
            Retail price
            <input
              inputMode="decimal"
              value={form.retailPrice.value}
              {...invalidProps(`${id}-price`, form.priceError.value)}
              onInput={(event) => (form.retailPrice.value = event.currentTarget.value)}
            />
          </label>
          <FieldProblem id={`${id}-price`} text={form.priceError.value} />
          <fieldset>
            <legend>Sell as</legend>
            <label class="inline">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={form.kind.value === 'one-time'}
                onChange={() => (form.kind.value = 'one-time')}
              />
              One-time product (this device)
            </label>
            <label class="inline">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={form.kind.value === 'catalog'}
                onChange={() => (form.kind.value = 'catalog')}
              />
              Catalog product
            </label>
            {form.kind.value === 'catalog' ? (
              <>
                <label>
                  SKU
                  <input
                    value={form.sku.value}
                    onInput={(event) => (form.sku.value = event.currentTarget.value)}
                  />
                </label>
                <label>
                  Product name (for a new SKU)
                  <input
                    value={form.name.value}
                    onInput={(event) => (form.name.value = event.currentTarget.value)}
                  />
                </label>
              </>
            ) : null}
          </fieldset>
          <div class="actions">
            <button type="submit" disabled={model.busy.value}>
              Create product
            </button>
          </div>
        </form>
      ) : null}
      {item.stage === 'product-created' ? (
        <div class="actions column">
          <button
            type="button"
            disabled={model.busy.value}
            onClick={() => void model.addToInventory(item.id)}
          >
            Add to inventory
          </button>
          <label>
            Issue to fix
            <input
              value={form.issue.value}
              maxLength={500}
              onInput={(event) => (form.issue.value = event.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="secondary"
            disabled={model.busy.value}
            onClick={() => void model.startRefurb(item.id)}
          >
            Start refurb
          </button>
        </div>
      ) : null}
      {item.refurb ? <RefurbLog model={model} item={item} /> : null}
      {item.productId ? (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => void model.downloadLabels([item.id])}>
            Print label
          </button>
        </div>
      ) : null}
    </section>
  );
}

function RefurbLog(props: { model: BuyBackModel; item: BuyBackItem }) {
  const { model, item } = props;
  const refurb = item.refurb;
  if (!refurb) return null;
  const form = model.itemForm(item.id);
  const open = !refurb.finishedAt;
  return (
    <section aria-label={`Refurb of ${item.description}`} class="refurb">
      <h4>Refurb: {refurb.issue}</h4>
      <ol class="log">
        {refurb.log.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> {entry.text}
          </li>
        ))}
        {refurb.finishedAt ? (
          <li>
            <time dateTime={refurb.finishedAt}>{new Date(refurb.finishedAt).toLocaleString()}</time> Finished.
          </li>
        ) : null}
      </ol>
      {open ? (
        <>
          <label>
            Refurb note
            <input
              value={form.refurbNote.value}
              maxLength={2000}
              onInput={(event) => (form.refurbNote.value = event.currentTarget.value)}
            />
          </label>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void model.addRefurbLine(item.id)}>
              Add refurb note
            </button>
            <button
              type="button"
              disabled={model.busy.value}
              onClick={() => void model.finishRefurb(item.id)}
            >
              Finish refurb
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** The shop's hold period: the item may not be sold before its day. */
function HoldCountdown(props: { item: BuyBackItem; today: string }) {
  const day = props.item.sellableFrom;
  if (!day) return null;
  const left = daysBetween(props.today, day);
  return left > 0 ? (
    <p class="notice hold">
      On hold: {left === 1 ? '1 day' : `${left} days`} left (may be sold from {formatCalendarDate(day)})
    </p>
  ) : (
    <p class="muted hold">Hold period over since {formatCalendarDate(day)}</p>
  );
}
