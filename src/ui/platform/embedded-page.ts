import { signal, type ReadonlySignal } from '@preact/signals';
import {
  embedSnapshot,
  EMBED_BACK_OFFICE,
  parseEmbedMessage,
  type EmbedCustomer,
} from '../../domain/embed-message';
import type { PageContext } from '../../messaging/protocol';
import type { PageContextSource } from '../sidebar/sidebar-model';

/** The customer a back office that embeds the web app's sidebar says is on its screen. */
export interface EmbeddedPageSource extends PageContextSource {
  /**
   * The origin of a page framing the sidebar that the user has not allowed; null while nothing
   * was refused. While set, the sidebar shows only the refusal (src/ui/embed/EmbedRefusal.tsx).
   */
  refused: ReadonlySignal<string | null>;
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
  const refused = signal<string | null>(null);
  const ancestors = () => Array.from(deps.window.location.ancestorOrigins ?? []);
  const firstRefused = (origins: readonly string[], allowed: readonly string[]) =>
    origins.find((origin) => !allowed.includes(origin)) ?? null;

  return {
    refused,
    async subscribe(onChange) {
      // Before the host says anything: a browser that names the pages above refuses at once.
      refused.value = firstRefused(ancestors(), await deps.allowedOrigins());
      onChange({ tabId: null, context: null });

      // One message at a time, in the order they came: the last customer shown is the last sent.
      let queue = Promise.resolve();
      const receive = (event: MessageEvent) => {
        if (event.source !== deps.window.parent || event.source === null) return;
        queue = queue.then(() => handle(event)).catch(() => undefined);
      };
      async function handle(event: MessageEvent) {
        const allowed = await deps.allowedOrigins();
        const notAllowed = firstRefused([event.origin, ...ancestors()], allowed);
        if (notAllowed !== null) {
          refused.value = notAllowed;
          onChange({ tabId: null, context: null });
          return;
        }
        const message = parseEmbedMessage(event.data);
        if (!message) {
          // Someone else's message (a library talking to every frame) changes nothing; one meant
          // for Tally that does not parse must not leave the previous customer on screen.
          if (!saysTally(event.data)) return;
          refused.value = null;
          onChange({ tabId: null, context: null });
          return;
        }
        refused.value = null;
        onChange({ tabId: null, context: customerContext(message.customer, event.origin) });
      }
      deps.window.addEventListener('message', receive);
      for (const origin of await deps.allowedOrigins()) {
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
    return {
      url: snapshot.url,
      detection: {
        status: 'found',
        source: { kind: 'adapter', id: EMBED_BACK_OFFICE, name: origin },
        snapshot,
        confidence: 1,
      },
      draft: {},
    };
  } catch {
    return null;
  }
}
