import { t } from '../../domain/i18n';
import { BuyBackList } from '../buyback/BuyBackList';
import type { BuyBackListModel } from '../buyback/buyback-list-model';
import { ContactList } from '../contacts/ContactList';
import type { ContactListModel } from '../contacts/contact-list-model';
import { ContactsTransfer } from '../contacts/import/ContactsTransfer';
import type { ContactsTransferModel } from '../contacts/import/contacts-transfer-model';
import { Duplicates } from '../contacts/merge/Duplicates';
import type { DuplicatesModel } from '../contacts/merge/duplicates-model';
import { ErrorMessage } from '../ErrorMessage';
import { EmbedAccess } from '../embed/EmbedAccess';
import type { EmbedAccessModel } from '../embed/embed-access-model';
import { ReceiptTemplateEditor } from '../receipt/ReceiptTemplateEditor';
import { ReconcileSection } from '../reconcile/ReconcileSection';
import type { ReconcileModel } from '../reconcile/reconcile-model';
import type { ReconcileResultsModel } from '../reconcile/results-model';
import type { ReceiptTemplateModel } from '../receipt/receipt-template-model';
import type { BestCustomersModel } from '../reports/best-customers-model';
import { Reports } from '../reports/Reports';
import type { SpendPatternsModel } from '../reports/spend-patterns-model';
import { BuyBackSettings } from './BuyBackSettings';
import type { BuyBackSettingsModel } from './buy-back-settings-model';
import { CatalogImport } from './CatalogImport';
import { DealerReport } from './DealerReport';
import type { DealerReportModel } from './dealer-report-model';
import { DoNotBuyList } from './DoNotBuyList';
import type { DoNotBuyModel } from './do-not-buy-model';
import type { CatalogModel } from './catalog-model';
import { FollowUp } from './FollowUp';
import { PurchasesTable } from './PurchasesTable';
import { SectionNav } from './SectionNav';
import { SiteAccess } from './SiteAccess';
import { TaughtRecipes } from './TaughtRecipes';
import { BackupReminder } from '../backup/BackupReminder';
import { BackupSection } from '../backup/BackupSection';
import type { BackupModel } from '../backup/backup-model';
import type { RestoreModel } from '../backup/restore-model';
import type { DashboardModel } from './dashboard-model';
import type { FollowUpModel } from './follow-up-model';
import type { RecipesModel } from './recipes-model';
import type { SiteAccessModel } from './site-access-model';

export function Dashboard(props: {
  model: DashboardModel;
  contacts: ContactListModel;
  contactsTransfer: ContactsTransferModel;
  duplicates: DuplicatesModel;
  /** The extension's back-office sites and taught pages; absent in the web app. */
  pageAccess?: { sites: SiteAccessModel; recipes: RecipesModel } | undefined;
  /** The back offices allowed to embed the web app's sidebar; absent in the extension. */
  embedAccess?: EmbedAccessModel | undefined;
  followUp: FollowUpModel;
  catalog: CatalogModel;
  buyBacks: BuyBackListModel;
  buyBackSettings: BuyBackSettingsModel;
  doNotBuy: DoNotBuyModel;
  dealerReport: DealerReportModel;
  receiptTemplate: ReceiptTemplateModel;
  bestCustomers: BestCustomersModel;
  spendPatterns: SpendPatternsModel;
  reconcile: ReconcileModel;
  reconcileResults: ReconcileResultsModel;
  backup: BackupModel;
  restore: RestoreModel;
  /** The web app's sidebar, on a page of its own: where purchases are recorded there. */
  sidebarHref?: string | null;
}) {
  const { model } = props;
  return (
    <main class="dashboard">
      <h1 class="brand">Tally</h1>
      {props.sidebarHref ? (
        <p>
          <a href={props.sidebarHref}>{t('dashboard_open_sidebar')}</a>
        </p>
      ) : null}
      <BackupReminder due={props.backup.due.value} onBackUp={() => void props.backup.backUp()} />
      <SectionNav />
      <ErrorMessage message={model.error.value} />
      <ContactList model={props.contacts}>
        <ContactsTransfer model={props.contactsTransfer} />
      </ContactList>
      <Duplicates model={props.duplicates} />
      <PurchasesTable model={model} />
      <ReconcileSection model={props.reconcile} results={props.reconcileResults} />
      <FollowUp model={props.followUp} />
      <Reports bestCustomers={props.bestCustomers} spendPatterns={props.spendPatterns} />
      <BuyBackList model={props.buyBacks} />
      <DealerReport model={props.dealerReport} />
      <DoNotBuyList model={props.doNotBuy} />
      <BuyBackSettings model={props.buyBackSettings} />
      <ReceiptTemplateEditor model={props.receiptTemplate} />
      <CatalogImport model={props.catalog} />
      {props.pageAccess ? (
        <>
          <SiteAccess model={props.pageAccess.sites} />
          <TaughtRecipes model={props.pageAccess.recipes} />
        </>
      ) : null}
      {props.embedAccess ? <EmbedAccess model={props.embedAccess} /> : null}
      <BackupSection backup={props.backup} restore={props.restore} />
    </main>
  );
}
