import { render } from 'preact';
import { browser } from 'wxt/browser';
import { effect } from '@preact/signals';
import { openDatabase } from '../../src/db/database';
import { catalogCurrency, findProductBySku, saveProduct } from '../../src/db/products';
import { errorMessage } from '../../src/domain/errors';
import { t } from '../../src/domain/i18n';
import { sendMessage } from '../../src/messaging/client';
import { createCaptureProductModel } from '../../src/ui/catalog/capture-product-model';
import { defaultCountry } from '../../src/ui/locale';
import { showPageInUiLanguage } from '../../src/ui/page-language';
import { browserActiveTabSource } from '../../src/ui/sidebar/active-tab-source';
import { framedTabSource } from '../../src/ui/sidebar/framed-tab-source';
import { canOpenSidePanel } from '../../src/ui/sidebar/side-panel';
import { buyBackHref } from '../../src/ui/buyback/address';
import { reconcileDeps } from '../../src/ui/reconcile/reconcile-deps';
import { createReconcileModel } from '../../src/ui/reconcile/reconcile-model';
import { Sidebar } from '../../src/ui/sidebar/Sidebar';
import { createBackupReminderModel } from '../../src/ui/backup/backup-model';
import { pageStorageEnvironment } from '../../src/ui/storage/environment';
import { createStorageProblemModel } from '../../src/ui/storage/storage-problem';
import { mountStorageProblem } from '../../src/ui/storage/StorageProblemBanner';
import { createSidebarModel } from '../../src/ui/sidebar/sidebar-model';
import { guardAgainstClickjacking } from '../../src/ui/sidebar/visibility-guard';
import '../../src/ui/theme.css';

// Framed in a back-office page, or alone in the browser's side panel. The browser decides
// which (a page cannot make its frame the top window), not a query string anyone can write.
const framed = window.top !== window ? framedTabSource() : null;
showPageInUiLanguage();

const model = createSidebarModel({
  db: openDatabase(),
  defaultCountry: defaultCountry(),
  pageContext: framed ?? browserActiveTabSource(),
  // A buy-back needs room (ID, photos, items): it opens on the dashboard, in a tab of its own.
  openBuyBack: (id) =>
    void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${buyBackHref(id)}`) }),
});

// Framed in a page, confirming and deleting are refused while the page covers or hides Tally.
if (framed) guardAgainstClickjacking(document, (message) => (model.error.value = message));

// The side panel opens only inside the click: nothing is awaited before moveToSidePanel().
const openInPanel =
  framed && canOpenSidePanel()
    ? () =>
        void framed.moveToSidePanel().catch((failure: unknown) => {
          model.error.value = t('sidebar_side_panel_not_opened', errorMessage(failure));
        })
    : undefined;

// `Capture product` on pages without a customer: the worker reads the page, the user checks it.
const capture = createCaptureProductModel({
  readPage: () => sendMessage('product.readPage', tabRequest(model.tabId.value)),
  findProduct: (sku) => findProductBySku(openDatabase(), sku),
  save: (entry) => saveProduct(openDatabase(), entry),
  defaultCurrency: async () => (await catalogCurrency(openDatabase())) ?? 'USD',
});

/** The side panel names the tab it follows; framed, the worker knows the tab anyway. */
function tabRequest(tabId: number | null): { tabId?: number } {
  return tabId === null ? {} : { tabId };
}

// The compact drop zone: the dashboard's reconcile, its results a link away; the timeline's
// badges follow a finished run.
const reconcile = createReconcileModel({
  ...reconcileDeps(openDatabase(), {
    runJob: async (jobId) => {
      await sendMessage('reconcile.run', { jobId });
    },
    defaultCountry: defaultCountry(),
  }),
  onRun: () => model.timeline.refresh(),
});

// A product read from one page is not offered on the next one.
effect(() => {
  if (model.pageUrl.value !== null) capture.reset();
});

const app = document.getElementById('app') as HTMLElement;
// A private window, a refused open or an upgrade from another tab is said above the sidebar.
mountStorageProblem(createStorageProblemModel(openDatabase(), pageStorageEnvironment()), app);
// "A backup is due", read once when the sidebar opens.
const backupReminder = createBackupReminderModel({ db: openDatabase() });
void backupReminder.refresh();

render(
  <Sidebar
    model={model}
    onOpenInPanel={openInPanel}
    capture={capture}
    reconcile={reconcile}
    reconcileResultsHref={browser.runtime.getURL('/dashboard.html#reconcile')}
    backupReminder={{ model: backupReminder, href: browser.runtime.getURL('/dashboard.html#backup') }}
  />,
  app,
);
void model.start().then(() => performance.mark('tally:interactive'));
void reconcile.refresh();

// Buy-backs are filled in on the dashboard, in another tab: show their state when the user is back.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void model.timeline.refresh();
});
