// `embed.js`: the one script a back office adds to its pages to dock Tally's sidebar beside them
// (README, "Embedding Tally in a back office"):
//
//   <script src="https://tally.example.com/embed.js" defer></script>
//   Tally.showCustomer({ id: 'C-42', name: 'Ada Lovelace', email: 'ada@example.com', phone: '…' });
//   Tally.showCustomer(null); // no customer on screen
//
// It runs in someone else's page, so it is small and depends on nothing: no framework, no zod
// (Tally validates every message on its side, src/ui/platform/embedded-page.ts), no innerHTML.
// The sidebar is an iframe from Tally's origin, so the host page can neither read it nor see its
// keystrokes; the host only ever posts to it, addressed to Tally's origin alone.

interface Customer {
  id?: string;
  name: string;
  email?: string;
  phone?: string;
}

interface TallyApi {
  showCustomer(customer: Partial<Record<keyof Customer, unknown>> | null): void;
}

declare global {
  interface Window {
    Tally?: TallyApi;
  }
}

const PANEL_WIDTH = 360;

const STYLE = `
:host { all: initial; }
iframe {
  position: fixed; top: 0; right: 0; z-index: 2147483646;
  width: ${PANEL_WIDTH}px; max-width: 100vw; height: 100vh; height: 100dvh;
  margin: 0; border: 0; border-left: 1px solid #c9d1da; background: #fff;
  box-shadow: -2px 0 12px rgba(15, 23, 42, 0.12);
}
iframe[hidden] { display: none; }
button {
  position: fixed; bottom: 16px; right: ${PANEL_WIDTH + 8}px; z-index: 2147483647;
  font: 600 14px/1 system-ui, sans-serif; color: #fff; background: #2457c5;
  border: 0; border-radius: 6px; padding: 10px 14px; cursor: pointer;
}
button[aria-expanded='false'] { right: 16px; }
button:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
`;

const script = document.currentScript;
const scriptSrc = script instanceof HTMLScriptElement ? script.src : '';

if (scriptSrc && !window.Tally) dock(new URL('sidebar.html', scriptSrc));

function dock(sidebar: URL): void {
  const tallyOrigin = sidebar.origin;
  let ready = false;
  /** The customer last given; undefined until the page says anything. */
  let current: Customer | null | undefined;

  const frame = document.createElement('iframe');
  frame.src = sidebar.href;
  frame.title = 'Tally';
  frame.id = 'tally-sidebar';

  const send = () => {
    if (!ready || current === undefined) return;
    frame.contentWindow?.postMessage({ tally: 1, type: 'customer', customer: current }, tallyOrigin);
  };

  // Sent once the sidebar has loaded, and again when it says it is listening: a message sent
  // while it was still starting found nobody (its one message is a data-free "ready").
  frame.addEventListener('load', () => {
    ready = true;
    send();
  });
  window.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (event.source !== frame.contentWindow || event.origin !== tallyOrigin) return;
    if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'ready') return;
    ready = true;
    send();
  });

  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.textContent = 'Tally';
  toggle.setAttribute('aria-expanded', 'true');
  toggle.setAttribute('aria-controls', frame.id);
  toggle.addEventListener('click', () => {
    frame.hidden = !frame.hidden;
    toggle.setAttribute('aria-expanded', String(!frame.hidden));
  });

  // A closed shadow root: the host's CSS cannot restyle or hide the button, nor its scripts reach
  // in through the element; the iframe's document is another origin's anyway.
  const host = document.createElement('tally-embed');
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE);
  shadow.adoptedStyleSheets = [sheet];
  shadow.append(frame, toggle);

  const mount = () => document.body.append(host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });

  const api: TallyApi = {
    showCustomer(customer) {
      current = customer === null ? null : pick(customer);
      send();
    },
  };
  window.Tally = Object.freeze(api);
}

/** Only the four fields Tally reads, as text: nothing else of the host's object travels. */
function pick(customer: Partial<Record<keyof Customer, unknown>>): Customer {
  const text = (value: unknown) =>
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  const picked: Customer = { name: text(customer.name) ?? '' };
  const id = text(customer.id);
  const email = text(customer.email);
  const phone = text(customer.phone);
  if (id !== undefined) picked.id = id;
  if (email !== undefined) picked.email = email;
  if (phone !== undefined) picked.phone = phone;
  return picked;
}

export {};
