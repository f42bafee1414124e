import { browser } from 'wxt/browser';
import { protocol, type MessageName, type Reply, type RequestOf, type ResponseOf } from './protocol';

/**
 * Sends one message to the background worker and parses its answer: the worker may have been
 * replaced by an older or newer version, or by nothing at all.
 */
export async function sendMessage<N extends MessageName>(
  type: N,
  request: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const reply = (await browser.runtime.sendMessage({ type, request })) as Reply<unknown> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new Error(`${type}: no answer from Tally's background worker.`);
  }
  if (!reply.ok) throw new Error(reply.error);
  const response = protocol[type].response.safeParse(reply.response);
  if (!response.success) throw new Error(`${type}: unexpected answer.`);
  return response.data as ResponseOf<N>;
}
