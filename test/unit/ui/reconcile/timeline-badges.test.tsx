// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapturedContact } from '../../../../src/db/contacts';
import { TallyDatabase } from '../../../../src/db/database';
import { recordPurchase } from '../../../../src/db/purchases';
import type { Contact } from '../../../../src/domain/contact';
import type { PurchaseRecord } from '../../../../src/domain/purchase';
import type { RecordedOutcome } from '../../../../src/domain/reconcile';
import { ActivityTimeline } from '../../../../src/ui/sidebar/ActivityTimeline';
import { createTimelineModel } from '../../../../src/ui/sidebar/timeline-model';

let db: TallyDatabase;
let root: HTMLElement;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

async function contact(name: string): Promise<Contact> {
  return (await saveCapturedContact(db, { backOffice: 'northwind', name, url: 'http://127.0.0.1/' }, 'US'))
    .contact;
}

async function purchase(contactId: string, purchaseDate: string): Promise<PurchaseRecord> {
  return recordPurchase(db, {
    contactId,
    kind: 'purchase',
    purchaseDate,
    currency: 'USD',
    lines: [
      {
        productId: crypto.randomUUID(),
        sku: 'NW-1',
        name: 'Hand Cream',
        quantity: 1,
        unitPrice: { minor: 1250, currency: 'USD' },
        catalogPrice: { minor: 1250, currency: 'USD' },
      },
    ],
  });
}

async function reconciled(record: PurchaseRecord, outcome: RecordedOutcome) {
  await db.reconcileStatuses.put({
    purchaseId: record.id,
    runId: 'run-1',
    backOffice: 'northwind',
    outcome,
    backOfficeOrderIds: [],
    lines: [],
    differences: [],
    checkedAt: '2026-03-01T10:00:00.000Z',
  });
}

describe('reconcile status badges on the timeline', () => {
  it("shows each reconciled order's latest outcome, and no badge on one never reconciled", async () => {
    const ada = await contact('Ada Lovelace');
    const grace = await contact('Grace Hopper');
    const synced = await purchase(ada.id, '2026-02-03');
    const missing = await purchase(ada.id, '2026-02-02');
    await purchase(ada.id, '2026-02-01');
    const conflict = await purchase(ada.id, '2026-01-30');
    await reconciled(synced, 'synced');
    await reconciled(missing, 'missing');
    await reconciled(conflict, 'conflict');
    // Another contact's status is not read for this one.
    await reconciled(await purchase(grace.id, '2026-02-03'), 'probable');

    const model = createTimelineModel({ db });
    await model.show(ada);
    expect([...model.statuses.value.values()].map((status) => status.outcome).sort()).toEqual([
      'conflict',
      'missing',
      'synced',
    ]);
    await act(() =>
      render(<ActivityTimeline model={model} onEdit={() => {}} onOpenBuyBack={() => {}} />, root),
    );
    const heads = [...root.querySelectorAll('ol.timeline li.purchase .entry-head')].map((head) => ({
      date: head.querySelector('time')?.getAttribute('datetime'),
      badge: head.querySelector('.badge.reconcile-status')?.textContent ?? null,
    }));
    expect(heads).toEqual([
      { date: '2026-02-03', badge: 'Synced' },
      { date: '2026-02-02', badge: 'Missing from back office' },
      { date: '2026-02-01', badge: null },
      { date: '2026-01-30', badge: 'Conflict' },
    ]);

    // A newer run's verdict shows once the timeline reloads.
    await reconciled(missing, 'synced');
    await act(() => model.refresh());
    expect(root.querySelectorAll('.badge.reconcile-status')[1]?.textContent).toBe('Synced');
  });
});
