import { describe, expect, it } from 'vitest';
import type { PageBeside } from '../../../src/ui/sidebar/sidebar-model';
import {
  customerContext,
  embeddedPageSource,
  type EmbeddedWindow,
} from '../../../src/ui/platform/embedded-page';

const CRM = 'https://crm.example.com';
const ADA = { id: 'C-42', name: 'Ada Lovelace', email: 'ada@example.com' };
const GRACE = { id: 'C-7', name: 'Grace Hopper' };
const customer = (value: unknown) => ({ tally: 1, type: 'customer', customer: value });

/** The sidebar's window framed by `parent`, with the page origins above it as Chromium lists them. */
function framedWindow(ancestorOrigins?: string[]) {
  const listeners = new Set<(event: MessageEvent) => void>();
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const parent = {
    postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }),
  };
  const window: EmbeddedWindow = {
    parent,
    location: ancestorOrigins ? { ancestorOrigins } : {},
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
  };
  /** A message as the browser delivers it: `source` and `origin` are the browser's, not the sender's. */
  const deliver = (data: unknown, from: { source?: unknown; origin?: string } = {}) => {
    const event = {
      data,
      source: 'source' in from ? from.source : parent,
      origin: from.origin ?? CRM,
    } as MessageEvent;
    for (const listener of listeners) listener(event);
  };
  return { window, parent, posted, listeners, deliver };
}

async function subscribed(options: { allowed?: string[]; ancestors?: string[] } = {}) {
  const framed = framedWindow(options.ancestors);
  const allowed = [...(options.allowed ?? [CRM])];
  const source = embeddedPageSource({ window: framed.window, allowedOrigins: async () => allowed });
  const pages: PageBeside[] = [];
  const unsubscribe = await source.subscribe((page) => pages.push(page));
  /** Lets the queued messages be handled (each reads the allow list first). */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  const names = () =>
    pages.map((page) =>
      page.context?.detection.status === 'found' ? page.context.detection.snapshot.name : null,
    );
  return { ...framed, source, pages, names, allowed, unsubscribe, settled };
}

describe('embeddedPageSource', () => {
  it('shows no customer until the host names one, then follows it from customer to customer', async () => {
    const page = await subscribed();
    page.deliver(customer(ADA));
    page.deliver(customer(GRACE));
    page.deliver(customer(null));
    await page.settled();
    expect(page.names()).toEqual([null, 'Ada Lovelace', 'Grace Hopper', null]);
    expect(page.source.embedder.value).toEqual({ kind: 'allowed' });
  });

  it('without ancestorOrigins, shows nothing until its parent says who it is', async () => {
    const page = await subscribed();
    expect(page.source.embedder.value).toEqual({ kind: 'unknown' });
    page.deliver({ type: 'webpackOk' });
    await page.settled();
    expect(page.source.embedder.value).toEqual({ kind: 'unknown' });
    page.deliver(customer(null));
    await page.settled();
    expect(page.source.embedder.value).toEqual({ kind: 'allowed' });
  });

  it('tells only allowed origins that it listens, with no data', async () => {
    const page = await subscribed({ allowed: [CRM, 'http://127.0.0.1:5178'] });
    expect(page.posted).toEqual([
      { message: { tally: 1, type: 'ready' }, targetOrigin: CRM },
      { message: { tally: 1, type: 'ready' }, targetOrigin: 'http://127.0.0.1:5178' },
    ]);
    const none = await subscribed({ allowed: [] });
    expect(none.posted).toEqual([]);
  });

  it('ignores a message from any window but its parent, whatever origin it claims', async () => {
    const page = await subscribed();
    page.deliver(customer(ADA), { source: { postMessage() {} } });
    page.deliver(customer(ADA), { source: null });
    await page.settled();
    expect(page.names()).toEqual([null]);
    expect(page.source.embedder.value).toEqual({ kind: 'unknown' });
  });

  it('refuses a parent of another origin, and shows no customer from it', async () => {
    const page = await subscribed();
    page.deliver(customer(ADA));
    await page.settled();
    page.deliver(customer(GRACE), { origin: 'https://evil.example' });
    await page.settled();
    expect(page.names()).toEqual([null, 'Ada Lovelace', null]);
    expect(page.source.embedder.value).toEqual({ kind: 'refused', origin: 'https://evil.example' });
  });

  it('refuses at once when a page above it is not allowed, before any message', async () => {
    const page = await subscribed({ ancestors: ['https://evil.example'] });
    expect(page.source.embedder.value).toEqual({ kind: 'refused', origin: 'https://evil.example' });
    expect(page.posted).toEqual([{ message: { tally: 1, type: 'ready' }, targetOrigin: CRM }]);
    // An allowed page framed in turn by another site gets nothing either.
    const nested = await subscribed({ ancestors: [CRM, 'https://evil.example'] });
    expect(nested.source.embedder.value).toEqual({ kind: 'refused', origin: 'https://evil.example' });
    nested.deliver(customer(ADA));
    await nested.settled();
    expect(nested.names()).toEqual([null, null]);
    const fine = await subscribed({ ancestors: [CRM] });
    expect(fine.source.embedder.value).toEqual({ kind: 'allowed' });
  });

  it('reads the allow list again for every message: allowing later takes effect', async () => {
    const page = await subscribed({ allowed: [] });
    page.deliver(customer(ADA));
    await page.settled();
    expect(page.source.embedder.value).toEqual({ kind: 'refused', origin: CRM });
    page.allowed.push(CRM);
    page.deliver(customer(GRACE));
    await page.settled();
    expect(page.source.embedder.value).toEqual({ kind: 'allowed' });
    expect(page.names()).toEqual([null, null, 'Grace Hopper']);
  });

  it("ignores other scripts' messages, and shows no customer for a malformed one of Tally's", async () => {
    const page = await subscribed();
    page.deliver(customer(ADA));
    page.deliver({ type: 'webpackOk' });
    page.deliver('hello');
    page.deliver(null);
    await page.settled();
    expect(page.names()).toEqual([null, 'Ada Lovelace']);
    page.deliver({ ...customer(GRACE), extra: 1 });
    await page.settled();
    expect(page.names()).toEqual([null, 'Ada Lovelace', null]);
    page.deliver(customer({ name: 'x'.repeat(100_000) }));
    page.deliver(customer({ name: 'Ada', email: 'not an email' }));
    await page.settled();
    expect(page.names()).toEqual([null, 'Ada Lovelace', null, null, null]);
  });

  it('stops listening when unsubscribed', async () => {
    const page = await subscribed();
    page.unsubscribe();
    expect(page.listeners.size).toBe(0);
  });
});

describe('customerContext', () => {
  it('is a sure detection named after the host, one address per customer', () => {
    const context = customerContext(ADA, CRM);
    expect(context).toMatchObject({
      url: `${CRM}/#tally-customer/C-42`,
      detection: {
        status: 'found',
        confidence: 1,
        source: { kind: 'adapter', id: 'embed', name: CRM },
        snapshot: {
          backOffice: 'embed',
          externalId: 'C-42',
          name: 'Ada Lovelace',
          url: `${CRM}/#tally-customer/C-42`,
        },
      },
      draft: {},
    });
    expect(customerContext(GRACE, CRM)?.url).not.toBe(context?.url);
    expect(customerContext(null, CRM)).toBeNull();
  });
});
