import {
  BUY_BACK_STATUS_LABELS,
  type BuyBack,
  type BuyBackItem,
  type BuyBackStatus,
  type ItemStage,
  type LogEntry,
  type Payout,
} from './buyback';
import { t, type MessageKey } from './i18n';
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

const STEP_NAMES: Record<BuyBackStepType, MessageKey> = {
  payOut: 'domain_step_pay_out',
  createProduct: 'domain_step_create_product',
  addToInventory: 'domain_step_add_to_inventory',
  startRefurb: 'domain_step_start_refurb',
  finishRefurb: 'domain_step_finish_refurb',
  complete: 'domain_step_complete',
};

const STAGE_NEEDS: Record<ItemStage, MessageKey> = {
  bought: 'domain_stage_bought',
  'product-created': 'domain_stage_product_created',
  'in-refurb': 'domain_stage_in_refurb',
  'in-inventory': 'domain_stage_in_inventory',
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
    if (buyBack.items.length === 0) return { ok: false, reason: t('domain_buyback_add_item_first') };
    return {
      ok: true,
      buyBack: withStatus(
        { ...buyBack, payout: step.payout },
        'paid',
        at,
        t('domain_buyback_paid_out_by', step.payout.method),
      ),
    };
  }
  if (step.type === 'complete') {
    return { ok: true, buyBack: withStatus(buyBack, 'completed', at, t('domain_buyback_completed_by_hand')) };
  }
  const index = buyBack.items.findIndex((item) => item.id === step.itemId);
  const item = buyBack.items[index];
  if (!item) return { ok: false, reason: t('domain_buyback_item_not_here') };
  const move = ITEM_MOVES[step.type];
  if (item.stage !== move.from) {
    return {
      ok: false,
      reason: t(
        'domain_buyback_cannot_item',
        t(STEP_NAMES[step.type]),
        item.description,
        t(STAGE_NEEDS[item.stage]),
      ),
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
      if (step.retailPrice.minor < 0) return { ok: false, reason: t('domain_buyback_retail_negative') };
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
      if (!issue) return { ok: false, reason: t('domain_buyback_say_issue') };
      return { ok: true, item: { ...item, stage, refurb: { issue, startedAt: at, log: [] } } };
    }
    case 'finishRefurb':
      return item.refurb
        ? { ok: true, item: { ...item, stage, refurb: { ...item.refurb, finishedAt: at } } }
        : { ok: false, reason: t('domain_buyback_no_refurb') };
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
      text: t(
        'domain_buyback_status_change',
        BUY_BACK_STATUS_LABELS[buyBack.status],
        BUY_BACK_STATUS_LABELS[status],
      ),
    });
  }
  return { ...buyBack, status, log, updatedAt: at };
}

function itemEventText(step: BuyBackStep, item: BuyBackItem): string {
  switch (step.type) {
    case 'createProduct':
      return t('domain_buyback_product_created_for', item.description);
    case 'addToInventory':
      return t('domain_buyback_added_to_inventory', item.description);
    case 'startRefurb':
      return t('domain_buyback_refurb_started', item.description, step.issue.trim());
    case 'finishRefurb':
      return t('domain_buyback_refurb_finished', item.description);
    default:
      return '';
  }
}

function refusal(step: BuyBackStepType, from: BuyBackStatus): string {
  const status = BUY_BACK_STATUS_LABELS[from];
  if (step === 'payOut') return t('domain_buyback_already_paid', status);
  if (from === 'estimate') return t('domain_buyback_not_paid_yet', t(STEP_NAMES[step]));
  if (from === 'completed') return t('domain_buyback_is_completed');
  return t('domain_buyback_cannot_while', t(STEP_NAMES[step]), status);
}
