import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Contact } from '../../domain/contact';
import { evenShares, splitGroupOrder, type ShareRequest } from '../../domain/group-order';
import type { PurchaseLine } from '../../domain/purchase';
import { errorMessage } from '../../domain/errors';
import { t } from '../../domain/i18n';

/** One contact in a group order and how many of each line they take, as typed. */
export interface Participant {
  contact: Contact;
  /** By product id. */
  quantityTexts: Record<string, string>;
}

export interface SplitDeps {
  searchContacts(query: string): Promise<Contact[]>;
}

/**
 * Dividing the order on the review screen among several contacts. Starts with the contact the
 * order was begun for; adding or removing someone deals every line out evenly again, which the
 * user then adjusts.
 */
export function createSplitModel(
  owner: Contact,
  lines: ReadonlySignal<readonly Pick<PurchaseLine, 'productId' | 'quantity'>[]>,
  deps: SplitDeps,
) {
  const participants = signal<Participant[]>([]);
  const query = signal('');
  const found = signal<Contact[]>([]);
  const error = signal<string | null>(null);
  let searchGeneration = 0;

  function dealEvenly(contacts: readonly Contact[]) {
    const shares = evenShares(
      lines.value,
      contacts.map((contact) => contact.id),
    );
    participants.value = contacts.map((contact, index) => ({
      contact,
      quantityTexts: Object.fromEntries(
        [...(shares[index]?.quantities ?? [])].map(([productId, quantity]) => [productId, String(quantity)]),
      ),
    }));
  }
  dealEvenly([owner]);

  async function search(text: string) {
    query.value = text;
    const mine = ++searchGeneration;
    const taken = new Set(participants.value.map((participant) => participant.contact.id));
    try {
      const results = text.trim() ? await deps.searchContacts(text) : [];
      if (mine === searchGeneration) found.value = results.filter((contact) => !taken.has(contact.id));
    } catch (failure) {
      error.value = t('record_contacts_unsearchable', errorMessage(failure));
    }
  }

  function add(contact: Contact) {
    dealEvenly([...participants.value.map((participant) => participant.contact), contact]);
    query.value = '';
    found.value = [];
  }

  function remove(contactId: string) {
    dealEvenly(
      participants.value
        .map((participant) => participant.contact)
        .filter((contact) => contact.id !== contactId),
    );
  }

  function setQuantity(contactId: string, productId: string, text: string) {
    participants.value = participants.value.map((participant) =>
      participant.contact.id === contactId
        ? { ...participant, quantityTexts: { ...participant.quantityTexts, [productId]: text } }
        : participant,
    );
  }

  /** The shares as the store takes them; quantities that are not whole numbers read as NaN. */
  const requests = computed((): ShareRequest[] =>
    participants.value.map((participant) => ({
      contactId: participant.contact.id,
      quantities: new Map(
        Object.entries(participant.quantityTexts).map(([productId, text]) => [
          productId,
          /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN,
        ]),
      ),
    })),
  );

  /** What is wrong with the split of these (valid) lines, or nothing. */
  function problems(validLines: readonly PurchaseLine[]): string[] {
    const result = splitGroupOrder(validLines, requests.value);
    return result.ok ? [] : result.problems;
  }

  return { participants, query, found, error, requests, search, add, remove, setQuantity, problems };
}

export type SplitModel = ReturnType<typeof createSplitModel>;
