import {
  Envelope,
  protocol,
  type MessageEffect,
  type MessageName,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from './protocol';
import { classifySender, type SenderFacts, type SenderKind } from './sender';
import { errorMessage } from '../domain/errors';
import { t } from '../domain/i18n';

export type Handlers = {
  [N in MessageName]: (
    request: RequestOf<N>,
    sender: Extract<SenderKind, { kind: Protocol[N]['from'] }>,
  ) => Promise<ResponseOf<N>>;
};
type Protocol = typeof protocol;

/**
 * The receiving side of every message: checks the envelope, the sender and the request before a
 * handler sees it. A refusal is an answer, never a throw, so a bad message cannot break the
 * worker or leave a sender waiting.
 */
export function createRouter(handlers: Handlers, self: { id: string; origin: string }) {
  return async function route(message: unknown, senderFacts: SenderFacts): Promise<Reply<unknown>> {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
      return { ok: false, error: t('messaging_unknown_message') };
    }
    const name = envelope.data.type as MessageName;
    const sender = classifySender(senderFacts, self);
    const entry: { from: string; effect: MessageEffect } = protocol[name];
    // Bulk or destructive work comes from Tally's own pages only, whatever `from` says.
    if (sender.kind !== entry.from || (entry.effect === 'bulk' && sender.kind !== 'extension-page')) {
      return { ok: false, error: t('messaging_wrong_sender', name) };
    }
    const request = protocol[name].request.safeParse(envelope.data.request);
    if (!request.success) return { ok: false, error: t('messaging_invalid_request', name) };
    try {
      const handler = handlers[name] as (request: unknown, sender: SenderKind) => Promise<unknown>;
      return { ok: true, response: await handler(request.data, sender) };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  };
}
