import { browser } from 'wxt/browser';
import type { ContentMessageName, RequestOf, ResponseOf } from './protocol';

/**
 * The content script's side of the protocol: like client.ts, but it checks each answer with a
 * hand-written parser from content-replies.ts, because zod does not fit in the content script.
 */
export async function askWorker<N extends ContentMessageName>(
  type: N,
  request: RequestOf<N>,
  parse: (raw: unknown) => ResponseOf<N>,
): Promise<ResponseOf<N>> {
  const reply: unknown = await browser.runtime.sendMessage({ type, request });
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error(`${type}: no answer from Tally's background worker.`);
  }
  if (reply.ok !== true) {
    throw new Error('error' in reply && typeof reply.error === 'string' ? reply.error : `${type}: refused.`);
  }
  return parse('response' in reply ? reply.response : undefined);
}
