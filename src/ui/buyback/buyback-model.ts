import { batch, computed, signal } from '@preact/signals';
import type { AttachmentMeta } from '../../domain/attachment';
import {
  buyBackNumber,
  STORE_CREDIT,
  TRADE_IN,
  type BuyBack,
  type SellerIdField,
} from '../../domain/buyback';
import type { Contact } from '../../domain/contact';
import { todayLocal } from '../../domain/dates';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import type { InventoryItem } from '../../domain/inventory';
import { parseMoneyInput } from '../../domain/money-input';
import type { PurchaseRecord } from '../../domain/purchase';
import { attachFile, listAttachments, removeAttachment, type IncomingFile } from '../../db/attachments';
import {
  addItemToInventory,
  createItemProduct,
  finishItemRefurb,
  startItemRefurb,
  type ProductChoice,
} from '../../db/buyback-items';
import { DoNotBuyBlocked, payOutBuyBack } from '../../db/buyback-payout';
import {
  addBuyBackComment,
  addRefurbNote,
  completeBuyBack,
  deleteBuyBack,
  getBuyBack,
  saveBuyBackNotes,
  saveEstimate,
} from '../../db/buybacks';
import { getContact } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';
import { searchSoldInventory } from '../../db/inventory';
import { listContactPurchases } from '../../db/purchases';
import { readSetting } from '../../db/settings';
import { createEstimateDraft, type EstimateDraft } from './estimate-draft';

export interface BuyBackScreenDeps {
  db: TallyDatabase;
  locale?: string;
  /** Offers bytes to the user as a file. */
  download: (filename: string, blob: Blob) => void;
  /** Builds the receipt and label PDFs (kept apart: jspdf is large and only needed on demand). */
  documents: {
    receipt: (input: ReceiptRequest) => Promise<Blob>;
    labels: (input: LabelRequest) => Promise<Blob>;
  };
}

export interface ReceiptRequest {
  buyBack: BuyBack;
  seller: Contact;
  tradeIn?: PurchaseRecord;
}

export interface LabelRequest {
  buyBack: BuyBack;
  itemIds: readonly string[];
}

/** The `Pay out` form. `payoutId` is fixed per form so a second click cannot pay again. */
function createPayoutForm() {
  return {
    payoutId: signal(crypto.randomUUID()),
    method: signal(''),
    reference: signal(''),
    message: signal(''),
    tradeInPurchaseId: signal(''),
    /** Items on the do-not-buy list, as the last attempt found them. */
    blocked: signal<string | null>(null),
    override: signal(''),
  };
}

/**
 * One buy-back on its own screen: the estimate form until it is paid, then each item's way to
 * inventory, with attachments, notes, the log, receipt and labels throughout.
 */
export function createBuyBackModel(deps: BuyBackScreenDeps, id: string) {
  const buyBack = signal<BuyBack | null>(null);
  const contact = signal<Contact | null>(null);
  const attachments = signal<AttachmentMeta[]>([]);
  const previews = signal<ReadonlyMap<string, string>>(new Map());
  const purchases = signal<PurchaseRecord[]>([]);
  const methods = signal<string[]>([]);
  const requiredSellerId = signal<SellerIdField[]>([]);
  const draft = signal<EstimateDraft | null>(null);
  const payout = createPayoutForm();
  const inventoryQuery = signal('');
  const inventoryResults = signal<InventoryItem[]>([]);
  const notes = signal('');
  const comment = signal('');
  const error = signal<string | null>(null);
  const status = signal<string | null>(null);
  const busy = signal(false);
  const missing = signal(false);
  const today = signal(todayLocal());

  const title = computed(() => {
    const current = buyBack.value;
    return current ? t('buyback_title_numbered', buyBackNumber(current)) : t('buyback_title');
  });

  /** Trade-in is offered when the seller has a purchase it can be netted against. */
  const payoutMethods = computed(() =>
    purchases.value.length > 0 ? [...methods.value, TRADE_IN] : methods.value,
  );

  async function load() {
    const current = await getBuyBack(deps.db, id);
    if (!current) {
      missing.value = true;
      return;
    }
    const [owner, files, bought, shopMethods, required] = await Promise.all([
      getContact(deps.db, current.contactId),
      listAttachments(deps.db, id),
      listContactPurchases(deps.db, current.contactId),
      readSetting(deps.db, 'paymentMethods'),
      readSetting(deps.db, 'requiredSellerId'),
    ]);
    batch(() => {
      requiredSellerId.value = required;
      show(current, true);
      contact.value = owner ?? null;
      setAttachments(files);
      purchases.value = bought.filter(
        (record) => record.kind === 'purchase' && record.currency === current.currency,
      );
      methods.value = shopMethods;
      if (!payout.method.value) payout.method.value = shopMethods[0] ?? '';
      today.value = todayLocal();
    });
  }

  /**
   * Shows the buy-back as stored. The estimate form is made afresh from it when asked (after a
   * save, so it shows exactly what is saved); otherwise what the user is typing stays.
   */
  function show(current: BuyBack, resetForm: boolean) {
    buyBack.value = current;
    notes.value = current.notes;
    if (current.status !== 'estimate') draft.value = null;
    else if (resetForm || !draft.value) {
      draft.value = createEstimateDraft(current, requiredSellerId.value, deps.locale);
    }
  }

  function setAttachments(files: readonly (AttachmentMeta & { blob?: Blob })[]) {
    for (const url of previews.value.values()) URL.revokeObjectURL(url);
    const urls = new Map<string, string>();
    for (const file of files) if (file.blob) urls.set(file.id, URL.createObjectURL(file.blob));
    previews.value = urls;
    attachments.value = files.map(({ blob: _blob, ...meta }) => meta);
  }

  /** Runs one change, showing its refusal as the error; returns whether it succeeded. */
  async function run(
    action: () => Promise<BuyBack | void>,
    done?: string,
    resetForm = false,
  ): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    error.value = null;
    status.value = null;
    try {
      const result = await action();
      if (result) show(result, resetForm);
      if (done) status.value = done;
      return true;
    } catch (failure) {
      error.value = errorMessage(failure);
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function saveDraft(): Promise<boolean> {
    const form = draft.value;
    if (!form) return true;
    const values = form.toSave();
    if (!values) {
      error.value = t('buyback_items_need_fixing');
      return false;
    }
    return run(() => saveEstimate(deps.db, id, values), t('buyback_estimate_saved'), true);
  }

  async function payOut() {
    const form = draft.value;
    if (form) {
      form.attempted.value = true;
      const missingId = Object.keys(form.sellerErrors.value);
      if (missingId.length > 0) {
        error.value = t('buyback_seller_id_needed');
        return;
      }
      if (!(await saveDraft())) return;
    }
    const method = payout.method.value;
    const paid = await run(
      async () => {
        try {
          return await payOutBuyBack(deps.db, id, {
            payoutId: payout.payoutId.value,
            method,
            reference: payout.reference.value,
            message: payout.message.value,
            ...(method === TRADE_IN ? { tradeInPurchaseId: payout.tradeInPurchaseId.value } : {}),
            ...(payout.blocked.value ? { override: payout.override.value } : {}),
          });
        } catch (failure) {
          if (failure instanceof DoNotBuyBlocked) payout.blocked.value = failure.message;
          throw failure;
        }
      },
      method === STORE_CREDIT ? t('buyback_paid_store_credit') : t('buyback_paid_by', method),
    );
    if (paid) payout.blocked.value = null;
  }

  /** Each paid item's retail price and product choice, as typed. */
  const itemForms = new Map<string, ReturnType<typeof createItemForm>>();
  function itemForm(itemId: string) {
    let form = itemForms.get(itemId);
    if (!form) {
      form = createItemForm();
      itemForms.set(itemId, form);
    }
    return form;
  }

  async function createProduct(itemId: string) {
    const current = buyBack.value;
    if (!current) return;
    const form = itemForm(itemId);
    const price = parseMoneyInput(form.retailPrice.value, current.currency, deps.locale);
    if (!price.ok) {
      form.priceError.value = price.reason;
      return;
    }
    form.priceError.value = null;
    const choice: ProductChoice =
      form.kind.value === 'one-time'
        ? { kind: 'one-time' }
        : { kind: 'catalog', sku: form.sku.value, name: form.name.value };
    await run(
      () => createItemProduct(deps.db, id, itemId, price.money, choice),
      t('buyback_product_created'),
    );
  }

  async function startRefurb(itemId: string) {
    const form = itemForm(itemId);
    if (await run(() => startItemRefurb(deps.db, id, itemId, form.issue.value), t('buyback_refurb_started')))
      form.issue.value = '';
  }

  async function addRefurbLine(itemId: string) {
    const form = itemForm(itemId);
    if (await run(() => addRefurbNote(deps.db, id, itemId, form.refurbNote.value)))
      form.refurbNote.value = '';
  }

  async function attach(file: IncomingFile) {
    await run(
      async () => {
        await attachFile(deps.db, id, file);
        setAttachments(await listAttachments(deps.db, id));
        return (await getBuyBack(deps.db, id)) ?? undefined;
      },
      t('buyback_attached', file.name),
    );
  }

  async function detach(attachmentId: string) {
    await run(async () => {
      await removeAttachment(deps.db, attachmentId);
      setAttachments(await listAttachments(deps.db, id));
      return (await getBuyBack(deps.db, id)) ?? undefined;
    });
  }

  async function downloadAttachment(attachmentId: string) {
    const file = (await listAttachments(deps.db, id)).find((each) => each.id === attachmentId);
    if (file) deps.download(file.name, file.blob);
  }

  async function downloadReceipt() {
    const current = buyBack.value;
    const seller = contact.value;
    if (!current || !seller) return;
    const tradeInId = current.payout?.tradeInPurchaseId;
    const tradeIn = tradeInId ? await deps.db.purchases.get(tradeInId) : undefined;
    await run(async () => {
      const pdf = await deps.documents.receipt({ buyBack: current, seller, ...(tradeIn ? { tradeIn } : {}) });
      deps.download(t('buyback_receipt_file', buyBackNumber(current)), pdf);
    });
  }

  async function downloadLabels(itemIds: readonly string[]) {
    const current = buyBack.value;
    if (!current) return;
    await run(async () => {
      const pdf = await deps.documents.labels({ buyBack: current, itemIds });
      deps.download(t('buyback_labels_file', buyBackNumber(current)), pdf);
    });
  }

  async function searchInventory(query: string) {
    inventoryQuery.value = query;
    inventoryResults.value = query.trim() ? await searchSoldInventory(deps.db, query) : [];
  }

  return {
    id,
    buyBack,
    contact,
    title,
    missing,
    attachments,
    previews,
    purchases,
    payoutMethods,
    requiredSellerId,
    draft,
    payout,
    inventoryQuery,
    inventoryResults,
    notes,
    comment,
    error,
    status,
    busy,
    today,
    load,
    saveDraft,
    payOut,
    itemForm,
    createProduct,
    addToInventory: (itemId: string) =>
      run(() => addItemToInventory(deps.db, id, itemId), t('buyback_added_to_inventory')),
    startRefurb,
    addRefurbLine,
    finishRefurb: (itemId: string) =>
      run(() => finishItemRefurb(deps.db, id, itemId), t('buyback_refurb_finished')),
    complete: () => run(() => completeBuyBack(deps.db, id), t('buyback_completed')),
    saveNotes: () => run(() => saveBuyBackNotes(deps.db, id, notes.value), t('buyback_notes_saved')),
    addComment: async () => {
      if (await run(() => addBuyBackComment(deps.db, id, comment.value))) comment.value = '';
    },
    remove: (confirmed: boolean, reason: string) =>
      run(async () => {
        await deleteBuyBack(deps.db, id, { confirmed, reason });
        missing.value = true;
      }, t('buyback_deleted')),
    attach,
    detach,
    downloadAttachment,
    downloadReceipt,
    downloadLabels,
    searchInventory,
  };
}

function createItemForm() {
  return {
    retailPrice: signal(''),
    priceError: signal<string | null>(null),
    kind: signal<'one-time' | 'catalog'>('one-time'),
    sku: signal(''),
    name: signal(''),
    issue: signal(''),
    refurbNote: signal(''),
  };
}

export type BuyBackModel = ReturnType<typeof createBuyBackModel>;
