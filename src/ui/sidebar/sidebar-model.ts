import { signal } from '@preact/signals';
import type { CountryCode } from 'libphonenumber-js/min';
import type { Contact } from '../../domain/contact';
import type { ContactSnapshot } from '../../domain/contact-snapshot';
import type { PurchaseKind, PurchaseRecord } from '../../domain/purchase';
import type { TallyDatabase } from '../../db/database';
import { findContactForSnapshot, saveCapturedContact } from '../../db/contacts';
import { loadCatalog } from '../../db/products';
import { listContactPurchases, recordPurchase } from '../../db/purchases';
import { createRecordModel, type RecordModel } from '../record/record-model';
import { errorMessage } from '../../domain/errors';

/** Where the sidebar learns which customer its page shows. */
export interface PageContextSource {
  load(): Promise<{ tabId: number; snapshot: ContactSnapshot | null }>;
  watch(tabId: number, onChange: (snapshot: ContactSnapshot | null) => void): () => void;
}

export interface SidebarDeps {
  db: TallyDatabase;
  pageContext: PageContextSource;
  defaultCountry: CountryCode;
}

/** The sidebar's state: the customer on the page, its stored contact, its timeline, a recording. */
export function createSidebarModel(deps: SidebarDeps) {
  const loading = signal(true);
  const snapshot = signal<ContactSnapshot | null>(null);
  const contact = signal<Contact | null>(null);
  const timeline = signal<PurchaseRecord[]>([]);
  const recording = signal<RecordModel | null>(null);
  const notice = signal<string | null>(null);
  const error = signal<string | null>(null);
  let generation = 0;

  async function showSnapshot(next: ContactSnapshot | null) {
    const mine = ++generation;
    snapshot.value = next;
    recording.value = null;
    const found = next ? await findContactForSnapshot(deps.db, next, deps.defaultCountry) : undefined;
    if (mine !== generation) return; // the page moved on to another customer meanwhile
    contact.value = found ?? null;
    await refreshTimeline();
  }

  async function refreshTimeline() {
    const current = contact.value;
    timeline.value = current ? await listContactPurchases(deps.db, current.id) : [];
  }

  async function start() {
    try {
      const context = await deps.pageContext.load();
      deps.pageContext.watch(context.tabId, (next) => void showSnapshot(next));
      await showSnapshot(context.snapshot);
    } catch (failure) {
      error.value = errorMessage(failure);
    } finally {
      loading.value = false;
    }
  }

  async function capture(): Promise<Contact | null> {
    const current = snapshot.value;
    if (!current) return null;
    error.value = null;
    notice.value = null;
    try {
      const { contact: saved, created } = await saveCapturedContact(deps.db, current, deps.defaultCountry);
      contact.value = saved;
      notice.value = created ? `${saved.name} saved to Tally.` : `${saved.name} updated.`;
      await refreshTimeline();
      return saved;
    } catch (failure) {
      error.value = `The contact was not saved: ${errorMessage(failure)}`;
      return null;
    }
  }

  /** Recording needs a stored contact: the customer on the page is captured first if need be. */
  async function startRecording(kind: PurchaseKind) {
    const target = contact.value ?? (await capture());
    if (!target) return;
    notice.value = null;
    recording.value = createRecordModel(target, kind, {
      loadCatalog: () => loadCatalog(deps.db),
      save: async (draft) => {
        await recordPurchase(deps.db, draft);
      },
    });
  }

  async function finishRecording(model: RecordModel) {
    if (!(await model.confirm())) return;
    recording.value = null;
    notice.value = model.kind === 'sample' ? 'Sample recorded.' : 'Order recorded.';
    await refreshTimeline();
  }

  return {
    loading,
    snapshot,
    contact,
    timeline,
    recording,
    notice,
    error,
    start,
    capture,
    startRecording,
    finishRecording,
    cancelRecording: () => (recording.value = null),
  };
}

export type SidebarModel = ReturnType<typeof createSidebarModel>;
