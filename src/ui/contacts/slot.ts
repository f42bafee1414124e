/**
 * Stands in a message for a part the component renders itself (a link, a time): the sentence is
 * one message, so each language puts that part where its word order wants it.
 */
export const SLOT = '\uE000';

/** The text before and after the slot of a message translated with SLOT as a substitution. */
export function aroundSlot(text: string): [string, string] {
  const at = text.indexOf(SLOT);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
}
