import {
  CONDITION_LABELS,
  ConditionGrade,
  SELLER_ID_FIELDS,
  SELLER_ID_LABELS,
  type SellerIdField,
} from '../../domain/buyback';
import { Fragment } from 'preact';
import { t } from '../../domain/i18n';
import { formatCount } from '../../domain/locale-format';
import { FieldProblem, invalidProps } from '../FieldProblem';
import { SelectField } from '../SelectField';
import type { BuyBackModel } from './buyback-model';
import type { EstimateDraft, ItemRow } from './estimate-draft';

const DATE_FIELDS: readonly SellerIdField[] = ['idExpiry', 'dateOfBirth'];

/** The estimate: who sells (their identification) and what (the items and the price for each). */
export function EstimateForm(props: { model: BuyBackModel; draft: EstimateDraft }) {
  const { model, draft } = props;
  const shown = draft.attempted.value;
  return (
    <form
      class="card"
      aria-label={t('buyback_estimate')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void model.saveDraft();
      }}
    >
      <fieldset class="seller-id">
        <legend>{t('buyback_seller_identification')}</legend>
        {SELLER_ID_FIELDS.map((field) => {
          const problem = shown ? draft.sellerErrors.value[field] : undefined;
          const problemId = `seller-${field}-problem`;
          const common = {
            value: draft.seller[field].value,
            ...invalidProps(problemId, problem),
            onInput: (event: { currentTarget: HTMLInputElement }) => {
              draft.seller[field].value = event.currentTarget.value;
              draft.touch();
            },
          };
          return (
            <Fragment key={field}>
              <label>
                {SELLER_ID_LABELS[field]}
                {model.requiredSellerId.value.includes(field) ? ` ${t('buyback_required')}` : ''}
                {DATE_FIELDS.includes(field) ? (
                  <input type="date" {...common} />
                ) : (
                  <input type="text" maxLength={60} {...common} />
                )}
              </label>
              <FieldProblem id={problemId} text={problem} />
            </Fragment>
          );
        })}
      </fieldset>
      <h3>{t('buyback_items')}</h3>
      {draft.rows.value.length === 0 ? <p class="muted">{t('buyback_no_items')}</p> : null}
      {draft.rows.value.map((row, index) => (
        <ItemFields
          key={row.key}
          row={row}
          index={index}
          errors={shown ? (draft.rowErrors.value[index] ?? {}) : {}}
          warning={draft.serialWarnings.value[index] ?? null}
          onChange={draft.touch}
          onRemove={() => draft.removeItem(row.key)}
        />
      ))}
      <div class="actions">
        <button type="button" class="secondary" onClick={draft.addItem}>
          {t('buyback_add_item')}
        </button>
      </div>
      <InventorySearch model={model} draft={draft} />
      <div class="actions">
        <button type="submit" disabled={model.busy.value}>
          {t('buyback_save_estimate')}
        </button>
      </div>
    </form>
  );
}

function ItemFields(props: {
  row: ItemRow;
  index: number;
  errors: { description?: string; price?: string };
  warning: string | null;
  onChange: () => void;
  onRemove: () => void;
}) {
  const { row, errors } = props;
  const name = row.description.value.trim() || t('buyback_new_item');
  const number = formatCount(props.index + 1);
  const id = `item-${row.key}`;
  const text = (field: typeof row.description, value: string) => {
    field.value = value;
    props.onChange();
  };
  return (
    <fieldset class="line" aria-label={t('buyback_item_named', number, name)}>
      <legend>
        {t('buyback_item_number', number)}
        {row.inventoryItemId ? <span class="muted"> {t('buyback_from_inventory')}</span> : null}
      </legend>
      <label>
        {t('buyback_description')}
        <input
          value={row.description.value}
          maxLength={200}
          {...invalidProps(`${id}-description`, errors.description)}
          onInput={(event) => text(row.description, event.currentTarget.value)}
        />
      </label>
      <FieldProblem id={`${id}-description`} text={errors.description} />
      <label>
        {t('buyback_serial')}
        <input
          value={row.serial.value}
          maxLength={64}
          aria-describedby={props.warning ? `${id}-serial` : undefined}
          onInput={(event) => text(row.serial, event.currentTarget.value)}
        />
      </label>
      <FieldProblem id={`${id}-serial`} text={props.warning} warning />
      <SelectField
        label={t('buyback_condition')}
        value={row.condition.value}
        onChange={(value) => {
          row.condition.value = ConditionGrade.parse(value);
          props.onChange();
        }}
      >
        {ConditionGrade.options.map((grade) => (
          <option key={grade} value={grade}>
            {CONDITION_LABELS[grade]}
          </option>
        ))}
      </SelectField>
      <label>
        {t('buyback_price_paid')}
        <input
          inputMode="decimal"
          value={row.price.value}
          {...invalidProps(`${id}-price`, errors.price)}
          onInput={(event) => text(row.price, event.currentTarget.value)}
        />
      </label>
      <FieldProblem id={`${id}-price`} text={errors.price} />
      <label class="wide">
        {t('buyback_item_notes')}
        <textarea
          rows={2}
          maxLength={2000}
          value={row.notes.value}
          onInput={(event) => text(row.notes, event.currentTarget.value)}
        />
      </label>
      <div class="actions wide">
        <button type="button" class="link" onClick={props.onRemove}>
          {t('buyback_remove_item', number)}
        </button>
      </div>
    </fieldset>
  );
}

/** Devices the shop sold before: buying one back keeps its history. */
function InventorySearch(props: { model: BuyBackModel; draft: EstimateDraft }) {
  const { model, draft } = props;
  return (
    <div class="inventory-search">
      <label>
        {t('buyback_search_sold_inventory')}
        <input
          type="search"
          placeholder={t('buyback_search_sold_placeholder')}
          value={model.inventoryQuery.value}
          onInput={(event) => void model.searchInventory(event.currentTarget.value)}
        />
      </label>
      {model.inventoryQuery.value.trim() ? (
        model.inventoryResults.value.length === 0 ? (
          <p class="muted">{t('buyback_no_sold_match')}</p>
        ) : (
          <ul class="plain" aria-label={t('buyback_sold_inventory')}>
            {model.inventoryResults.value.map((item) => (
              <li key={item.id}>
                {item.description} {item.serial ? <span class="muted">{item.serial}</span> : null}{' '}
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    draft.addFromInventory(item);
                    void model.searchInventory('');
                  }}
                >
                  {t('buyback_buy_back_item', item.serial ?? item.description)}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
