import { t } from './i18n';
import { formatCount } from './locale-format';
import type { PurchaseLine } from './purchase';

/** How many of each line (by product id) one contact takes from a group order. */
export interface ShareRequest {
  contactId: string;
  quantities: ReadonlyMap<string, number>;
}

export type SplitResult =
  { ok: true; shares: { contactId: string; lines: PurchaseLine[] }[] } | { ok: false; problems: string[] };

/**
 * Divides a group order's lines among contacts. Every unit of every line goes to exactly one
 * contact; each contact's share keeps the line's price; a contact who takes nothing is dropped.
 * At least two contacts must end up with something, or it is not a group order.
 */
export function splitGroupOrder(
  lines: readonly PurchaseLine[],
  requests: readonly ShareRequest[],
): SplitResult {
  const problems: string[] = [];
  const contactIds = requests.map((request) => request.contactId);
  if (new Set(contactIds).size !== contactIds.length) problems.push(t('domain_group_contact_twice'));
  for (const line of lines) {
    let given = 0;
    for (const request of requests) {
      const quantity = request.quantities.get(line.productId) ?? 0;
      if (!Number.isInteger(quantity) || quantity < 0) {
        problems.push(t('domain_group_shares_whole', line.name));
        given = Number.NaN;
        break;
      }
      given += quantity;
    }
    if (Number.isNaN(given)) continue;
    if (given !== line.quantity) {
      problems.push(t('domain_group_shares_sum', line.name, formatCount(given), formatCount(line.quantity)));
    }
  }
  const shares = requests
    .map((request) => ({
      contactId: request.contactId,
      lines: lines.flatMap((line) => {
        const quantity = request.quantities.get(line.productId) ?? 0;
        return quantity > 0 ? [{ ...line, quantity }] : [];
      }),
    }))
    .filter((share) => share.lines.length > 0);
  if (problems.length === 0 && shares.length < 2) {
    problems.push(t('domain_group_two_contacts'));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, shares };
}

/**
 * An even split as a starting point: each line's units dealt out in turn, the first contacts
 * getting the remainder ("3 among 2" is 2 and 1).
 */
export function evenShares(
  lines: readonly Pick<PurchaseLine, 'productId' | 'quantity'>[],
  contactIds: readonly string[],
): ShareRequest[] {
  return contactIds.map((contactId, index) => ({
    contactId,
    quantities: new Map(
      lines.map((line) => {
        const base = Math.floor(line.quantity / contactIds.length);
        return [line.productId, base + (index < line.quantity % contactIds.length ? 1 : 0)];
      }),
    ),
  }));
}
