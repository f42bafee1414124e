// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../../src/domain/contact';
import type { PurchaseRecord } from '../../../../src/domain/purchase';
import type { ReconcileStatus } from '../../../../src/domain/reconcile';
import { DEFAULT_RECONCILE_OPTIONS } from '../../../../src/domain/reconcile';
import { createReconcileModel, type ReconcileDeps } from '../../../../src/ui/reconcile/reconcile-model';
import { ReconcileSection } from '../../../../src/ui/reconcile/ReconcileSection';
import { createReconcileResultsModel } from '../../../../src/ui/reconcile/results-model';
import { SidebarReconcile } from '../../../../src/ui/reconcile/SidebarReconcile';
import { makeContact, makePurchase } from '../../../support/contacts';
import { LAYOUT, makeJob, makeRun } from './fakes';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const ada = makeContact({ name: 'Ada Lovelace' });
const grace = makeContact({ name: 'Grace Hopper' });
const purchases = [makePurchase(ada.id, '2026-02-10', 2000), makePurchase(grace.id, '2026-02-10', 900)];
const probable = (record: PurchaseRecord): ReconcileStatus => ({
  purchaseId: record.id,
  runId: 'run-1',
  backOffice: 'northwind',
  outcome: 'probable',
  backOfficeOrderIds: ['SO-1'],
  lines: [{ lineIndex: 0 }],
  differences: [{ field: 'date', recorded: '2026-02-10', backOffice: '2026-02-11' }],
  checkedAt: '2026-03-01T10:00:00.000Z',
});

function flowDeps(change: Partial<ReconcileDeps> = {}): ReconcileDeps {
  return {
    readFile: async () => ({ ok: true, layout: LAYOUT, hash: 'h', preview: [] }),
    saveMapping: async () => {},
    startJob: async () => ({ alreadyReconciled: 'run-1' }),
    runJob: async () => {},
    readJob: async () => makeJob({ state: 'done', runId: 'run-1' }),
    latestJobs: async () => [],
    cancelJob: async () => {},
    readRun: async () => makeRun(),
    loadOptions: async () => DEFAULT_RECONCILE_OPTIONS,
    saveOptions: async () => {},
    ...change,
  };
}

function resultsModel() {
  const contacts = new Map<string, Contact>([
    [ada.id, ada],
    [grace.id, grace],
  ]);
  return createReconcileResultsModel({
    readRun: async () =>
      makeRun({ counts: { synced: 0, probable: 2, conflict: 0, missing: 0, backOfficeOnly: 0 } }),
    latestRun: async () => makeRun(),
    readRunStatuses: async () => purchases.map(probable),
    loadPurchases: async () => new Map(purchases.map((record) => [record.id, record])),
    loadContacts: async () => contacts,
    loadProductNames: async () => new Map(),
    decide: async () => {},
    importOrder: async () => 'new',
  });
}

/**
 * Lets the model's reads run and the page render (act renders as it ends), then the focus move
 * that the render set off.
 */
async function settle() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const buttonNames = () =>
  [...root.querySelectorAll('button')].map(
    (button) => button.getAttribute('aria-label') ?? button.textContent,
  );

describe('reconcile views', () => {
  it('names each probable order in its buttons, keeping the visible text short', async () => {
    const results = resultsModel();
    await results.show('run-1');
    await act(() =>
      render(<ReconcileSection model={createReconcileModel(flowDeps())} results={results} />, root),
    );
    const confirms = [...root.querySelectorAll('button')].filter(
      (button) => button.textContent === 'Confirm match',
    );
    expect(confirms.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Confirm match: Ada Lovelace, 2026-02-10',
      'Confirm match: Grace Hopper, 2026-02-10',
    ]);
    const names = buttonNames();
    expect(new Set(names).size).toBe(names.length);
    expect(root.querySelector('[role=group]')?.getAttribute('aria-label')).toBe(
      'Drop a back-office order export here',
    );
  });

  it('shows the Columns form, with Currency only while no column gives it', async () => {
    const model = createReconcileModel(
      flowDeps({
        readFile: async () => ({
          ok: false,
          needsMapping: {
            header: ['Ref', 'Amount', 'Cur'],
            guess: { ...LAYOUT, header: ['Ref', 'Amount', 'Cur'], columns: { orderId: 0 } },
            preview: [['A-1', '9.50', 'EUR']],
          },
          hash: 'h',
        }),
      }),
    );
    await model.chooseFile(new File(['Ref,Amount,Cur\n'], 'mine.csv'));
    await act(() => render(<ReconcileSection model={model} results={resultsModel()} />, root));
    const labels = [...root.querySelectorAll('form label')].map((label) => label.textContent?.trim());
    expect(labels).toContain('Currency column');
    expect(labels).toContain('Currency');
    expect(root.querySelector('table[aria-label="First rows of the file"] tbody')?.textContent).toBe(
      'A-19.50EUR',
    );
    await act(() => model.mapping.value?.setColumn('currency', 2));
    expect([...root.querySelectorAll('form label')].map((label) => label.textContent?.trim())).not.toContain(
      'Currency',
    );
  });

  it("sums up the sidebar's run and links to the dashboard's results", async () => {
    const model = createReconcileModel(flowDeps());
    await model.chooseFile(new File(['x'], 'orders.csv'));
    await act(() => render(<SidebarReconcile model={model} resultsHref="dashboard.html#reconcile" />, root));
    expect(root.querySelector('[role=status]')?.textContent).toBe(
      'Already reconciled — nothing changed: 3 missing, 1 conflict, 1 probable — Open results',
    );
    expect(root.querySelector('a')?.getAttribute('href')).toBe('dashboard.html#reconcile');
  });

  it('keeps the keyboard focus in place: the next order after a decision, the file button after the Columns form', async () => {
    let decided = new Set<string>();
    const results = createReconcileResultsModel({
      readRun: async () => makeRun(),
      latestRun: async () => makeRun(),
      readRunStatuses: async () => purchases.filter((record) => !decided.has(record.id)).map(probable),
      loadPurchases: async () => new Map(purchases.map((record) => [record.id, record])),
      loadContacts: async () =>
        new Map([
          [ada.id, ada],
          [grace.id, grace],
        ]),
      loadProductNames: async () => new Map(),
      decide: async (purchaseId) => {
        decided = new Set([...decided, purchaseId]);
      },
      importOrder: async () => 'new',
    });
    await results.show('run-1');
    const model = createReconcileModel(
      flowDeps({
        readFile: async () => ({
          ok: false,
          needsMapping: { header: ['Ref'], guess: { ...LAYOUT, header: ['Ref'], columns: {} }, preview: [] },
          hash: 'h',
        }),
      }),
    );
    await act(() => render(<ReconcileSection model={model} results={results} />, root));
    const button = (name: string) =>
      [...root.querySelectorAll('button')].find(
        (found) => (found.getAttribute('aria-label') ?? found.textContent) === name,
      );

    button('Confirm match: Ada Lovelace, 2026-02-10')?.focus();
    await act(async () => button('Confirm match: Ada Lovelace, 2026-02-10')?.click());
    await settle();
    expect(button('Confirm match: Ada Lovelace, 2026-02-10')).toBeUndefined();
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Confirm match: Grace Hopper, 2026-02-10',
    );

    // The Columns form takes the focus as it appears, and gives it back to the file button.
    await act(() => model.chooseFile(new File(['Ref\n'], 'mine.csv')));
    expect(document.activeElement?.id).toBe('reconcile-mapping-heading');
    await act(async () => button('Cancel')?.click());
    await settle();
    expect(root.querySelector('form')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Reconcile export');
    expect(button('Reconcile export')?.hasAttribute('disabled')).toBe(false);
  });

  it('keeps the drop zone lit while the pointer moves over the text and button inside it', async () => {
    // happy-dom's DragEvent drops relatedTarget from its init: set as a browser would.
    const dragLeave = (to: Element) => {
      const event = new DragEvent('dragleave', { bubbles: true });
      Object.defineProperty(event, 'relatedTarget', { value: to });
      return event;
    };
    await act(() =>
      render(<ReconcileSection model={createReconcileModel(flowDeps())} results={resultsModel()} />, root),
    );
    const zone = root.querySelector('.drop-zone');
    const button = zone?.querySelector('button');
    if (!zone || !button) throw new Error('no drop zone');
    await act(() => {
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true }));
    });
    expect(zone.classList.contains('over')).toBe(true);
    await act(() => {
      zone.dispatchEvent(dragLeave(button));
    });
    expect(zone.classList.contains('over')).toBe(true);
    await act(() => {
      zone.dispatchEvent(dragLeave(document.body));
    });
    expect(zone.classList.contains('over')).toBe(false);
  });

  it("announces why an import was refused, the focus staying on the order's button", async () => {
    const order = {
      order: {
        orderId: 'SO-9',
        date: '2026-02-20',
        currency: 'USD',
        customer: { id: 'C-1' },
        lines: [{ line: 2, sku: 'NW-1', quantity: 1, unitPriceMinor: 1250 }],
      },
      contactId: ada.id,
    };
    const results = createReconcileResultsModel({
      readRun: async () => makeRun({ backOfficeOnly: [order] }),
      latestRun: async () => makeRun({ backOfficeOnly: [order] }),
      readRunStatuses: async () => [],
      loadPurchases: async () => new Map(),
      loadContacts: async () => new Map([[ada.id, ada]]),
      loadProductNames: async () => new Map(),
      decide: async () => undefined,
      importOrder: async () => {
        throw new Error('Ada Lovelace was deleted: restore the contact to import this order.');
      },
    });
    await results.show('run-1');
    await act(() =>
      render(<ReconcileSection model={createReconcileModel(flowDeps())} results={results} />, root),
    );
    const button = root.querySelector<HTMLButtonElement>(
      '[aria-label="Import into history: Ada Lovelace, 2026-02-20, SO-9"]',
    );
    button?.focus();
    await act(async () => button?.click());
    await settle();
    expect(root.querySelector('li [role=alert]')?.textContent).toBe(
      'Ada Lovelace was deleted: restore the contact to import this order.',
    );
    expect(document.activeElement).toBe(button);
  });
});
