import { describe, expect, it, vi } from 'vitest';
import type { ProductSnapshot } from '../../../src/messaging/protocol';
import { protocol, type MessageName } from '../../../src/messaging/protocol';
import { createRouter, type Handlers } from '../../../src/messaging/router';
import { classifySender, type SenderFacts } from '../../../src/messaging/sender';
import { pageContextHandlers, type PageContextStore } from '../../../src/messaging/page-context';
import { productHandlers } from '../../../src/messaging/product-handlers';
import { teachHandlers } from '../../../src/messaging/teach-handlers';

/**
 * Forged and malformed messages, against the router the worker runs: whatever a sender claims in
 * its message, it is judged by what the browser set (SenderFacts), and a refused message never
 * reaches a handler. Every handler here is a spy, so "refused" also means "nothing was done".
 */
const self = { id: 'tally-id', origin: 'chrome-extension://tally-id/' };
const backOffice = 'http://127.0.0.1:5178/rep/customers/C-1';
const content: SenderFacts = { id: 'tally-id', url: backOffice, tab: { id: 7 } };
const framedSidebar: SenderFacts = { id: 'tally-id', url: `${self.origin}sidebar.html`, tab: { id: 7 } };
const sidePanel: SenderFacts = { id: 'tally-id', url: `${self.origin}sidebar.html` };
const dashboard: SenderFacts = { id: 'tally-id', url: `${self.origin}dashboard.html` };

const names = Object.keys(protocol) as MessageName[];

/** One request each message accepts from its own kind of sender. */
const valid: Record<MessageName, Record<string, unknown>> = {
  'page.siteConfig': {},
  'page.contactDetected': { detection: { status: 'none' } },
  'page.capture': {},
  'teach.recipeLearned': {
    draft: {
      name: 'Client page',
      origin: 'http://127.0.0.1:5178',
      pathPattern: '/rep/customers/*',
      fields: { name: { kind: 'css', selector: 'h1' } },
    },
  },
  'page.getContext': { tabId: 7 },
  'teach.start': { tabId: 7 },
  'sites.changed': { origin: 'http://127.0.0.1:5178' },
  'product.readPage': { tabId: 7 },
  'reconcile.run': { jobId: '6f1c1f3e-8a5b-4c1d-9e2f-3a4b5c6d7e8f' },
};

function rightSender(name: MessageName): SenderFacts {
  return protocol[name].from === 'content' ? content : framedSidebar;
}

/** A router whose every handler is a spy answering what its response schema accepts. */
function spiedRouter() {
  const answers: Record<MessageName, unknown> = {
    'page.siteConfig': { mode: 'on', recipes: [] },
    'page.contactDetected': {},
    'page.capture': { outcome: 'confirm' },
    'teach.recipeLearned': { recipeId: 'r-1' },
    'page.getContext': { tabId: 7, context: null },
    'teach.start': {},
    'sites.changed': {},
    'product.readPage': { product: null, reason: 'none' },
    'reconcile.run': {},
  };
  const spies = Object.fromEntries(names.map((name) => [name, vi.fn(async () => answers[name])]));
  return { route: createRouter(spies as unknown as Handlers, self), spies };
}

describe('a valid message from its own sender', () => {
  it.each(names)('%s is accepted and handled (so every refusal below is the check at work)', async (name) => {
    const { route, spies } = spiedRouter();
    const reply = await route({ type: name, request: valid[name] }, rightSender(name));
    expect(reply.ok).toBe(true);
    expect(spies[name]).toHaveBeenCalledTimes(1);
  });
});

describe('senders that are not who the message says', () => {
  const strangers: Record<string, SenderFacts> = {
    'another extension': { id: 'evil-id', url: 'chrome-extension://evil-id/background.js' },
    'another extension framed in a back-office tab': {
      id: 'evil-id',
      url: 'chrome-extension://evil-id/frame.html',
      tab: { id: 7 },
    },
    'another extension naming our pages as its URL': { id: 'evil-id', url: `${self.origin}dashboard.html` },
    'another extension whose id starts with ours': {
      id: 'tally-id-evil',
      url: 'chrome-extension://tally-id-evil/page.html',
    },
    'a web page (no extension id)': { url: backOffice, tab: { id: 7 } },
    'a sender with no URL': { id: 'tally-id', tab: { id: 7 } },
    'a content script outside any tab': { id: 'tally-id', url: backOffice },
    'a content script in a tab with no id (-1)': { id: 'tally-id', url: backOffice, tab: { id: -1 } },
    'a content script in a javascript: frame': { id: 'tally-id', url: 'javascript:alert(1)', tab: { id: 7 } },
    'a content script in a data: frame': { id: 'tally-id', url: 'data:text/html,<b>x', tab: { id: 7 } },
    'a content script in a file: page': { id: 'tally-id', url: 'file:///etc/passwd', tab: { id: 7 } },
  };

  it.each(Object.entries(strangers))('%s is refused every message', async (_label, sender) => {
    const { route, spies } = spiedRouter();
    for (const name of names) {
      const reply = await route({ type: name, request: valid[name] }, sender);
      expect(reply, name).toEqual({ ok: false, error: `${name} is not accepted from this sender.` });
    }
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('judges an extension page by its URL, not an id that merely starts the same', () => {
    expect(classifySender({ id: 'tally-id', url: 'chrome-extension://tally-idx/page.html' }, self)).toEqual({
      kind: 'unknown',
    });
    // Given its origin without the final slash, the check still needs the whole id.
    const bare = { id: 'tally-id', origin: 'chrome-extension://tally-id' };
    expect(classifySender({ id: 'tally-id', url: 'chrome-extension://tally-idx/x.html' }, bare)).toEqual({
      kind: 'unknown',
    });
    expect(classifySender(dashboard, bare)).toEqual({ kind: 'extension-page' });
  });

  it('refuses a content script that sends a page message, whatever its payload claims', async () => {
    const { route, spies } = spiedRouter();
    const claims = [
      { sender: framedSidebar },
      { url: `${self.origin}sidebar.html` },
      { from: 'extension-page' },
      { tab: { id: 8 } },
    ];
    for (const name of names.filter((candidate) => protocol[candidate].from === 'extension-page')) {
      for (const claim of claims) {
        const asked = await route({ type: name, request: { ...valid[name], ...claim }, ...claim }, content);
        expect(asked.ok, name).toBe(false);
      }
      expect(spies[name]).not.toHaveBeenCalled();
    }
  });

  it('refuses a Tally page that sends a content script’s message', async () => {
    const { route, spies } = spiedRouter();
    for (const name of names.filter((candidate) => protocol[candidate].from === 'content')) {
      for (const sender of [framedSidebar, sidePanel, dashboard]) {
        expect((await route({ type: name, request: valid[name] }, sender)).ok, name).toBe(false);
      }
      expect(spies[name]).not.toHaveBeenCalled();
    }
  });
});

describe('a framed sidebar naming another tab', () => {
  function realRouter() {
    const contexts = new Map<number, unknown>([
      [7, { url: backOffice, detection: { status: 'none' }, draft: {} }],
      [8, { url: 'http://127.0.0.1:5178/rep/customers/C-2', detection: { status: 'none' }, draft: {} }],
    ]);
    const store = {
      get: async (tabId: number) => contexts.get(tabId) ?? null,
      set: async () => {},
    } as unknown as PageContextStore;
    const startPicker = vi.fn(async () => {});
    const readPage = vi.fn(async (): Promise<ProductSnapshot | null> => null);
    const sites = { db: () => undefined as never, rescanTabs: vi.fn(), cacheSiteConfig: vi.fn() };
    const route = createRouter(
      {
        ...pageContextHandlers(store),
        ...teachHandlers({ ...sites, startPicker }),
        ...productHandlers({ readPage }),
      } as Handlers,
      self,
    );
    return { route, startPicker, readPage };
  }

  it('cannot read, teach or read the product of a tab it is not in', async () => {
    const { route, startPicker, readPage } = realRouter();
    for (const type of ['page.getContext', 'teach.start', 'product.readPage'] as const) {
      const reply = await route({ type, request: { tabId: 8 } }, framedSidebar);
      expect(reply, type).toEqual({ ok: false, error: 'A page in a tab can act on its own tab only.' });
    }
    expect(startPicker).not.toHaveBeenCalled();
    expect(readPage).not.toHaveBeenCalled();
    // Its own tab, named or not, is fine.
    expect(await route({ type: 'page.getContext', request: { tabId: 7 } }, framedSidebar)).toMatchObject({
      ok: true,
      response: { tabId: 7, context: { url: backOffice } },
    });
  });

  it('the side panel, which has no tab, may name one; the dashboard must', async () => {
    const { route } = realRouter();
    expect(await route({ type: 'page.getContext', request: { tabId: 8 } }, sidePanel)).toMatchObject({
      ok: true,
      response: { tabId: 8 },
    });
    expect((await route({ type: 'teach.start', request: {} }, dashboard)).ok).toBe(false);
  });
});

describe('malformed payloads', () => {
  const huge = 'x'.repeat(5_000_000);
  const garbage: unknown[] = [
    undefined,
    null,
    0,
    42,
    -1,
    Number.NaN,
    true,
    'request',
    huge,
    [],
    [valid['page.getContext']],
    () => undefined,
    new Date(0),
    { tabId: -1 },
    { tabId: 1.5 },
    { tabId: '7' },
    { tabId: Number.POSITIVE_INFINITY },
    { tabId: 7, extra: true },
    { detection: 'found' },
    { detection: { status: 'found', snapshot: { name: huge } } },
    { detection: { status: 'found', source: { kind: 'adapter', id: huge, name: 'x' } } },
    { draft: { name: huge } },
    { draft: { origin: 'javascript:alert(1)', name: 'x', pathPattern: '/', fields: {} } },
    { origin: huge },
    { origin: 42 },
    { jobId: 'not-a-uuid' },
    { jobId: `${valid['reconcile.run']['jobId'] as string} ` },
    { jobId: huge },
    JSON.parse('{"__proto__": {"polluted": true}, "tabId": 7}'),
  ];

  it.each(names)('%s refuses every kind of garbage and calls no handler', async (name) => {
    const { route, spies } = spiedRouter();
    const sender = rightSender(name);
    for (const request of garbage) {
      const reply = await route({ type: name, request }, sender);
      // The few requests that are empty objects take an empty object only.
      if (reply.ok) expect.fail(`${name} accepted ${String(JSON.stringify(request)).slice(0, 80)}`);
      expect(reply.error.length).toBeLessThan(200);
    }
    expect(spies[name]).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(names)('%s refuses its valid request with a field the protocol does not name', async (name) => {
    const { route, spies } = spiedRouter();
    const reply = await route({ type: name, request: { ...valid[name], admin: true } }, rightSender(name));
    expect(reply).toEqual({ ok: false, error: `${name}: invalid request.` });
    expect(spies[name]).not.toHaveBeenCalled();
  });

  it('refuses envelopes that are not just a known name and a request', async () => {
    const { route, spies } = spiedRouter();
    const envelopes: unknown[] = [
      undefined,
      'page.getContext',
      { type: 'page.getContext' },
      { type: 'page.getContext', request: {}, sender: framedSidebar },
      { type: 'page.getContext', request: {}, tabId: 8 },
      { type: huge, request: {} },
      { type: 42, request: {} },
      { type: '__proto__', request: {} },
      { type: 'constructor', request: {} },
      { type: 'hasOwnProperty', request: {} },
      { type: 'PAGE.GETCONTEXT', request: {} },
      { type: 'page.getContext ', request: {} },
      { type: 'db.delete', request: {} },
      { type: 'contacts.deleteAll', request: {} },
    ];
    for (const envelope of envelopes) {
      expect((await route(envelope, framedSidebar)).ok).toBe(false);
    }
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });
});

describe('bulk and destructive operations', () => {
  it('are declared for every message, and come from extension pages only', () => {
    const declared = Object.fromEntries(
      names.map((name) => [name, `${protocol[name].from} · ${protocol[name].effect}`]),
    );
    // A new message must say here who may send it and what it may change.
    expect(declared).toEqual({
      'page.siteConfig': 'content · reads',
      'page.contactDetected': 'content · one',
      'page.capture': 'content · one',
      'teach.recipeLearned': 'content · one',
      'page.getContext': 'extension-page · reads',
      'teach.start': 'extension-page · reads',
      'sites.changed': 'extension-page · one',
      'product.readPage': 'extension-page · reads',
      'reconcile.run': 'extension-page · bulk',
    });
    const bulk = names.filter((name) => protocol[name].effect === 'bulk');
    expect(bulk.length).toBeGreaterThan(0);
    for (const name of bulk) expect(protocol[name].from, name).toBe('extension-page');
  });

  it('a content script cannot start one, with a valid request or not', async () => {
    const { route, spies } = spiedRouter();
    for (const name of names.filter((candidate) => protocol[candidate].effect === 'bulk')) {
      for (const sender of [content, { ...content, url: 'https://127.0.0.1/' }]) {
        expect(await route({ type: name, request: valid[name] }, sender)).toEqual({
          ok: false,
          error: `${name} is not accepted from this sender.`,
        });
      }
      expect(spies[name]).not.toHaveBeenCalled();
      // The same request from the dashboard is taken.
      expect((await route({ type: name, request: valid[name] }, dashboard)).ok).toBe(true);
    }
  });
});
