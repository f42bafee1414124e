import { computed, signal, type Signal } from '@preact/signals';
import {
  SELLER_ID_FIELDS,
  type BuyBack,
  type ConditionGrade,
  type SellerId,
  type SellerIdField,
} from '../../domain/buyback';
import { t } from '../../domain/i18n';
import { checkSerial } from '../../domain/imei';
import type { InventoryItem } from '../../domain/inventory';
import { formatMoneyInput, parseMoneyInput } from '../../domain/money-input';
import type { ItemDraft } from '../../db/buybacks';

/** One item row of the estimate form, as typed. */
export interface ItemRow {
  key: string;
  id?: string | undefined;
  inventoryItemId?: string | undefined;
  description: Signal<string>;
  serial: Signal<string>;
  condition: Signal<ConditionGrade>;
  notes: Signal<string>;
  price: Signal<string>;
}

export type ItemRowErrors = Partial<Record<'description' | 'price', string>>;

/**
 * The estimate form: the seller's identification and the item rows as typed, checked field by
 * field, and turned into what the store saves only when every field is right.
 */
export function createEstimateDraft(buyBack: BuyBack, required: readonly SellerIdField[], locale?: string) {
  const currency = buyBack.currency;
  const seller = Object.fromEntries(
    SELLER_ID_FIELDS.map((field) => [field, signal(buyBack.seller[field] ?? '')]),
  ) as Record<SellerIdField, Signal<string>>;
  const rows = signal<ItemRow[]>(
    buyBack.items.map((item) =>
      row({
        id: item.id,
        inventoryItemId: item.inventoryItemId,
        description: item.description,
        serial: item.serial ?? '',
        condition: item.condition,
        notes: item.notes ?? '',
        price: formatMoneyInput(item.price, locale),
      }),
    ),
  );
  /** Errors show once the user tries to save, so an empty new row is not red at once. */
  const attempted = signal(false);
  const dirty = signal(false);

  const sellerErrors = computed(() => {
    const errors: Partial<Record<SellerIdField, string>> = {};
    for (const field of required)
      if (!seller[field].value.trim()) errors[field] = t('buyback_required_by_shop');
    return errors;
  });

  const rowErrors = computed(() =>
    rows.value.map((each): ItemRowErrors => {
      const errors: ItemRowErrors = {};
      if (!each.description.value.trim()) errors.description = t('buyback_describe_item');
      const price = parseMoneyInput(each.price.value, currency, locale);
      if (!price.ok) errors.price = price.reason;
      else if (price.money.minor < 0) errors.price = t('buyback_price_not_negative');
      return errors;
    }),
  );

  /** A warning, not a block: an IMEI whose check digit is wrong is probably mistyped. */
  const serialWarnings = computed(() =>
    rows.value.map((each) => {
      const check = checkSerial(each.serial.value);
      return check.kind === 'imei' && !check.valid ? check.warning : null;
    }),
  );

  /** What the items typed so far add up to (rows whose price is not readable yet count as nothing). */
  const total = computed(() => {
    let minor = 0;
    for (const each of rows.value) {
      const price = parseMoneyInput(each.price.value, currency, locale);
      if (price.ok) minor += price.money.minor;
    }
    return { minor, currency };
  });

  const valid = computed(() => rowErrors.value.every((errors) => Object.keys(errors).length === 0));

  function row(values: {
    id?: string | undefined;
    inventoryItemId?: string | undefined;
    description: string;
    serial: string;
    condition: ConditionGrade;
    notes: string;
    price: string;
  }): ItemRow {
    return {
      key: values.id ?? crypto.randomUUID(),
      id: values.id,
      inventoryItemId: values.inventoryItemId,
      description: signal(values.description),
      serial: signal(values.serial),
      condition: signal(values.condition),
      notes: signal(values.notes),
      price: signal(values.price),
    };
  }

  function addItem() {
    rows.value = [...rows.value, row({ description: '', serial: '', condition: 'B', notes: '', price: '' })];
    dirty.value = true;
  }

  /** An item the shop sold before and now buys back: its description and serial come along. */
  function addFromInventory(item: InventoryItem) {
    rows.value = [
      ...rows.value,
      row({
        inventoryItemId: item.id,
        description: item.description,
        serial: item.serial ?? '',
        condition: item.condition,
        notes: '',
        price: '',
      }),
    ];
    dirty.value = true;
  }

  function removeItem(key: string) {
    rows.value = rows.value.filter((each) => each.key !== key);
    dirty.value = true;
  }

  function touch() {
    dirty.value = true;
  }

  /** What to save, or null (with the errors now shown) when a field is wrong. */
  function toSave(): { seller: SellerId; items: ItemDraft[] } | null {
    attempted.value = true;
    if (!valid.value) return null;
    const items = rows.value.map((each): ItemDraft => {
      const price = parseMoneyInput(each.price.value, currency, locale);
      if (!price.ok) throw new Error(price.reason);
      return {
        ...(each.id ? { id: each.id } : {}),
        ...(each.inventoryItemId ? { inventoryItemId: each.inventoryItemId } : {}),
        description: each.description.value.trim(),
        serial: each.serial.value.trim(),
        condition: each.condition.value,
        notes: each.notes.value.trim(),
        price: price.money,
      };
    });
    const sellerValues = Object.fromEntries(
      SELLER_ID_FIELDS.map((field) => [field, seller[field].value.trim() || undefined]),
    ) as SellerId;
    return { seller: sellerValues, items };
  }

  return {
    seller,
    rows,
    attempted,
    dirty,
    sellerErrors,
    rowErrors,
    serialWarnings,
    total,
    valid,
    addItem,
    addFromInventory,
    removeItem,
    touch,
    toSave,
  };
}

export type EstimateDraft = ReturnType<typeof createEstimateDraft>;
