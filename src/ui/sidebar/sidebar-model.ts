import { computed, effect, signal } from '@preact/signals';
import { SURE_CONFIDENCE } from '../../adapters/detect';
import { CAPTURE_OUTCOME_TEXT } from '../../domain/capture-outcome';
import type { PageFields } from '../../adapters/adapter';
import type { PageContext } from '../../messaging/protocol';
import { createContactFormModel, type ContactFormModel } from './contact-form-model';
import type { CountryCode } from 'libphonenumber-js/min';
import type { Contact } from '../../domain/contact';
import type { ContactSnapshot } from '../../domain/contact-snapshot';
import type { PurchaseKind, PurchaseRecord } from '../../domain/purchase';
import { todayLocal } from '../../domain/dates';
import { dueForContact } from '../../domain/reorder';
import type { TallyDatabase } from '../../db/database';
import { findContactForSnapshot, saveCapturedContact, searchContacts } from '../../db/contacts';
import { createBuyBack } from '../../db/buybacks';
import { recordGroupOrder, recordPurchase, updatePurchase } from '../../db/purchases';
import { readSetting } from '../../db/settings';
import { contactCreditBalances } from '../../db/store-credit';
import { createBuyBackStart } from '../buyback/buyback-start';
import { createCatalogCache } from '../record/catalog-cache';
import { createRecordModel, type RecordModel, type RecordModelDeps } from '../record/record-model';
import { createPasteContactModel } from './paste-contact-model';
import { createStoreCreditModel } from './store-credit-model';
import { createTimelineModel } from './timeline-model';
import { errorMessage } from '../../domain/errors';
import { t, tPlural } from '../../domain/i18n';

/** The page the sidebar is beside: its tab (null: none) and what that tab reported showing. */
export interface PageBeside {
  tabId: number | null;
  context: PageContext | null;
}

/**
 * Where the sidebar learns what its page shows, and asks the page to be taught. Framed in a page,
 * that page (framed-tab-source.ts); in the browser's side panel, whichever tab is active in its
 * window, so the page itself changes (active-tab-source.ts).
 */
export interface PageContextSource {
  /**
   * Calls `onChange` with the page now, then whenever it changes (another customer, another
   * tab). Settles once the first page was delivered; resolves to the unsubscribe.
   */
  subscribe(onChange: (page: PageBeside) => void): Promise<() => void>;
  /** Starts teach mode in the page the sidebar is beside now; absent where no page can be taught. */
  teach?(): Promise<void>;
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
  /** How the user writes numbers (prices); the browser's language unless given. */
  locale?: string;
  /** Shows a buy-back on its own screen (the dashboard: it needs the room). */
  openBuyBack?: (id: string) => void;
  /** The address a contact entered by hand is recorded with when no page is beside the sidebar. */
  handEntryUrl?: string;
  /** On a page of its own, never beside a back-office page (the web app alone). */
  onItsOwn?: boolean;
}

/** The sidebar's state: the customer on the page, its stored contact, its timeline, a recording. */
export function createSidebarModel(deps: SidebarDeps) {
  const loading = signal(true);
  /** The tab the sidebar is beside (docked: its own; side panel: the one in front). */
  const tabId = signal<number | null>(null);
  const page = signal<PageContext | null>(null);
  /** A contact the user confirmed with the form, for the page it was confirmed on. */
  const confirmed = signal<ContactSnapshot | null>(null);
  const handEntry = signal<ContactFormModel | null>(null);
  const view = computed<PageView>(() => pageView(page.value, confirmed.value, handEntry.value));
  const snapshot = computed(() => (view.value.kind === 'contact' ? view.value.snapshot : null));
  const contact = signal<Contact | null>(null);
  const timeline = createTimelineModel({ db: deps.db });
  const storeCredit = createStoreCreditModel({ db: deps.db });
  // The ledger moves when the contact's orders do (recorded, edited, deleted, undone), and the
  // timeline reloads them after each: read the ledger again whenever it does.
  effect(() => {
    void timeline.records.value;
    void storeCredit.show(timeline.contact.peek());
  });
  const catalog = createCatalogCache(deps.db);
  const lookaheadDays = signal<number | null>(null);
  /** What the contact on the page is due to reorder (nothing until the setting is read). */
  const reorders = computed(() => {
    const current = contact.value;
    const days = lookaheadDays.value;
    return current && days !== null
      ? dueForContact(timeline.records.value, current.id, todayLocal(), days)
      : [];
  });
  const recording = signal<RecordModel | null>(null);
  const buyBackStart = createBuyBackStart();
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
    await timeline.show(contact.value);
  }

  async function start() {
    try {
      let shown = Promise.resolve();
      await deps.pageContext.subscribe((next) => {
        tabId.value = next.tabId;
        shown = showPage(next.context);
      });
      await shown;
      lookaheadDays.value = await readSetting(deps.db, 'reorderLookaheadDays');
      // Index the catalog now, so the first search after `Record purchase` is a warm one.
      void catalog.get().catch(() => undefined);
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
      notice.value = t('sidebar_capture_notice', CAPTURE_OUTCOME_TEXT[outcome], saved.name);
      await timeline.show(saved);
      return saved;
    } catch (failure) {
      error.value = t('sidebar_contact_not_saved', errorMessage(failure));
      return null;
    }
  }

  /** Recording needs a stored contact: the customer on the page is captured first if need be. */
  async function startRecording(kind: PurchaseKind) {
    const target = contact.value ?? (await capture());
    if (!target) return;
    notice.value = null;
    timeline.dismissUndo();
    recording.value = createRecordModel(target, kind, {
      ...recordingDeps(),
      save: async (draft) => {
        await recordPurchase(deps.db, draft);
      },
    });
  }

  /**
   * `New buy-back`: an estimate for the contact on the page (captured first if need be), opened to
   * fill in. Pressed again before it is shown (a double click), it is the same one.
   */
  function startBuyBack(): Promise<void> {
    return buyBackStart.run(async (idFor) => {
      const target = contact.value ?? (await capture());
      if (!target) return false;
      error.value = null;
      try {
        const buyBack = await createBuyBack(deps.db, target.id, idFor(target.id));
        await timeline.refresh();
        deps.openBuyBack?.(buyBack.id);
        return true;
      } catch (failure) {
        error.value = t('sidebar_buy_back_not_started', errorMessage(failure));
        return false;
      }
    });
  }

  /** Opens a recorded order on the review screen; saving replaces it, failing changes nothing. */
  function editRecord(record: PurchaseRecord) {
    const target = contact.value;
    if (!target) return;
    notice.value = null;
    timeline.dismissUndo();
    recording.value = createRecordModel(
      target,
      record.kind,
      {
        ...recordingDeps(),
        save: async ({ purchaseDate, currency, lines, note, payment }) => {
          await updatePurchase(deps.db, record.id, { purchaseDate, currency, lines, note, payment });
        },
      },
      record,
    );
  }

  function recordingDeps(): Omit<RecordModelDeps, 'save'> {
    return {
      loadCatalog: () => catalog.get(),
      saveGroup: async (draft) => {
        await recordGroupOrder(deps.db, draft);
      },
      searchContacts: (query) => searchContacts(deps.db, query),
      loadPaymentOptions: async (contactId) => {
        const [methods, credit] = await Promise.all([
          readSetting(deps.db, 'paymentMethods'),
          contactCreditBalances(deps.db, contactId),
        ]);
        return { methods, credit };
      },
      ...(deps.locale ? { locale: deps.locale } : {}),
    };
  }

  async function finishRecording(model: RecordModel, futureDateConfirmed = false) {
    if (!(await model.confirm(futureDateConfirmed))) return;
    recording.value = null;
    const shares = model.split.value?.requests.value.filter((share) =>
      [...share.quantities.values()].some((quantity) => quantity > 0),
    ).length;
    notice.value = model.editing
      ? t('sidebar_changes_saved')
      : shares
        ? tPlural('sidebar_group_recorded', shares)
        : model.kind === 'sample'
          ? t('sidebar_sample_recorded')
          : t('sidebar_order_recorded');
    await timeline.refresh();
  }

  async function teach() {
    error.value = null;
    try {
      if (!deps.pageContext.teach) return;
      await deps.pageContext.teach();
      notice.value = t('sidebar_teach_prompt');
    } catch (failure) {
      error.value = t('sidebar_teach_failed', errorMessage(failure));
    }
  }

  /**
   * The contact form, empty or prefilled (a pasted contact), for the page or for no page; false
   * when there is no address to record the contact with (no page yet, outside the web app).
   */
  function enterByHand(prefill: PageFields = {}): boolean {
    const url = page.value?.url ?? deps.handEntryUrl;
    if (!url) return false;
    handEntry.value = createContactFormModel(
      { ...page.value?.draft, ...prefill },
      { backOffice: 'manual', url },
    );
    return true;
  }

  /** `Paste a contact`: what it reads opens the contact form, to check and capture. */
  const paste = createPasteContactModel({
    defaultCountry: deps.defaultCountry,
    open(fields, otherContacts) {
      if (!enterByHand(fields)) return false;
      notice.value =
        otherContacts > 0 ? tPlural('sidebar_paste_read_first', otherContacts + 1) : t('sidebar_paste_read');
      return true;
    },
  });

  return {
    loading,
    tabId,
    /** The address of the page beside the sidebar; a new one means everything on it is new. */
    pageUrl: computed(() => page.value?.url ?? null),
    view,
    snapshot,
    teach,
    /** Whether the page beside the sidebar can be taught (not in the web app). */
    canTeach: deps.pageContext.teach !== undefined,
    /** On a page of its own (the web app alone): there is never a page beside it. */
    onItsOwn: deps.onItsOwn === true,
    enterByHand,
    paste,
    contact,
    timeline,
    storeCredit,
    reorders,
    recording,
    notice,
    error,
    start,
    capture,
    startRecording,
    startBuyBack,
    /** A `New buy-back` under way: its button ignores clicks until the buy-back is shown. */
    startingBuyBack: buyBackStart.pending,
    openBuyBack: (id: string) => deps.openBuyBack?.(id),
    finishRecording,
    editRecord,
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
  if (!context) return handEntry ? handEntryView(handEntry) : { kind: 'nothing' };
  const { detection, draft, url } = context;
  const picked = Object.keys(draft).length > 0;
  if (detection.status === 'found' && detection.confidence >= SURE_CONFIDENCE && !picked) {
    return { kind: 'contact', snapshot: detection.snapshot, teachable: detection.source.kind !== 'adapter' };
  }
  if (handEntry) return handEntryView(handEntry);
  if (detection.status === 'found') {
    const { snapshot } = detection;
    return {
      kind: 'form',
      heading: picked ? t('sidebar_new_contact') : t('sidebar_possible_contact'),
      hint: picked ? t('sidebar_hint_picked') : t('sidebar_hint_unsure'),
      form: createContactFormModel({ ...snapshot, ...draft }, { ...snapshot }),
    };
  }
  if (detection.status === 'broken') {
    return {
      kind: 'form',
      heading: t('sidebar_capture_needs_attention'),
      hint: t('sidebar_hint_broken', detection.source.name, detection.reason),
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
      heading: t('sidebar_new_contact'),
      hint: t('sidebar_hint_picked'),
      form: createContactFormModel(draft, { backOffice: 'manual', url }),
    };
  }
  return { kind: 'nothing' };
}

function handEntryView(form: ContactFormModel): PageView {
  return { kind: 'form', heading: t('sidebar_new_contact'), hint: t('sidebar_hint_by_hand'), form };
}
