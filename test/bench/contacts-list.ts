import type { Page } from 'puppeteer';
import { launchWithTally } from '../support/chromium';
import { makeContact, makePurchase, putRows } from '../support/contacts';
import { percentile, type Figure } from './figures';

/**
 * The dashboard's contacts list at 50,000 contacts (each with a purchase), in its own fresh
 * browser profile: opening the dashboard until the first page shows, then paging, typing a
 * search and changing the sort, each from the user's action to the list on screen.
 */
const CONTACTS = 50_000;
const PAGE_STEPS = 20;
/** Keystrokes that each change what the list shows (the timing waits for the change). */
const QUERIES = ['grace', 'grace h', 'grace hop', 'acme', 'acme sa', 'torvalds', 'l'];
/** Names and companies that look like a real book, so duplicate finding meets realistic blocks. */
const FIRST_NAMES =
  'Ada Alan Grace Linus Ken Barbara Edsger Donald Frances Margaret John Tim Vint Radia Guido Bjarne Anders James Dennis Niklaus Leslie Tony Robin Shafi Judea Yann Fei Andrew Hedy Katherine Dorothy Mary Annie Evelyn Jean Kathleen Betty Marlyn Ruth Adele Sophie Hannah Lucas Noah Emma Olivia Liam Mia Ella Leo Zoe Maya Omar Yusuf Aisha Chen Wei Priya Ravi Ines'.split(
    ' ',
  );
const LAST_NAMES =
  'Lovelace Turing Hopper Torvalds Thompson Liskov Dijkstra Knuth Allen Hamilton McCarthy Berners-Lee Cerf Perlman Rossum Stroustrup Hejlsberg Gosling Ritchie Wirth Lamport Hoare Milner Goldwasser Pearl LeCun Li Ng Lamarr Johnson Vaughan Jackson Easley Boyd Bartik Antonelli Holberton Wescoff Teitelbaum Goldstine Wilson Smith Brown Garcia Miller Davis Martinez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Martin Lee Perez White Harris Clark Lewis Robinson Walker Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Flores Morris Nguyen Murphy Rivera Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Gomez Kelly Howard Ward'.split(
    ' ',
  );
const COMPANY_WORDS =
  'Acme Globex Initech Umbrella Stark Wayne Wonka Tyrell Cyberdyne Soylent Hooli Pied Vandelay Dunder Gringotts Monarch Oscorp Aperture Black Mesa Virtucon Nakatomi Spacely Cogswell Gekko Prestige Sterling Bluth Krusty Duff'.split(
    ' ',
  );
const COMPANY_SUFFIXES =
  'Ltd Inc GmbH Trading Supplies Retail Foods Pharmacy Salon Spa Clinic Boutique Market Group Partners Labs Works Studio Store Outlet Wholesale Direct Home Garden Beauty Health Sports Books Toys Tools Motors Electric Textiles'.split(
    ' ',
  );

/** A word of `list` picked by a deterministic scramble of `seed`, so the parts of a name do not move in step. */
function pick(list: readonly string[], seed: number): string {
  const scrambled = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) >>> 0;
  return list[scrambled % list.length] ?? '';
}

const SHOWN = 'section[aria-labelledby=contacts-heading] [data-field=contacts-shown]';

export async function contactsListFigures(): Promise<Figure[]> {
  const tally = await launchWithTally({ headless: true });
  try {
    const page = await tally.browser.newPage();
    await page.goto(`${tally.extensionOrigin}/dashboard.html`);
    await page.waitForSelector(SHOWN);
    await seed(page);

    const loads: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      await page.reload();
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.textContent?.includes('of 50,000'),
        { timeout: 60_000 },
        SHOWN,
      );
      loads.push(await page.evaluate(() => performance.now()));
    }
    const steps: number[] = [];
    for (let step = 0; step < PAGE_STEPS; step += 1) steps.push(await timed(page, 'next'));
    const searches: number[] = [];
    for (const text of QUERIES) searches.push(await timed(page, 'search', text));
    await timed(page, 'search', '');
    const sorts = [
      await timed(page, 'sort', 'spend'),
      await timed(page, 'sort', 'last-purchase'),
      await timed(page, 'sort', 'name'),
    ];
    return [
      {
        name: `contacts list, ${CONTACTS.toLocaleString('en')} contacts: open → first page (median)`,
        value: percentile(loads, 0.5),
        unit: 'ms',
        budget: null,
      },
      {
        name: 'contacts list: Next page → page shown (median)',
        value: percentile(steps, 0.5),
        unit: 'ms',
        budget: null,
      },
      {
        name: 'contacts list: Next page → page shown (p95)',
        value: percentile(steps, 0.95),
        unit: 'ms',
        budget: null,
      },
      {
        name: 'contacts list: search keystroke → list shown (p95)',
        value: percentile(searches, 0.95),
        unit: 'ms',
        budget: null,
      },
      {
        name: 'contacts list: change sort → list shown (slowest)',
        value: Math.max(...sorts),
        unit: 'ms',
        budget: null,
      },
    ];
  } finally {
    await tally.close();
  }
}

async function seed(page: Page) {
  const chunk = 5_000;
  for (let start = 0; start < CONTACTS; start += chunk) {
    const contacts = Array.from({ length: chunk }, (_, offset) => {
      const index = start + offset;
      return makeContact({
        name: `${pick(FIRST_NAMES, index)} ${pick(LAST_NAMES, index + 1_000_003)}`,
        company: `${pick(COMPANY_WORDS, index + 2_000_003)} ${pick(COMPANY_SUFFIXES, index + 3_000_017)}`,
        email: `customer${index}@example.com`,
        role: index % 20 === 0 ? 'supplier' : 'customer',
      });
    });
    await putRows(page, 'contacts', contacts);
    await putRows(
      page,
      'purchases',
      contacts.map((contact, offset) =>
        makePurchase(
          contact.id,
          `2026-${String((offset % 12) + 1).padStart(2, '0')}-15`,
          100 + ((start + offset) % 9973),
        ),
      ),
    );
  }
}

/**
 * One user action in the page, timed from the event to the next frame after the shown-contacts
 * line changed (Preact renders synchronously on a signal change, so that frame has the list).
 */
async function timed(page: Page, action: 'next' | 'search' | 'sort', value = ''): Promise<number> {
  return page.evaluate(
    async (kind, text, selector) => {
      const shown = document.querySelector(selector);
      const section = document.querySelector('section[aria-labelledby=contacts-heading]');
      if (!shown || !section) throw new Error('No contacts list');
      const before = shown.textContent;
      // No local functions here: tsx would wrap them in a helper the page does not have.
      const rowBefore = section.querySelector('tbody tr')?.textContent;
      const started = performance.now();
      if (kind === 'next') {
        const next = [...section.querySelectorAll('button')].find(
          (button) => button.textContent === 'Next page',
        );
        next?.click();
      } else if (kind === 'search') {
        const input = section.querySelector<HTMLInputElement>('input[type=search]');
        if (!input) throw new Error('No search');
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        const select = [...section.querySelectorAll('select')].find((element) =>
          [...element.options].some((option) => option.value === text),
        );
        if (!select) throw new Error('No sort');
        select.value = text;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      while (
        shown.textContent === before &&
        section.querySelector('tbody tr')?.textContent === rowBefore &&
        performance.now() - started < 5_000
      ) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - started;
    },
    action,
    value,
    SHOWN,
  );
}
