import { render } from 'preact';
import { snapshotSource } from '../../src/db/dashboard-snapshot';
import { openDatabase } from '../../src/db/database';
import { readSetting, writeSetting } from '../../src/db/settings';
import { sendMessage } from '../../src/messaging/client';
import {
  allowBackOffice,
  allowedBackOffices,
  originPattern,
  revokeBackOffice,
} from '../../src/messaging/site-access';
import { BuyBackScreen } from '../../src/ui/buyback/BuyBackScreen';
import { buyBackHref, buyBackInHash } from '../../src/ui/buyback/address';
import { createBuyBackListModel } from '../../src/ui/buyback/buyback-list-model';
import { createBuyBackModel } from '../../src/ui/buyback/buyback-model';
import { buyBackDocuments } from '../../src/ui/buyback/documents';
import { contactInHash } from '../../src/ui/contacts/address';
import { ContactScreen } from '../../src/ui/contacts/ContactScreen';
import { createContactListModel } from '../../src/ui/contacts/contact-list-model';
import { createContactsTransferModel } from '../../src/ui/contacts/import/contacts-transfer-model';
import { createDuplicatesModel } from '../../src/ui/contacts/merge/duplicates-model';
import { createContactScreenModel } from '../../src/ui/contacts/contact-screen-model';
import { createBuyBackSettingsModel } from '../../src/ui/dashboard/buy-back-settings-model';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import { createDealerReportModel } from '../../src/ui/dashboard/dealer-report-model';
import { createDoNotBuyModel } from '../../src/ui/dashboard/do-not-buy-model';
import { createCatalogModel } from '../../src/ui/dashboard/catalog-model';
import { createDashboardModel } from '../../src/ui/dashboard/dashboard-model';
import { createFollowUpModel } from '../../src/ui/dashboard/follow-up-model';
import { createRecipesModel } from '../../src/ui/dashboard/recipes-model';
import { createSiteAccessModel } from '../../src/ui/dashboard/site-access-model';
import { downloadBlob, downloadText } from '../../src/ui/download';
import { defaultCountry } from '../../src/ui/locale';
import { showPageInUiLanguage } from '../../src/ui/page-language';
import { t, uiLanguage } from '../../src/domain/i18n';
import { yieldToScreen } from '../../src/ui/yield-to-screen';
import { createReceiptTemplateModel } from '../../src/ui/receipt/receipt-template-model';
import { createBestCustomersModel } from '../../src/ui/reports/best-customers-model';
import { CustomerStatement } from '../../src/ui/reports/CustomerStatement';
import { createSpendPatternsModel } from '../../src/ui/reports/spend-patterns-model';
import { createStatementModel } from '../../src/ui/reports/statement-model';
import { purchaseOrderHref, purchaseOrderInHash } from '../../src/ui/purchase-order/address';
import { purchaseOrderDocument } from '../../src/ui/purchase-order/documents';
import { createPurchaseOrderModel } from '../../src/ui/purchase-order/purchase-order-model';
import { PurchaseOrderScreen } from '../../src/ui/purchase-order/PurchaseOrderScreen';
import { createSupplierOrdersModel } from '../../src/ui/purchase-order/supplier-orders-model';
import { SupplierOrders } from '../../src/ui/purchase-order/SupplierOrders';
import { createCatalogCache } from '../../src/ui/record/catalog-cache';
import { reconcileDeps } from '../../src/ui/reconcile/reconcile-deps';
import { createReconcileModel } from '../../src/ui/reconcile/reconcile-model';
import { createReconcileResultsModel } from '../../src/ui/reconcile/results-model';
import { browser } from 'wxt/browser';
import { showBackupReminder } from '../../src/messaging/backup-reminder';
import { createBackupModel } from '../../src/ui/backup/backup-model';
import { createRestoreModel } from '../../src/ui/backup/restore-model';
import { pageStorageEnvironment } from '../../src/ui/storage/environment';
import { createStorageProblemModel } from '../../src/ui/storage/storage-problem';
import { mountStorageProblem } from '../../src/ui/storage/StorageProblemBanner';
import '../../src/ui/theme.css';

const db = openDatabase();
showPageInUiLanguage(t('common_dashboard_title'));
const locale = uiLanguage();
const country = defaultCountry(locale);
const root = document.getElementById('app') as HTMLElement;
// A private window, a refused open or an upgrade from another tab is said above every screen.
mountStorageProblem(createStorageProblemModel(db, pageStorageEnvironment()), root);
// Open tabs of the origin fetch its settings and recipes again, and detect again.
const notifySiteChanged = async (origin: string) => {
  await sendMessage('sites.changed', { origin });
};

// The contacts list, recorded purchases, duplicates and reports share one read of both tables.
const snapshot = snapshotSource(db);
const { read } = snapshot;
const model = createDashboardModel({ db, read, download: downloadBlob });
const contacts = createContactListModel({ db, read, defaultCountry: country });
const contactsTransfer = createContactsTransferModel({
  db,
  defaultCountry: country,
  download: downloadText,
  // An import, a merge or its undo changes the list, the duplicates and the reports alike.
  onChanged: () => refreshAll(),
});
const duplicates = createDuplicatesModel({
  db,
  read,
  defaultCountry: country,
  onChanged: () => refreshAll(),
});
const sites = createSiteAccessModel({
  db,
  list: allowedBackOffices,
  allow: allowBackOffice,
  revoke: revokeBackOffice,
  toPattern: originPattern,
  notifySiteChanged,
});
const recipes = createRecipesModel({ db, download: downloadText, notifySiteChanged });
const followUp = createFollowUpModel({ db, history: model });
const catalog = createCatalogModel({ db });
const buyBackSettings = createBuyBackSettingsModel({ db });
const doNotBuy = createDoNotBuyModel({ db });
const dealerReport = createDealerReportModel({ db, download: downloadText, locale });
const receiptTemplate = createReceiptTemplateModel(
  {
    load: () => readSetting(db, 'receiptTemplate'),
    save: (template) => writeSetting(db, 'receiptTemplate', template),
  },
  { locale },
);
const catalogIndex = createCatalogCache(db);
const buyBacks = createBuyBackListModel({ db, open: (id) => (location.hash = buyBackHref(id)) });
const bestCustomers = createBestCustomersModel({ db, read, locale, download: downloadText });
const spendPatterns = createSpendPatternsModel({ db, read, locale });
const reconcileWith = reconcileDeps(db, {
  runJob: async (jobId) => {
    await sendMessage('reconcile.run', { jobId });
  },
  defaultCountry: country,
});
// A decision or an import changes purchases and statuses: the lists and reports follow (the
// results model has read its run again itself).
const reconcileResults = createReconcileResultsModel({
  ...reconcileWith,
  onChanged: () => refreshAll({ resultsShown: true }),
});
const reconcile = createReconcileModel({
  ...reconcileWith,
  onRun: async (runId) => {
    await reconcileResults.show(runId);
    // The run was just read; the other sections follow its statuses.
    await refreshAll({ resultsShown: true });
  },
});
// `Back up` and `Restore`; a restore changes every table, so every section reads them again.
const backup = createBackupModel({
  db,
  appVersion: browser.runtime.getManifest().version,
  download: downloadBlob,
  storage: navigator.storage,
  // The toolbar button's "!" goes as soon as the backup is made, not at the worker's next daily look.
  onScheduleChanged: () => void showBackupReminder(db, browser.action, new Date()).catch(() => {}),
});
const restore = createRestoreModel({ db, onRestored: () => refreshAll() });

/**
 * Everything again, from one read of contacts and purchases: the contacts list first, on screen
 * before the sections that sum every order or compare every contact take the thread.
 */
async function refreshAll(options: { resultsShown?: boolean } = {}): Promise<void> {
  await snapshot.sharing(async () => {
    await contacts.refresh();
    await yieldToScreen();
    await Promise.all([
      model.refresh(),
      contactsTransfer.refresh(),
      duplicates.refresh(),
      sites.refresh(),
      recipes.refresh(),
      followUp.refresh(),
      catalog.refresh(),
      buyBacks.refresh(),
      buyBackSettings.refresh(),
      doNotBuy.refresh(),
      dealerReport.refresh(),
      receiptTemplate.refresh(),
      bestCustomers.refresh(),
      spendPatterns.refresh(),
      backup.refresh(),
      reconcile.refresh(),
      options.resultsShown ? undefined : reconcileResults.refresh(),
    ]);
  });
}

function show() {
  const id = buyBackInHash(location.hash);
  if (id) {
    const screen = createBuyBackModel(
      { db, locale, download: downloadBlob, documents: buyBackDocuments(db, locale) },
      id,
    );
    render(<BuyBackScreen model={screen} backHref="#" />, root);
    void screen.load();
    return;
  }
  const orderId = purchaseOrderInHash(location.hash);
  if (orderId) {
    const deps = { db, locale, download: downloadBlob, document: purchaseOrderDocument(db, locale) };
    const screen = createPurchaseOrderModel({ ...deps, loadCatalog: catalogIndex.get }, orderId);
    render(<PurchaseOrderScreen model={screen} />, root);
    void screen.load();
    return;
  }
  const contactId = contactInHash(location.hash);
  if (contactId) {
    const screen = createContactScreenModel({ db, defaultCountry: country }, contactId);
    const open = (id: string) => (location.hash = purchaseOrderHref(id));
    const orders = createSupplierOrdersModel({ db, locale, open }, contactId);
    const statement = createStatementModel({ db, locale, download: downloadBlob }, contactId);
    render(
      <ContactScreen model={screen} backHref="#">
        <SupplierOrders model={orders} />
        <CustomerStatement model={statement} />
      </ContactScreen>,
      root,
    );
    void screen.load();
    void orders.refresh();
    void statement.refresh();
    return;
  }
  render(
    <Dashboard
      model={model}
      contacts={contacts}
      contactsTransfer={contactsTransfer}
      duplicates={duplicates}
      sites={sites}
      recipes={recipes}
      followUp={followUp}
      catalog={catalog}
      buyBacks={buyBacks}
      buyBackSettings={buyBackSettings}
      doNotBuy={doNotBuy}
      dealerReport={dealerReport}
      receiptTemplate={receiptTemplate}
      bestCustomers={bestCustomers}
      spendPatterns={spendPatterns}
      reconcile={reconcile}
      reconcileResults={reconcileResults}
      backup={backup}
      restore={restore}
    />,
    root,
  );
  // The sidebar's "Open results" link.
  if (location.hash === '#reconcile') document.getElementById('reconcile')?.scrollIntoView();
  // The sidebar's backup reminder.
  if (location.hash === '#backup') document.getElementById('backup')?.scrollIntoView();
  void refreshAll();
}

show();
window.addEventListener('hashchange', show);
// The sidebar records and teaches in another page; show its work when the user comes back here.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && (location.hash === '' || location.hash === '#reconcile')) {
    void refreshAll();
  }
});
