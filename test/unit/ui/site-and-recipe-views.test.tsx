// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src/adapters/taught';
import { TallyDatabase } from '../../../src/db/database';
import { setSiteMode, siteMode } from '../../../src/db/site-settings';
import { originPattern } from '../../../src/messaging/site-access';
import { TaughtRecipes } from '../../../src/ui/dashboard/TaughtRecipes';
import { SiteAccess } from '../../../src/ui/dashboard/SiteAccess';
import { createRecipesModel } from '../../../src/ui/dashboard/recipes-model';
import { createSiteAccessModel } from '../../../src/ui/dashboard/site-access-model';
import { Popup } from '../../../src/ui/popup/Popup';
import { createPopupModel } from '../../../src/ui/popup/popup-model';

/** The views as their users and the e2e tests find them: by role and accessible name. */

let db: TallyDatabase;
let root: HTMLElement;
let notified: string[];

beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  root = document.createElement('div');
  document.body.append(root);
  notified = [];
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

const buttons = (within: ParentNode = root) =>
  [...within.querySelectorAll('button')].map((button) => button.textContent?.trim());
const button = (name: string, within: ParentNode = root) => {
  const found = [...within.querySelectorAll('button')].find((one) => one.textContent?.trim() === name);
  if (!found) throw new Error(`No button "${name}" among ${buttons(within).join(', ')}`);
  return found;
};
/** The control inside the <label> named `name`. */
const field = <T extends Element>(name: string, within: ParentNode = root) => {
  const label = [...within.querySelectorAll('label')].find((one) => one.textContent?.trim().startsWith(name));
  const control = label?.querySelector<T & Element>('input,select');
  if (!control) throw new Error(`No field labelled "${name}"`);
  return control as unknown as T;
};
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('Taught recipes section', () => {
  it('shows each recipe and renames it through "Recipe name" and Save', async () => {
    const recipe = parseRecipe({
      id: crypto.randomUUID(),
      name: 'CRM clients',
      origin: 'https://crm.example.com',
      pathPattern: '/clients/*',
      fields: { name: { kind: 'css', selector: '#name' }, email: { kind: 'label', label: 'Email' } },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await db.recipes.put(recipe);
    const model = createRecipesModel({
      db,
      download: () => undefined,
      notifySiteChanged: async (origin) => void notified.push(origin),
    });
    await model.refresh();
    await act(() => render(<TaughtRecipes model={model} />, root));

    expect(root.querySelector('h2')?.textContent).toBe('Taught recipes');
    const item = root.querySelector('article[aria-labelledby]');
    expect(item?.querySelector('h3')?.textContent).toBe('CRM clients');
    expect(item?.textContent).toContain('https://crm.example.com');
    expect(item?.textContent).toContain('/clients/*');
    expect(item?.textContent).toContain('name, email');
    expect(buttons()).toEqual(['Export recipes', 'Import recipes', 'Rename', 'Delete']);

    await act(() => button('Rename').click());
    const name = field<HTMLInputElement>('Recipe name');
    expect(name.value).toBe('CRM clients');
    await act(() => {
      name.value = 'Acme customers';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => button('Save').click());
    await settle();
    expect((await db.recipes.get(recipe.id))?.name).toBe('Acme customers');
    expect(root.querySelector('h3')?.textContent).toBe('Acme customers');
    expect(notified).toEqual(['https://crm.example.com']);

    await act(() => button('Delete').click());
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Deleted “Acme customers”.');
    await act(() => button('Undo').click());
    await settle();
    expect(await db.recipes.count()).toBe(1);
  });
});

describe('Back-office sites section', () => {
  it('gives each site a "Tally on this site" choice of On, Never capture contacts and Off', async () => {
    await setSiteMode(db, 'http://127.0.0.1:5178', 'off');
    const model = createSiteAccessModel({
      db,
      list: async () => ['https://crm.example.com/*'],
      allow: async () => false,
      revoke: async () => undefined,
      toPattern: originPattern,
      notifySiteChanged: async (origin) => void notified.push(origin),
    });
    await model.refresh();
    await act(() => render(<SiteAccess model={model} />, root));

    const items = [...root.querySelectorAll('ul[aria-label="Sites"] > li')];
    expect(items.map((item) => item.querySelector('h3')?.textContent)).toEqual([
      'http://127.0.0.1:5178',
      'https://crm.example.com',
    ]);
    const [local, crm] = items;
    expect(buttons(local)).toEqual([]);
    expect(buttons(crm)).toEqual(['Remove https://crm.example.com/*']);
    const select = field<HTMLSelectElement>('Tally on this site', crm);
    expect([...select.options].map((option) => option.text)).toEqual(['On', 'Never capture contacts', 'Off']);
    expect(field<HTMLSelectElement>('Tally on this site', local).value).toBe('off');

    await act(() => {
      select.value = 'never-capture';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(await siteMode(db, 'https://crm.example.com')).toBe('never-capture');
    expect(notified).toEqual(['https://crm.example.com']);
    expect(field('Site address')).toBeTruthy();
    expect(button('Add never-capture site')).toBeTruthy();
  });
});

describe('Toolbar popup', () => {
  function popupFor(url: string, granted: boolean) {
    return createPopupModel({
      db,
      activeTab: async () => ({ id: 1, url }),
      hasAccess: async () => granted,
      requestAccess: async () => true,
      injectContentScript: async () => undefined,
      revokeAccess: async () => undefined,
      notifySiteChanged: async (origin) => void notified.push(origin),
      openDashboard: async () => undefined,
    });
  }

  it('shows the three states by name', async () => {
    const notWeb = popupFor('chrome://extensions/', false);
    await notWeb.load();
    await act(() => render(<Popup model={notWeb} />, root));
    expect(root.textContent).toContain('Tally works on web back offices.');
    expect(buttons()).toEqual(['Open dashboard']);

    const off = popupFor('https://crm.example.com/clients/1', false);
    await off.load();
    await act(() => render(<Popup model={off} />, root));
    expect(buttons()).toEqual(['Enable Tally on this site', 'Open dashboard']);
    await act(() => button('Enable Tally on this site').click());
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(
      'Tally is on for https://crm.example.com. Reload the page if the launcher does not appear.',
    );
    expect(buttons()).toEqual(['Open dashboard', 'Revoke access']);
    expect(field<HTMLSelectElement>('Tally on this site').value).toBe('on');

    const local = popupFor('http://localhost:5178/', false);
    await local.load();
    await act(() => render(<Popup model={local} />, root));
    expect(buttons()).toEqual(['Open dashboard']);
    expect(field<HTMLSelectElement>('Tally on this site')).toBeTruthy();
  });
});
