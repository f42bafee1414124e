import { signal, type ReadonlySignal } from '@preact/signals';
import {
  embedSnapshot,
  EMBED_BACK_OFFICE,
  parseEmbedMessage,
  type EmbedCustomer,
} from '../../domain/embed-message';
import type { PageContext } from '../../messaging/protocol';
import type { Embedder } from '../platform';
import type { PageContextSource } from '../sidebar/sidebar-model';
import { pageShowing } from './page-showing';

/** The customer a back office that embeds the web app's sidebar says is on its screen. */
export interface EmbeddedPageSource extends PageContextSource {
  embedder: ReadonlySignal<Embedder>;
}

/** The window the sidebar runs in, as far as this source needs it (a fake one in unit tests). */
export interface EmbeddedWindow {
  readonly parent: { postMessage(message: unknown, targetOrigin: string): void };
  readonly location: { readonly ancestorOrigins?: ArrayLike<string> };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface EmbeddedPageDeps {
  window: EmbeddedWindow;
  /** The origins the user allowed (setting `embedOrigins`), read again for every message. */
  allowedOrigins(): Promise<readonly string[]>;
}

/**
 * Listens to the page framing the sidebar. A message counts only when the browser says it comes
 * from that very page (`source`, not anything the message claims), from an origin the user
 * allowed, with every page above it allowed too (`location.ancestorOrigins`, where the browser
 * has it: a page of an allowed origin framed in turn by another site gets nothing), and when it
 * parses as an EmbedMessage.
 *
 * The host learns nothing from Tally: the one message ever posted to it is a data-free
 * `{ tally: 1, type: 'ready' }`, addressed only to allowed origins (the browser drops it for any
 * other), which tells embed.js to send the customer again, since one it sent while the sidebar
 * was still starting found nobody listening.
 */
export function embeddedPageSource(deps: EmbeddedPageDeps): EmbeddedPageSource {
  const embedder = signal<Embedder>({ kind: 'unknown' });
  const ancestorOrigins = deps.window.location.ancestorOrigins;
  const ancestors = () => Array.from(ancestorOrigins ?? []);
  const verdict = (origins: readonly string[], allowed: readonly string[]): Embedder => {
    const refused = origins.find((origin) => !allowed.includes(origin));
    return refused === undefined ? { kind: 'allowed' } : { kind: 'refused', origin: refused };
  };

  return {
    embedder,
    async subscribe(onChange) {
      // Before the host says anything: a browser that names the pages above decides at once;
      // any other waits for the page's first message, and shows nothing until then.
      const allowed = await deps.allowedOrigins();
      if (ancestorOrigins) embedder.value = verdict(ancestors(), allowed);
      onChange({ tabId: null, context: null });

      // One message at a time, in the order they came: the last customer shown is the last sent.
      let queue = Promise.resolve();
      const receive = (event: MessageEvent) => {
        if (event.source !== deps.window.parent || event.source === null) return;
        queue = queue.then(() => handle(event)).catch(() => undefined);
      };
      async function handle(event: MessageEvent) {
        const now = verdict([event.origin, ...ancestors()], await deps.allowedOrigins());
        if (now.kind === 'refused') {
          embedder.value = now;
          onChange({ tabId: null, context: null });
          return;
        }
        const message = parseEmbedMessage(event.data);
        if (!message) {
          // Someone else's message (a library talking to every frame) changes nothing; one meant
          // for Tally that does not parse must not leave the previous customer on screen.
          if (!saysTally(event.data)) return;
          embedder.value = now;
          onChange({ tabId: null, context: null });
          return;
        }
        embedder.value = now;
        onChange({ tabId: null, context: customerContext(message.customer, event.origin) });
      }
      deps.window.addEventListener('message', receive);
      for (const origin of allowed) {
        deps.window.parent.postMessage(READY, origin);
      }
      return () => deps.window.removeEventListener('message', receive);
    },
  };
}

const READY = { tally: 1, type: 'ready' } as const;

function saysTally(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'tally' in data;
}

/**
 * The host's customer as the page context an adapter would report: sure (the back office itself
 * says who it is), named after the host's origin; no customer, or one whose fields cannot be
 * read as a contact (no name left once cleaned, an email that is none), is no customer.
 */
export function customerContext(customer: EmbedCustomer | null, origin: string): PageContext | null {
  if (!customer) return null;
  try {
    const snapshot = embedSnapshot(customer, origin);
    return pageShowing(snapshot, { kind: 'adapter', id: EMBED_BACK_OFFICE, name: origin }, snapshot.url);
  } catch {
    return null;
  }
}
