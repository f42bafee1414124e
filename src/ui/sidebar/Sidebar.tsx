import { CaptureProduct } from '../catalog/CaptureProduct';
import type { CaptureProductModel } from '../catalog/capture-product-model';
import { t } from '../../domain/i18n';
import { ErrorMessage } from '../ErrorMessage';
import { ProductPicker } from '../record/ProductPicker';
import type { ReconcileModel } from '../reconcile/reconcile-model';
import { SidebarReconcile } from '../reconcile/SidebarReconcile';
import { ReviewOrder } from '../record/ReviewOrder';
import { ActivityTimeline } from './ActivityTimeline';
import { ContactCard } from './ContactCard';
import { ContactForm } from './ContactForm';
import { PasteContact } from './PasteContact';
import { ReorderDue } from './ReorderDue';
import { StoreCredit } from './StoreCredit';
import type { SidebarModel } from './sidebar-model';
import { BackupReminder } from '../backup/BackupReminder';
import type { BackupReminderModel } from '../backup/backup-model';

export function Sidebar(props: {
  model: SidebarModel;
  onOpenInPanel?: (() => void) | undefined;
  /** `Capture product`, offered on pages with no customer. */
  capture?: CaptureProductModel;
  /** The compact drop zone for a back-office export, and where its full results are. */
  reconcile?: ReconcileModel;
  reconcileResultsHref?: string;
  /** The one-line reminder when a backup is due, linking to the dashboard's Backup section. */
  backupReminder?: { model: BackupReminderModel; href: string };
}) {
  const { model } = props;
  const recording = model.recording.value;
  const view = model.view.value;
  const snapshot = model.snapshot.value;
  return (
    <main class="sidebar" aria-busy={model.loading.value}>
      <h1 class="brand">Tally</h1>
      {props.onOpenInPanel ? (
        <button type="button" class="secondary" onClick={props.onOpenInPanel}>
          {t('sidebar_open_in_panel')}
        </button>
      ) : null}
      <ErrorMessage message={model.error.value} />
      {model.notice.value ? (
        <p role="status" class="notice">
          {model.notice.value}
        </p>
      ) : null}
      {recording ? (
        recording.step.value === 'pick' ? (
          <ProductPicker model={recording} onCancel={model.cancelRecording} />
        ) : (
          <ReviewOrder
            model={recording}
            onConfirm={(futureDateConfirmed) => void model.finishRecording(recording, futureDateConfirmed)}
          />
        )
      ) : snapshot ? (
        <>
          <ContactCard
            snapshot={snapshot}
            contact={model.contact.value}
            onCapture={() => void model.capture()}
          />
          {model.contact.value ? <StoreCredit model={model.storeCredit} /> : null}
          <div class="actions">
            <button type="button" onClick={() => void model.startRecording('purchase')}>
              {t('sidebar_record_purchase')}
            </button>
            <button type="button" onClick={() => void model.startRecording('sample')}>
              {t('sidebar_record_sample')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={model.startingBuyBack.value}
              onClick={() => void model.startBuyBack()}
            >
              {t('sidebar_new_buy_back')}
            </button>
          </div>
          {model.contact.value ? (
            <>
              <ReorderDue estimates={model.reorders.value} />
              <ActivityTimeline
                model={model.timeline}
                onEdit={model.editRecord}
                onOpenBuyBack={model.openBuyBack}
              />
            </>
          ) : null}
          {view.kind === 'contact' && view.teachable && model.canTeach ? <TeachButton model={model} /> : null}
        </>
      ) : view.kind === 'form' ? (
        <>
          <ContactForm
            model={view.form}
            heading={view.heading}
            hint={view.hint}
            onCapture={() => void model.capture()}
          />
          {model.canTeach ? <TeachButton model={model} /> : null}
        </>
      ) : model.loading.value ? null : (
        <section
          class="card"
          aria-label={model.onItsOwn ? t('sidebar_on_its_own') : t('sidebar_no_customer')}
        >
          <p class="muted">{model.onItsOwn ? t('sidebar_on_its_own_text') : t('sidebar_no_customer_text')}</p>
          <div class="actions">
            {model.canTeach ? (
              <button type="button" onClick={() => void model.teach()}>
                {t('sidebar_teach')}
              </button>
            ) : null}
            <button type="button" onClick={() => model.enterByHand()}>
              {t('sidebar_enter_by_hand')}
            </button>
          </div>
          <PasteContact model={model.paste} />
          {props.capture ? <CaptureProduct model={props.capture} /> : null}
        </section>
      )}
      {props.backupReminder && !recording ? (
        <BackupReminder due={props.backupReminder.model.due.value} href={props.backupReminder.href} />
      ) : null}
      {props.reconcile && !recording ? (
        <SidebarReconcile model={props.reconcile} resultsHref={props.reconcileResultsHref ?? '#'} />
      ) : null}
    </main>
  );
}

/** Teaching a guessed page makes it reliable; teaching again fixes a recipe a redesign broke. */
function TeachButton(props: { model: SidebarModel }) {
  return (
    <button type="button" class="secondary" onClick={() => void props.model.teach()}>
      {t('sidebar_teach')}
    </button>
  );
}
