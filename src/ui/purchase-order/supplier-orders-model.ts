import { computed, signal } from '@preact/signals';
import type { ContactRole } from '../../domain/contact';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import type { PurchaseOrder } from '../../domain/purchase-order';
import { getContact } from '../../db/contacts';
import type { TallyDatabase } from '../../db/database';
import { createPurchaseOrder, listSupplierPurchaseOrders } from '../../db/purchase-orders';
import { failedWith, userAction } from '../user-action';

export interface SupplierOrdersDeps {
  db: TallyDatabase;
  locale?: string;
  /** Opens a purchase order's own screen. */
  open: (id: string) => void;
}

/**
 * One supplier's purchase orders, newest first, and `New purchase order`. Shown for suppliers
 * (and for a contact that has orders already); a customer-only contact gets none offered.
 */
export function createSupplierOrdersModel(deps: SupplierOrdersDeps, supplierId: string) {
  const orders = signal<PurchaseOrder[]>([]);
  const role = signal<ContactRole | null>(null);
  const shown = computed(() => (role.value !== null && role.value !== 'customer') || orders.value.length > 0);
  const error = signal<string | null>(null);
  const busy = signal(false);

  async function refresh() {
    try {
      const [contact, list] = await Promise.all([
        getContact(deps.db, supplierId),
        listSupplierPurchaseOrders(deps.db, supplierId),
      ]);
      role.value = contact?.role ?? null;
      orders.value = list;
    } catch (failure) {
      error.value = t('purchase_order_list_not_loaded', errorMessage(failure));
    }
  }

  const act = userAction({ busy, error });
  /** Starts a draft and opens it; a double click starts one. */
  async function create() {
    if (busy.value) return;
    await act(failedWith('purchase_order_not_started'), async () => {
      const order = await createPurchaseOrder(deps.db, supplierId);
      deps.open(order.id);
    });
  }

  return { supplierId, locale: deps.locale, orders, shown, error, busy, refresh, create };
}

export type SupplierOrdersModel = ReturnType<typeof createSupplierOrdersModel>;
