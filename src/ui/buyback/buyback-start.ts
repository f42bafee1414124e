import { computed, signal } from '@preact/signals';

/**
 * Chooses the new buy-back's id for a contact: the one this intent already chose for that
 * contact, or a fresh one.
 */
export type BuyBackIdFor = (contactId: string) => string;

/**
 * One `New buy-back` intent at a time. The buy-back's id is chosen when the button is pressed and
 * kept until that buy-back is shown: a second press meanwhile (a double click) joins the start
 * under way instead of making another, and a retry after a failure (the tab did not open, the
 * reply was lost) sends the same id, which createBuyBack answers with the buy-back it already
 * made. Once shown, the next press is a new intent and starts a new buy-back.
 */
export function createBuyBackStart() {
  const pending = signal(false);
  let kept: { contactId: string; id: string } | null = null;
  let running: Promise<void> | null = null;

  const idFor: BuyBackIdFor = (contactId) => {
    if (kept?.contactId !== contactId) kept = { contactId, id: crypto.randomUUID() };
    return kept.id;
  };

  /**
   * Runs `attempt` for this press, unless a start is under way: then it waits for that one.
   * `attempt` resolves to true once the buy-back is shown, which ends the intent.
   */
  function run(attempt: (idFor: BuyBackIdFor) => Promise<boolean>): Promise<void> {
    if (running) return running;
    pending.value = true;
    running = (async () => {
      try {
        if (await attempt(idFor)) kept = null;
      } finally {
        pending.value = false;
        running = null;
      }
    })();
    return running;
  }

  return {
    /** From the press until the buy-back is shown or the start failed: the button ignores clicks. */
    pending: computed(() => pending.value),
    run,
  };
}

export type BuyBackStart = ReturnType<typeof createBuyBackStart>;
