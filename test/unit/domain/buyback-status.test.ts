import { describe, expect, it } from 'vitest';
import { BuyBack, BuyBackStatus, type BuyBackItem, type ItemStage } from '../../../src/domain/buyback';
import {
  ALLOWED_FROM,
  applyStep,
  statusFromItems,
  type BuyBackStep,
  type BuyBackStepType,
} from '../../../src/domain/buyback-status';

const AT = '2026-11-22T10:00:00.000Z';
const USD = (minor: number) => ({ minor, currency: 'USD' });

function item(stage: ItemStage, n: number): BuyBackItem {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    description: `Phone ${n}`,
    condition: 'B',
    price: USD(10_000),
    stage,
    ...(stage !== 'bought'
      ? { productId: `10000000-0000-4000-8000-00000000000${n}`, retailPrice: USD(20_000) }
      : {}),
    ...(stage === 'in-refurb' ? { refurb: { issue: 'Screen', startedAt: AT, log: [] } } : {}),
  };
}

/** A buy-back at each status, its items in stages that status allows. */
const ITEMS: Record<BuyBackStatus, ItemStage[]> = {
  estimate: ['bought'],
  paid: ['bought', 'bought'],
  'product-created': ['product-created'],
  'waiting-on-refurb': ['in-refurb', 'product-created'],
  'added-to-inventory': ['in-inventory'],
  completed: ['in-inventory'],
};

function buyBackAt(status: BuyBackStatus): BuyBack {
  return BuyBack.parse({
    id: '20000000-0000-4000-8000-000000000001',
    createdAt: AT,
    updatedAt: AT,
    number: 1,
    contactId: '30000000-0000-4000-8000-000000000001',
    status,
    currency: 'USD',
    seller: {},
    notes: '',
    items: ITEMS[status].map((stage, index) => item(stage, index + 1)),
    log: [],
    ...(status !== 'estimate'
      ? {
          payout: {
            id: '40000000-0000-4000-8000-000000000001',
            method: 'Cash',
            amount: USD(10_000),
            paidAt: AT,
            paidOn: '2026-11-22',
          },
        }
      : {}),
  });
}

/** The step of each kind, aimed at the item that kind of step needs where there is one. */
function stepFor(type: BuyBackStepType, buyBack: BuyBack): BuyBackStep {
  const find = (stage: ItemStage) =>
    (buyBack.items.find((each) => each.stage === stage) ?? buyBack.items[0])!.id;
  switch (type) {
    case 'payOut':
      return {
        type,
        payout: {
          id: '40000000-0000-4000-8000-000000000002',
          method: 'Cash',
          amount: USD(10_000),
          paidAt: AT,
          paidOn: '2026-11-22',
        },
      };
    case 'createProduct':
      return {
        type,
        itemId: find('bought'),
        productId: '10000000-0000-4000-8000-000000000009',
        retailPrice: USD(25_000),
      };
    case 'addToInventory':
      return { type, itemId: find('product-created') };
    case 'startRefurb':
      return { type, itemId: find('product-created'), issue: 'Battery at 71%' };
    case 'finishRefurb':
      return { type, itemId: find('in-refurb') };
    case 'complete':
      return { type };
  }
}

const STEP_TYPES = Object.keys(ALLOWED_FROM) as BuyBackStepType[];

describe('the buy-back state machine', () => {
  const cases = BuyBackStatus.options.flatMap((status) => STEP_TYPES.map((type) => ({ status, type })));

  it.each(cases)('$type from $status is allowed exactly when the table says so', ({ status, type }) => {
    const before = buyBackAt(status);
    const frozen = structuredClone(before);
    const result = applyStep(before, stepFor(type, before), AT);
    expect(result.ok).toBe(ALLOWED_FROM[type].includes(status));
    if (!result.ok) expect(result.reason).toMatch(/\.$/);
    expect(before).toEqual(frozen);
  });

  it('the allowed steps lead where the workflow says', () => {
    const next = (status: BuyBackStatus, type: BuyBackStepType) => {
      const buyBack = buyBackAt(status);
      const result = applyStep(buyBack, stepFor(type, buyBack), AT);
      if (!result.ok) throw new Error(result.reason);
      return result.buyBack.status;
    };
    expect(next('estimate', 'payOut')).toBe('paid');
    // Paid has two bought items: one product made leaves it Paid.
    expect(next('paid', 'createProduct')).toBe('paid');
    expect(next('product-created', 'addToInventory')).toBe('added-to-inventory');
    expect(next('product-created', 'startRefurb')).toBe('waiting-on-refurb');
    expect(next('waiting-on-refurb', 'addToInventory')).toBe('waiting-on-refurb');
    expect(next('waiting-on-refurb', 'startRefurb')).toBe('waiting-on-refurb');
    // One item still only has its product: not everything is in inventory yet.
    expect(next('waiting-on-refurb', 'finishRefurb')).toBe('product-created');
    expect(next('added-to-inventory', 'complete')).toBe('completed');
  });

  it('a refurb finishing when every other item is in inventory completes the buy-back', () => {
    const buyBack = BuyBack.parse({
      ...buyBackAt('waiting-on-refurb'),
      items: [item('in-refurb', 1), item('in-inventory', 2)],
    });
    const result = applyStep(buyBack, { type: 'finishRefurb', itemId: item('in-refurb', 1).id }, AT);
    expect(result.ok && result.buyBack.status).toBe('completed');
    expect(result.ok && result.buyBack.items[0]?.refurb?.finishedAt).toBe(AT);
  });

  it('the last product made moves Paid to Product created, with the retail price on the item', () => {
    const buyBack = BuyBack.parse({
      ...buyBackAt('paid'),
      items: [item('bought', 1), item('product-created', 2)],
    });
    const result = applyStep(buyBack, stepFor('createProduct', buyBack), AT);
    if (!result.ok) throw new Error(result.reason);
    expect(result.buyBack.status).toBe('product-created');
    expect(result.buyBack.items[0]).toMatchObject({ stage: 'product-created', retailPrice: USD(25_000) });
  });

  it('logs each step, and each status change as its own entry', () => {
    const result = applyStep(
      buyBackAt('product-created'),
      stepFor('startRefurb', buyBackAt('product-created')),
      AT,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.buyBack.log.map((entry) => [entry.kind, entry.text])).toEqual([
      ['event', 'Refurb started for Phone 1: Battery at 71%'],
      ['status', 'Product created → Waiting on refurb'],
    ]);
  });

  it('refuses an item step on an item in the wrong stage, saying why', () => {
    const buyBack = buyBackAt('waiting-on-refurb');
    const refurbing = buyBack.items[0]!.id;
    expect(applyStep(buyBack, { type: 'addToInventory', itemId: refurbing }, AT)).toEqual({
      ok: false,
      reason: 'Cannot add an item to inventory: Phone 1 is in refurb.',
    });
    expect(
      applyStep(buyBack, { type: 'startRefurb', itemId: buyBack.items[1]!.id, issue: '  ' }, AT),
    ).toEqual({
      ok: false,
      reason: 'Say what needs fixing before starting the refurb.',
    });
    expect(applyStep(buyBack, { type: 'finishRefurb', itemId: 'not-there' }, AT)).toEqual({
      ok: false,
      reason: 'That item is not on this buy-back.',
    });
  });

  it('refuses paying twice and paying an empty estimate', () => {
    const paid = buyBackAt('paid');
    expect(applyStep(paid, stepFor('payOut', paid), AT)).toEqual({
      ok: false,
      reason: 'This buy-back is already paid (Paid); it cannot be paid twice.',
    });
    const empty = BuyBack.parse({ ...buyBackAt('estimate'), items: [] });
    expect(applyStep(empty, stepFor('payOut', buyBackAt('estimate')), AT)).toEqual({
      ok: false,
      reason: 'Add at least one item before paying out.',
    });
  });

  it('derives the status from the item stages', () => {
    const stages = (...list: ItemStage[]) => list.map((stage, index) => item(stage, index + 1));
    expect(statusFromItems(stages('bought', 'in-inventory'), false)).toBe('paid');
    expect(statusFromItems(stages('in-refurb', 'in-inventory'), false)).toBe('waiting-on-refurb');
    expect(statusFromItems(stages('in-inventory', 'in-inventory'), false)).toBe('added-to-inventory');
    expect(statusFromItems(stages('in-inventory', 'in-inventory'), true)).toBe('completed');
    expect(statusFromItems(stages('product-created', 'in-inventory'), false)).toBe('product-created');
  });
});
