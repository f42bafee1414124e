import {
  CONDITION_LABELS,
  ConditionGrade,
  SELLER_ID_FIELDS,
  SELLER_ID_LABELS,
  type SellerIdField,
} from '../../domain/buyback';
import { Fragment } from 'preact';
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
      aria-label="Estimate"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void model.saveDraft();
      }}
    >
      <fieldset class="seller-id">
        <legend>Seller identification</legend>
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
                {model.requiredSellerId.value.includes(field) ? ' (required)' : ''}
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
      <h3>Items</h3>
      {draft.rows.value.length === 0 ? <p class="muted">No items yet.</p> : null}
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
          Add item
        </button>
      </div>
      <InventorySearch model={model} draft={draft} />
      <div class="actions">
        <button type="submit" disabled={model.busy.value}>
          Save estimate
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
  const name = row.description.value.trim() || 'new item';
  const id = `item-${row.key}`;
  const text = (field: typeof row.description, value: string) => {
    field.value = value;
    props.onChange();
  };
  return (
    <fieldset class="line" aria-label={`Item ${props.index + 1}: ${name}`}>
      <legend>
        Item {props.index + 1}
        {row.inventoryItemId ? <span class="muted"> (from inventory)</span> : null}
      </legend>
      <label>
        Description
        <input
          value={row.description.value}
          maxLength={200}
          {...invalidProps(`${id}-description`, errors.description)}
          onInput={(event) => text(row.description, event.currentTarget.value)}
        />
      </label>
      <FieldProblem id={`${id}-description`} text={errors.description} />
      <label>
        Serial / IMEI
        <input
          value={row.serial.value}
          maxLength={64}
          aria-describedby={props.warning ? `${id}-serial` : undefined}
          onInput={(event) => text(row.serial, event.currentTarget.value)}
        />
      </label>
      <FieldProblem id={`${id}-serial`} text={props.warning} warning />
      <SelectField
        label="Condition"
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
        Price paid
        <input
          inputMode="decimal"
          value={row.price.value}
          {...invalidProps(`${id}-price`, errors.price)}
          onInput={(event) => text(row.price, event.currentTarget.value)}
        />
      </label>
      <FieldProblem id={`${id}-price`} text={errors.price} />
      <label class="wide">
        Item notes
        <textarea
          rows={2}
          maxLength={2000}
          value={row.notes.value}
          onInput={(event) => text(row.notes, event.currentTarget.value)}
        />
      </label>
      <div class="actions wide">
        <button type="button" class="link" onClick={props.onRemove}>
          Remove item {props.index + 1}
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
        Search sold inventory
        <input
          type="search"
          placeholder="Serial, IMEI or description"
          value={model.inventoryQuery.value}
          onInput={(event) => void model.searchInventory(event.currentTarget.value)}
        />
      </label>
      {model.inventoryQuery.value.trim() ? (
        model.inventoryResults.value.length === 0 ? (
          <p class="muted">No sold item matches.</p>
        ) : (
          <ul class="plain" aria-label="Sold inventory">
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
                  Buy back {item.serial ?? item.description}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
