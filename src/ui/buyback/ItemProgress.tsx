import { CONDITION_LABELS, type BuyBack, type BuyBackItem } from '../../domain/buyback';
import { daysBetween } from '../../domain/calendar';
import { t, tPlural } from '../../domain/i18n';
import { formatCalendarDate, formatCount, formatInstant } from '../../domain/locale-format';
import { formatMoney } from '../../domain/money';
import { FieldProblem, invalidProps } from '../FieldProblem';
import type { BuyBackModel } from './buyback-model';

/** The name users see for where an item is on its way to resale. */
function stageLabel(stage: BuyBackItem['stage']): string {
  switch (stage) {
    case 'bought':
      return t('buyback_stage_bought');
    case 'product-created':
      return t('buyback_stage_product_created');
    case 'in-refurb':
      return t('buyback_stage_in_refurb');
    case 'in-inventory':
      return t('buyback_stage_in_inventory');
  }
}

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
    <section
      class="card item-progress"
      aria-label={t('buyback_item_named', formatCount(props.index + 1), item.description)}
    >
      <h3>
        {item.description} <span class="badge">{stageLabel(item.stage)}</span>
      </h3>
      <dl class="fields">
        {item.serial ? (
          <>
            <dt>{t('buyback_serial')}</dt>
            <dd>{item.serial}</dd>
          </>
        ) : null}
        <dt>{t('buyback_condition')}</dt>
        <dd>{CONDITION_LABELS[item.condition]}</dd>
        <dt>{t('buyback_price_paid')}</dt>
        <dd>{formatMoney(item.price)}</dd>
        {item.retailPrice ? (
          <>
            <dt>{t('buyback_retail_price')}</dt>
            <dd>{formatMoney(item.retailPrice)}</dd>
          </>
        ) : null}
        {item.notes ? (
          <>
            <dt>{t('buyback_notes')}</dt>
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
            {t('buyback_retail_price')}
            <input
              inputMode="decimal"
              value={form.retailPrice.value}
              {...invalidProps(`${id}-price`, form.priceError.value)}
              onInput={(event) => (form.retailPrice.value = event.currentTarget.value)}
            />
          </label>
          <FieldProblem id={`${id}-price`} text={form.priceError.value} />
          <fieldset>
            <legend>{t('buyback_sell_as')}</legend>
            <label class="inline">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={form.kind.value === 'one-time'}
                onChange={() => (form.kind.value = 'one-time')}
              />
              {t('buyback_one_time_product')}
            </label>
            <label class="inline">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={form.kind.value === 'catalog'}
                onChange={() => (form.kind.value = 'catalog')}
              />
              {t('buyback_catalog_product')}
            </label>
            {form.kind.value === 'catalog' ? (
              <>
                <label>
                  {t('buyback_sku')}
                  <input
                    value={form.sku.value}
                    onInput={(event) => (form.sku.value = event.currentTarget.value)}
                  />
                </label>
                <label>
                  {t('buyback_new_sku_name')}
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
              {t('buyback_create_product')}
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
            {t('buyback_add_to_inventory')}
          </button>
          <label>
            {t('buyback_issue_to_fix')}
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
            {t('buyback_start_refurb')}
          </button>
        </div>
      ) : null}
      {item.refurb ? <RefurbLog model={model} item={item} /> : null}
      {item.productId ? (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => void model.downloadLabels([item.id])}>
            {t('buyback_print_label')}
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
    <section aria-label={t('buyback_refurb_of', item.description)} class="refurb">
      <h4>{t('buyback_refurb_issue', refurb.issue)}</h4>
      <ol class="log">
        {refurb.log.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at}>{formatInstant(entry.at)}</time> {entry.text}
          </li>
        ))}
        {refurb.finishedAt ? (
          <li>
            <time dateTime={refurb.finishedAt}>{formatInstant(refurb.finishedAt)}</time>{' '}
            {t('buyback_refurb_done')}
          </li>
        ) : null}
      </ol>
      {open ? (
        <>
          <label>
            {t('buyback_refurb_note')}
            <input
              value={form.refurbNote.value}
              maxLength={2000}
              onInput={(event) => (form.refurbNote.value = event.currentTarget.value)}
            />
          </label>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void model.addRefurbLine(item.id)}>
              {t('buyback_add_refurb_note')}
            </button>
            <button
              type="button"
              disabled={model.busy.value}
              onClick={() => void model.finishRefurb(item.id)}
            >
              {t('buyback_finish_refurb')}
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
    <p class="notice hold">{tPlural('buyback_on_hold_days', left, formatCalendarDate(day))}</p>
  ) : (
    <p class="muted hold">{t('buyback_hold_over', formatCalendarDate(day))}</p>
  );
}
