import { render } from 'preact';
import { effect } from '@preact/signals';
import { openDatabase } from '../../db/database';
import { catalogCurrency, findProductBySku, saveProduct } from '../../db/products';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';
import { createBackupReminderModel } from '../backup/backup-model';
import { OnlyIfAllowed } from '../embed/EmbedRefusal';
import { buyBackHref } from '../buyback/address';
import { createCaptureProductModel } from '../catalog/capture-product-model';
import { defaultCountry } from '../locale';
import { showPageInUiLanguage } from '../page-language';
import type { Platform } from '../platform';
import { reconcileDeps } from '../reconcile/reconcile-deps';
import { createReconcileModel } from '../reconcile/reconcile-model';
import { Sidebar } from '../sidebar/Sidebar';
import { createSidebarModel } from '../sidebar/sidebar-model';
import { guardAgainstClickjacking } from '../sidebar/visibility-guard';
import { createStorageProblemModel } from '../storage/storage-problem';
import { mountStorageProblem } from '../storage/StorageProblemBanner';

/**
 * The sidebar, in either build: framed beside a back-office page, in the browser's side panel,
 * embedded by a back office, or open on its own in the web app. `platform` says which.
 */
export function startSidebar(platform: Platform, app: HTMLElement): void {
  const side = platform.sidebar();
  showPageInUiLanguage();

  const model = createSidebarModel({
    db: openDatabase(),
    defaultCountry: defaultCountry(),
    pageContext: side.page,
    ...(side.handEntryUrl ? { handEntryUrl: side.handEntryUrl } : {}),
    onItsOwn: side.onItsOwn === true,
    // A buy-back needs room (ID, photos, items): it opens on the dashboard, in a tab of its own.
    openBuyBack: (id) => platform.openDashboard(buyBackHref(id)),
  });

  // Framed in a page, confirming and deleting are refused while the page covers or hides Tally.
  if (side.framed) guardAgainstClickjacking(document, (message) => (model.error.value = message));

  // The side panel opens only inside the click: nothing is awaited before moveToSidePanel().
  const { moveToSidePanel } = side;
  const openInPanel = moveToSidePanel
    ? () =>
        void moveToSidePanel().catch((failure: unknown) => {
          model.error.value = t('sidebar_side_panel_not_opened', errorMessage(failure));
        })
    : undefined;

  // `Capture product` on pages without a customer: the worker reads the page, the user checks it.
  const { readProduct } = side;
  const capture = readProduct
    ? createCaptureProductModel({
        readPage: () => readProduct(model.tabId.value),
        findProduct: (sku) => findProductBySku(openDatabase(), sku),
        save: (entry) => saveProduct(openDatabase(), entry),
        defaultCurrency: async () => (await catalogCurrency(openDatabase())) ?? 'USD',
      })
    : undefined;
  // A product read from one page is not offered on the next one.
  if (capture) {
    effect(() => {
      if (model.pageUrl.value !== null) capture.reset();
    });
  }

  // The compact drop zone: the dashboard's reconcile, its results a link away; the timeline's
  // badges follow a finished run.
  const reconcile = createReconcileModel({
    ...reconcileDeps(openDatabase(), {
      runJob: (jobId) => platform.runReconcileJob(jobId),
      defaultCountry: defaultCountry(),
    }),
    onRun: () => model.timeline.refresh(),
  });

  // A private window, a refused open or an upgrade from another tab is said above the sidebar.
  mountStorageProblem(createStorageProblemModel(openDatabase(), platform.storageEnvironment()), app);
  // "A backup is due", read once when the sidebar opens.
  const backupReminder = createBackupReminderModel({ db: openDatabase() });
  void backupReminder.refresh();

  const sidebar = (
    <Sidebar
      model={model}
      onOpenInPanel={openInPanel}
      capture={capture}
      reconcile={reconcile}
      reconcileResultsHref={platform.dashboardHref('#reconcile')}
      backupReminder={{ model: backupReminder, href: platform.dashboardHref('#backup') }}
    />
  );
  // Framed by a page not known to be allowed (web app): nothing of the sidebar, only why.
  const { embedder } = side;
  render(
    embedder ? (
      <OnlyIfAllowed embedder={embedder} allowHref={platform.dashboardHref('#embedding')}>
        {sidebar}
      </OnlyIfAllowed>
    ) : (
      sidebar
    ),
    app,
  );
  void model.start().then(() => performance.mark('tally:interactive'));
  void reconcile.refresh();

  // Buy-backs are filled in on the dashboard, in another tab: show their state when the user is back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void model.timeline.refresh();
  });
}
