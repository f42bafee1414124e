import { computed, signal } from '@preact/signals';
import { SURE_CONFIDENCE } from '../../adapters/detect';
import { CAPTURE_OUTCOME_TEXT } from '../../domain/capture-outcome';
import type { PageContext } from '../../messaging/protocol';
import { createContactFormModel, type ContactFormModel } from './contact-form-model';
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

/** Where the sidebar learns what its page shows, and asks the page to be taught. */
export interface PageContextSource {
  load(): Promise<{ tabId: number; context: PageContext | null }>;
  watch(tabId: number, onChange: (context: PageContext | null) => void): () => void;
  teach(): Promise<void>;
}

/** What the sidebar shows for its page: a sure contact, a form to complete, or nothing. */
export type PageView =
  /** `teachable`: read by a guess or a recipe, which teaching (again) makes reliable. */
  | { kind: 'contact'; snapshot: ContactSnapshot; teachable: boolean }
  | { kind: 'form'; heading: string; hint: string; form: ContactFormModel }
  | { kind: 'nothing' };

export interface SidebarDeps {
  db: TallyDatabase;
  pageContext: PageContextSource;
  defaultCountry: CountryCode;
}

/** The sidebar's state: the customer on the page, its stored contact, its timeline, a recording. */
export function createSidebarModel(deps: SidebarDeps) {
  const loading = signal(true);
  const page = signal<PageContext | null>(null);
  /** A contact the user confirmed with the form, for the page it was confirmed on. */
  const confirmed = signal<ContactSnapshot | null>(null);
  const handEntry = signal<ContactFormModel | null>(null);
  const view = computed<PageView>(() => pageView(page.value, confirmed.value, handEntry.value));
  const snapshot = computed(() => (view.value.kind === 'contact' ? view.value.snapshot : null));
  const contact = signal<Contact | null>(null);
  const timeline = signal<PurchaseRecord[]>([]);
  const recording = signal<RecordModel | null>(null);
  const notice = signal<string | null>(null);
  const error = signal<string | null>(null);
  let generation = 0;

  async function showPage(next: PageContext | null) {
    if (next?.url !== page.value?.url) {
      confirmed.value = null;
      handEntry.value = null;
    }
    // A notice is about what the page showed ("Captured: …", the teaching prompt): it ends when
    // the page shows something else, e.g. the contact a recipe just learned to read.
    if (JSON.stringify(next?.detection) !== JSON.stringify(page.value?.detection)) notice.value = null;
    page.value = next;
    await showContact();
  }

  async function showContact() {
    const mine = ++generation;
    const current = snapshot.value;
    recording.value = null;
    const found = current ? await findContactForSnapshot(deps.db, current, deps.defaultCountry) : undefined;
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
      const loaded = await deps.pageContext.load();
      deps.pageContext.watch(loaded.tabId, (next) => void showPage(next));
      await showPage(loaded.context);
    } catch (failure) {
      error.value = errorMessage(failure);
    } finally {
      loading.value = false;
    }
  }

  async function capture(): Promise<Contact | null> {
    const current = view.value;
    const target =
      current.kind === 'contact'
        ? current.snapshot
        : current.kind === 'form'
          ? current.form.toSnapshot()
          : null;
    if (!target) return null;
    error.value = null;
    notice.value = null;
    try {
      const { contact: saved, outcome } = await saveCapturedContact(deps.db, target, deps.defaultCountry);
      if (current.kind === 'form') {
        confirmed.value = target;
        handEntry.value = null;
      }
      contact.value = saved;
      notice.value = `${CAPTURE_OUTCOME_TEXT[outcome]}: ${saved.name}`;
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

  async function teach() {
    error.value = null;
    try {
      await deps.pageContext.teach();
      notice.value = 'Click the customer’s name on the page, then follow the prompts there.';
    } catch (failure) {
      error.value = `Teach mode did not start: ${errorMessage(failure)}`;
    }
  }

  function enterByHand() {
    const url = page.value?.url;
    if (!url) return;
    handEntry.value = createContactFormModel(page.value?.draft ?? {}, { backOffice: 'manual', url });
  }

  return {
    loading,
    view,
    snapshot,
    teach,
    enterByHand,
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

/** Which view a page context calls for; `confirmed` and `handEntry` are the user's own input. */
export function pageView(
  context: PageContext | null,
  confirmed: ContactSnapshot | null,
  handEntry: ContactFormModel | null,
): PageView {
  if (confirmed) return { kind: 'contact', snapshot: confirmed, teachable: false };
  if (!context) return { kind: 'nothing' };
  const { detection, draft, url } = context;
  const picked = Object.keys(draft).length > 0;
  if (detection.status === 'found' && detection.confidence >= SURE_CONFIDENCE && !picked) {
    return { kind: 'contact', snapshot: detection.snapshot, teachable: detection.source.kind !== 'adapter' };
  }
  if (handEntry)
    return { kind: 'form', heading: 'New contact', hint: 'Enter the contact by hand.', form: handEntry };
  if (detection.status === 'found') {
    const { snapshot } = detection;
    return {
      kind: 'form',
      heading: picked ? 'New contact' : 'Possible contact',
      hint: picked
        ? 'Fields you picked on the page.'
        : 'Tally is not sure this is the page’s contact: check it.',
      form: createContactFormModel({ ...snapshot, ...draft }, { ...snapshot }),
    };
  }
  if (detection.status === 'broken') {
    return {
      kind: 'form',
      heading: 'Capture needs attention',
      hint: `${detection.source.name} no longer reads this page as it did (${detection.reason}). Complete the contact.`,
      form: createContactFormModel(
        { ...detection.partial, ...draft },
        {
          backOffice: detection.source.kind === 'adapter' ? detection.source.id : detection.source.kind,
          url,
          ...(detection.partial.role ? { role: detection.partial.role } : {}),
        },
      ),
    };
  }
  if (picked) {
    return {
      kind: 'form',
      heading: 'New contact',
      hint: 'Fields you picked on the page.',
      form: createContactFormModel(draft, { backOffice: 'manual', url }),
    };
  }
  return { kind: 'nothing' };
}
