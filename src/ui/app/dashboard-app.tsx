import { render } from 'preact';
import { snapshotSource } from '../../db/dashboard-snapshot';
import { openDatabase } from '../../db/database';
import { readSetting, writeSetting } from '../../db/settings';
import { BuyBackScreen } from '../buyback/BuyBackScreen';
import { buyBackHref, buyBackInHash } from '../buyback/address';
import { createBuyBackListModel } from '../buyback/buyback-list-model';
import { createBuyBackModel } from '../buyback/buyback-model';
import { buyBackDocuments } from '../buyback/documents';
import { contactHref, contactInHash } from '../contacts/address';
import { ContactScreen } from '../contacts/ContactScreen';
import { createContactListModel } from '../contacts/contact-list-model';
import { createContactsTransferModel } from '../contacts/import/contacts-transfer-model';
import { createDuplicatesModel } from '../contacts/merge/duplicates-model';
import { createContactScreenModel } from '../contacts/contact-screen-model';
import { createBuyBackSettingsModel } from '../dashboard/buy-back-settings-model';
import { Dashboard } from '../dashboard/Dashboard';
import { createDealerReportModel } from '../dashboard/dealer-report-model';
import { createDoNotBuyModel } from '../dashboard/do-not-buy-model';
import { createCatalogModel } from '../dashboard/catalog-model';
import { createDashboardModel } from '../dashboard/dashboard-model';
import { createFollowUpModel } from '../dashboard/follow-up-model';
import { createRecipesModel } from '../dashboard/recipes-model';
import { createSiteAccessModel } from '../dashboard/site-access-model';
import { downloadBlob, downloadText } from '../download';
import { createEmbedAccessModel } from '../embed/embed-access-model';
import { defaultCountry } from '../locale';
import { showPageInUiLanguage } from '../page-language';
import { t, uiLanguage } from '../../domain/i18n';
import { yieldToScreen } from '../yield-to-screen';
import type { Platform } from '../platform';
import { createReceiptTemplateModel } from '../receipt/receipt-template-model';
import { createBestCustomersModel } from '../reports/best-customers-model';
import { CustomerStatement } from '../reports/CustomerStatement';
import { createSpendPatternsModel } from '../reports/spend-patterns-model';
import { createStatementModel } from '../reports/statement-model';
import { purchaseOrderHref, purchaseOrderInHash } from '../purchase-order/address';
import { purchaseOrderDocument } from '../purchase-order/documents';
import { createPurchaseOrderModel } from '../purchase-order/purchase-order-model';
import { PurchaseOrderScreen } from '../purchase-order/PurchaseOrderScreen';
import { createSupplierOrdersModel } from '../purchase-order/supplier-orders-model';
import { SupplierOrders } from '../purchase-order/SupplierOrders';
import { createCatalogCache } from '../record/catalog-cache';
import { reconcileDeps } from '../reconcile/reconcile-deps';
import { createReconcileModel } from '../reconcile/reconcile-model';
import { createReconcileResultsModel } from '../reconcile/results-model';
import { createBackupModel } from '../backup/backup-model';
import { createRestoreModel } from '../backup/restore-model';
import { createStorageProblemModel } from '../storage/storage-problem';
import { mountStorageProblem } from '../storage/StorageProblemBanner';

/**
 * The dashboard, in either build: every section, the contact, buy-back and purchase-order
 * screens (by address), all on the one store. `platform` says what differs.
 */
export function startDashboard(platform: Platform, root: HTMLElement): void {
  const db = openDatabase();
  showPageInUiLanguage(t('common_dashboard_title'));
  const locale = uiLanguage();
  const country = defaultCountry(locale);
  // A private window, a refused open or an upgrade from another tab is said above every screen.
  mountStorageProblem(createStorageProblemModel(db, platform.storageEnvironment()), root);

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
  // The extension's back-office sites and taught pages (the web app reads no page).
  const access = platform.pageAccess;
  const pageAccess = access
    ? {
        sites: createSiteAccessModel({ db, ...access }),
        recipes: createRecipesModel({
          db,
          download: downloadText,
          notifySiteChanged: access.notifySiteChanged,
        }),
      }
    : undefined;
  // The web app's back offices allowed to embed its sidebar (the extension reads pages instead).
  const embedAccess = platform.embedding
    ? createEmbedAccessModel({ db, scriptHref: platform.embedding.scriptHref })
    : undefined;
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
    runJob: (jobId) => platform.runReconcileJob(jobId),
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
    appVersion: platform.appVersion,
    download: downloadBlob,
    storage: navigator.storage,
    ...(platform.onBackupScheduleChanged ? { onScheduleChanged: platform.onBackupScheduleChanged } : {}),
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
        pageAccess?.sites.refresh(),
        pageAccess?.recipes.refresh(),
        embedAccess?.refresh(),
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
        <ContactScreen
          model={screen}
          backHref="#"
          sidebarHref={platform.sidebarHref ? `${platform.sidebarHref}${contactHref(contactId)}` : undefined}
        >
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
        pageAccess={pageAccess}
        embedAccess={embedAccess}
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
        sidebarHref={platform.sidebarHref}
      />,
      root,
    );
    // The sidebar's "Open results" link.
    if (location.hash === '#reconcile') document.getElementById('reconcile')?.scrollIntoView();
    // The sidebar's backup reminder.
    if (location.hash === '#backup') document.getElementById('backup')?.scrollIntoView();
    // The framed sidebar's refusal: where to allow its back office.
    if (location.hash === '#embedding') document.getElementById('embedding')?.scrollIntoView();
    void refreshAll().then(() => performance.mark('tally:dashboard-ready'));
  }

  show();
  window.addEventListener('hashchange', show);
  // The sidebar records and teaches in another page; show its work when the user comes back here.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && (location.hash === '' || location.hash === '#reconcile')) {
      void refreshAll();
    }
  });
}
