import {
  BUY_BACK_STATUS_LABELS,
  type BuyBack,
  type BuyBackItem,
  type BuyBackStatus,
  type ItemStage,
  type LogEntry,
  type Payout,
} from './buyback';
import type { Money } from './money';

/**
 * What can happen to a buy-back once it exists. Each step names the item it concerns and carries
 * what the step records (the payout, the retail price and product, the refurb issue).
 */
export type BuyBackStep =
  | { type: 'payOut'; payout: Payout }
  | { type: 'createProduct'; itemId: string; productId: string; retailPrice: Money; sellableFrom?: string }
  | { type: 'addToInventory'; itemId: string }
  | { type: 'startRefurb'; itemId: string; issue: string }
  | { type: 'finishRefurb'; itemId: string }
  | { type: 'complete' };

export type BuyBackStepType = BuyBackStep['type'];

/** Which statuses each step may start from. Anything not listed is refused. */
export const ALLOWED_FROM: Record<BuyBackStepType, readonly BuyBackStatus[]> = {
  payOut: ['estimate'],
  createProduct: ['paid'],
  addToInventory: ['product-created', 'waiting-on-refurb'],
  startRefurb: ['product-created', 'waiting-on-refurb'],
  finishRefurb: ['waiting-on-refurb'],
  complete: ['added-to-inventory'],
};

/** Which stage an item must be in for each item step, and the stage it moves to. */
const ITEM_MOVES: Record<
  Exclude<BuyBackStepType, 'payOut' | 'complete'>,
  { from: ItemStage; to: ItemStage }
> = {
  createProduct: { from: 'bought', to: 'product-created' },
  addToInventory: { from: 'product-created', to: 'in-inventory' },
  startRefurb: { from: 'product-created', to: 'in-refurb' },
  finishRefurb: { from: 'in-refurb', to: 'in-inventory' },
};

const STEP_NAMES: Record<BuyBackStepType, string> = {
  payOut: 'pay out',
  createProduct: 'create a product',
  addToInventory: 'add an item to inventory',
  startRefurb: 'start a refurb',
  finishRefurb: 'finish a refurb',
  complete: 'complete it',
};

const STAGE_NEEDS: Record<ItemStage, string> = {
  bought: 'has no retail price yet',
  'product-created': 'is waiting to go to inventory or refurb',
  'in-refurb': 'is in refurb',
  'in-inventory': 'is already in inventory',
};

export type StepResult = { ok: true; buyBack: BuyBack } | { ok: false; reason: string };

/**
 * Applies one step, or refuses it with a sentence for the user and changes nothing. Pure: the
 * caller stores the result. `at` is the instant recorded in the log.
 */
export function applyStep(buyBack: BuyBack, step: BuyBackStep, at: string): StepResult {
  const from = buyBack.status;
  if (!ALLOWED_FROM[step.type].includes(from)) {
    return { ok: false, reason: refusal(step.type, from) };
  }
  if (step.type === 'payOut') {
    if (buyBack.items.length === 0) return { ok: false, reason: 'Add at least one item before paying out.' };
    return {
      ok: true,
      buyBack: withStatus(
        { ...buyBack, payout: step.payout },
        'paid',
        at,
        `Paid out by ${step.payout.method}.`,
      ),
    };
  }
  if (step.type === 'complete') {
    return { ok: true, buyBack: withStatus(buyBack, 'completed', at, 'Completed by hand.') };
  }
  const index = buyBack.items.findIndex((item) => item.id === step.itemId);
  const item = buyBack.items[index];
  if (!item) return { ok: false, reason: 'That item is not on this buy-back.' };
  const move = ITEM_MOVES[step.type];
  if (item.stage !== move.from) {
    return {
      ok: false,
      reason: `Cannot ${STEP_NAMES[step.type]}: ${item.description} ${STAGE_NEEDS[item.stage]}.`,
    };
  }
  const moved = moveItem(item, step, move.to, at);
  if (!moved.ok) return moved;
  const items = buyBack.items.map((each, position) => (position === index ? moved.item : each));
  const next = statusFromItems(items, step.type === 'finishRefurb');
  return { ok: true, buyBack: withStatus({ ...buyBack, items }, next, at, itemEventText(step, item)) };
}

function moveItem(
  item: BuyBackItem,
  step: Exclude<BuyBackStep, { type: 'payOut' } | { type: 'complete' }>,
  stage: ItemStage,
  at: string,
): { ok: true; item: BuyBackItem } | { ok: false; reason: string } {
  switch (step.type) {
    case 'createProduct':
      if (step.retailPrice.minor < 0) return { ok: false, reason: 'A retail price cannot be negative.' };
      return {
        ok: true,
        item: {
          ...item,
          stage,
          productId: step.productId,
          retailPrice: step.retailPrice,
          ...(step.sellableFrom ? { sellableFrom: step.sellableFrom } : {}),
        },
      };
    case 'startRefurb': {
      const issue = step.issue.trim();
      if (!issue) return { ok: false, reason: 'Say what needs fixing before starting the refurb.' };
      return { ok: true, item: { ...item, stage, refurb: { issue, startedAt: at, log: [] } } };
    }
    case 'finishRefurb':
      return item.refurb
        ? { ok: true, item: { ...item, stage, refurb: { ...item.refurb, finishedAt: at } } }
        : { ok: false, reason: 'That item has no refurb to finish.' };
    case 'addToInventory':
      return { ok: true, item: { ...item, stage } };
  }
}

/**
 * The status once items have moved: any item in refurb keeps the buy-back waiting on it; every
 * item in inventory means "Added to inventory", or "Completed" straight away when the last refurb
 * just finished; otherwise the products are made and some item is still to be placed.
 */
export function statusFromItems(items: readonly BuyBackItem[], refurbFinished: boolean): BuyBackStatus {
  if (items.some((item) => item.stage === 'bought')) return 'paid';
  if (items.some((item) => item.stage === 'in-refurb')) return 'waiting-on-refurb';
  if (items.every((item) => item.stage === 'in-inventory'))
    return refurbFinished ? 'completed' : 'added-to-inventory';
  return 'product-created';
}

function withStatus(buyBack: BuyBack, status: BuyBackStatus, at: string, text: string): BuyBack {
  const log: LogEntry[] = [...buyBack.log, { at, kind: 'event', text }];
  if (status !== buyBack.status) {
    log.push({
      at,
      kind: 'status',
      text: `${BUY_BACK_STATUS_LABELS[buyBack.status]} → ${BUY_BACK_STATUS_LABELS[status]}`,
    });
  }
  return { ...buyBack, status, log, updatedAt: at };
}

function itemEventText(step: BuyBackStep, item: BuyBackItem): string {
  switch (step.type) {
    case 'createProduct':
      return `Product created for ${item.description}.`;
    case 'addToInventory':
      return `${item.description} added to inventory.`;
    case 'startRefurb':
      return `Refurb started for ${item.description}: ${step.issue.trim()}`;
    case 'finishRefurb':
      return `Refurb finished for ${item.description}; added to inventory.`;
    default:
      return '';
  }
}

function refusal(step: BuyBackStepType, from: BuyBackStatus): string {
  const status = BUY_BACK_STATUS_LABELS[from];
  if (step === 'payOut') return `This buy-back is already paid (${status}); it cannot be paid twice.`;
  if (from === 'estimate') return `Cannot ${STEP_NAMES[step]} before the buy-back is paid out.`;
  if (from === 'completed') return `This buy-back is completed; nothing more can change.`;
  return `Cannot ${STEP_NAMES[step]} while the buy-back is ${status}.`;
}
