import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../src/messaging/router';
import { classifySender } from '../../../src/messaging/sender';
import { pageContextHandlers, type PageContextStore } from '../../../src/messaging/page-context';
import type { ContactSnapshot } from '../../../src/domain/contact-snapshot';
import type { Detection } from '../../../src/adapters/detect';
import type { PageContext } from '../../../src/messaging/protocol';

const self = { id: 'tally-id', origin: 'chrome-extension://tally-id/' };
const contentSender = { id: 'tally-id', url: 'http://127.0.0.1:5178/rep/customers/C-1', tab: { id: 7 } };
const sidebarSender = { id: 'tally-id', url: 'chrome-extension://tally-id/sidebar.html', tab: { id: 7 } };
const snapshot: ContactSnapshot = {
  backOffice: 'northwind',
  externalId: 'C-1',
  name: 'Ada',
  url: 'http://127.0.0.1:5178/rep/customers/C-1',
};

const detection: Detection = {
  status: 'found',
  source: { kind: 'adapter', id: 'northwind', name: 'Northwind Direct' },
  snapshot,
  confidence: 1,
};

function memoryStore(): PageContextStore {
  const tabs = new Map<number, PageContext | null>();
  return {
    get: async (tabId) => tabs.get(tabId) ?? null,
    set: async (tabId, value) => void tabs.set(tabId, value),
  };
}

describe('who sent a message', () => {
  it('tells content scripts, extension pages and strangers apart by what the browser set', () => {
    expect(classifySender(contentSender, self)).toEqual({
      kind: 'content',
      tabId: 7,
      url: contentSender.url,
    });
    expect(classifySender(sidebarSender, self)).toEqual({ kind: 'extension-page', tabId: 7 });
    expect(
      classifySender({ id: 'tally-id', url: 'chrome-extension://tally-id/dashboard.html' }, self),
    ).toEqual({
      kind: 'extension-page',
    });
    expect(classifySender({ ...contentSender, id: 'other-extension' }, self)).toEqual({ kind: 'unknown' });
    expect(classifySender({ id: 'tally-id', url: 'http://127.0.0.1/' }, self)).toEqual({ kind: 'unknown' });
    expect(classifySender({ id: 'tally-id' }, self)).toEqual({ kind: 'unknown' });
  });
});

describe('message router', () => {
  const route = createRouter(pageContextHandlers(memoryStore()) as Handlers, self);

  it('carries a detected contact from the content script to the sidebar of the same tab', async () => {
    expect(await route({ type: 'page.contactDetected', request: { detection } }, contentSender)).toEqual({
      ok: true,
      response: {},
    });
    expect(await route({ type: 'page.getContext', request: {} }, sidebarSender)).toEqual({
      ok: true,
      response: { tabId: 7, context: { url: contentSender.url, detection, draft: {} } },
    });
  });

  it('refuses unknown, malformed and wrongly sent messages without throwing', async () => {
    const refusals = await Promise.all([
      route(undefined, contentSender),
      route('page.getContext', sidebarSender),
      route({ type: 'toString', request: {} }, sidebarSender),
      route({ type: 'db.dropEverything', request: {} }, sidebarSender),
      route(
        {
          type: 'page.contactDetected',
          request: { detection: { ...detection, snapshot: { ...snapshot, name: '' } } },
        },
        contentSender,
      ),
      route(
        {
          type: 'page.contactDetected',
          request: { detection: { ...detection, snapshot: { ...snapshot, url: 'javascript:x' } } },
        },
        contentSender,
      ),
      route(
        { type: 'page.contactDetected', request: { detection: { ...detection, confidence: 7 } } },
        contentSender,
      ),
      route({ type: 'page.contactDetected', request: { detection } }, sidebarSender),
      route({ type: 'teach.start', request: {} }, contentSender),
      route({ type: 'page.capture', request: {} }, sidebarSender),
      route({ type: 'page.getContext', request: {} }, contentSender),
      route({ type: 'page.getContext', request: {} }, { ...sidebarSender, id: 'other-extension' }),
    ]);
    for (const reply of refusals) expect(reply.ok).toBe(false);
  });

  it('turns a failing handler into a refusal', async () => {
    const failing = createRouter(
      {
        'page.contactDetected': vi.fn(async () => {
          throw new Error('storage is full');
        }),
        'page.getContext': vi.fn(),
      } as unknown as Handlers,
      self,
    );
    expect(
      await failing(
        { type: 'page.contactDetected', request: { detection: { status: 'none' } } },
        contentSender,
      ),
    ).toEqual({
      ok: false,
      error: 'storage is full',
    });
  });

  it('refuses a page-context request from a dashboard that sits beside no tab', async () => {
    const reply = await route(
      { type: 'page.getContext', request: {} },
      { id: 'tally-id', url: `${self.origin}dashboard.html` },
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/not beside a back-office tab/) });
  });
});
