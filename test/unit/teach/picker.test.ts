// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canSkip,
  FIRST_STEP,
  PROMPTS,
  startTeachPicker,
  teachStep,
  type TeachState,
} from '../../../entrypoints/teach/picker';
import type { RecipeDraft } from '../../../src/adapters/taught';

describe('teachStep', () => {
  const walk = (...events: ('skip' | string)[]): TeachState<string> =>
    events.reduce<TeachState<string>>(
      (state, event) =>
        teachStep(state, event === 'skip' ? { type: 'skip' } : { type: 'pick', element: event }),
      FIRST_STEP,
    );

  it('asks for the name, email, phone and id, then the recipe name', () => {
    const steps: TeachState<string>[] = [FIRST_STEP];
    for (const element of ['h1', 'a', 'span', 'dd']) {
      steps.push(teachStep(steps.at(-1) ?? FIRST_STEP, { type: 'pick', element }));
    }
    expect(steps.map((state) => state.step)).toEqual(['name', 'email', 'phone', 'externalId', 'save']);
    expect(steps.at(-1)?.picks).toEqual({ name: 'h1', email: 'a', phone: 'span', externalId: 'dd' });
  });

  it('skips any field but the name', () => {
    expect(walk('skip')).toEqual(FIRST_STEP);
    expect(walk('h1', 'skip', 'skip', 'skip')).toEqual({ step: 'save', picks: { name: 'h1' } });
    expect(walk('h1', 'skip', 'span', 'skip')).toEqual({
      step: 'save',
      picks: { name: 'h1', phone: 'span' },
    });
    expect(canSkip('name')).toBe(false);
    expect(canSkip('save')).toBe(false);
    expect(canSkip('email')).toBe(true);
  });

  it('ignores picks once every field is chosen', () => {
    const done = walk('h1', 'a', 'span', 'dd');
    expect(teachStep(done, { type: 'pick', element: 'p' })).toBe(done);
    expect(teachStep(done, { type: 'skip' })).toBe(done);
  });

  it('prompts for each step', () => {
    expect(PROMPTS).toEqual({
      name: 'Click the customer’s name',
      email: 'Click the email (or Skip)',
      phone: 'Click the phone (or Skip)',
      externalId: 'Click the customer id (or Skip)',
      save: 'Name this recipe',
    });
  });
});

describe('startTeachPicker', () => {
  const url = new URL('https://crm.acme.test/clients/1001');
  const fixture = readFileSync(
    join(import.meta.dirname, '../../fixtures/taught/acme-crm/client-1001.html'),
    'utf8',
  );

  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    vi.restoreAllMocks();
  });

  /** Opens the fixture page and the picker, keeping its closed shadow root for the test. */
  function open() {
    const page = new DOMParser().parseFromString(fixture, 'text/html');
    document.title = page.title;
    document.body.replaceChildren(
      ...[...page.body.childNodes].map((node) => document.importNode(node, true)),
    );
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const onDone = vi.fn<(draft: RecipeDraft) => void>();
    const onCancel = vi.fn<() => void>();
    stop = startTeachPicker({ doc: document, url, onDone, onCancel });
    const root = attach.mock.results.at(-1)?.value as ShadowRoot;
    const visible = (name: string) =>
      [...root.querySelectorAll('button')].find((button) => button.textContent === name && !button.hidden);
    const press = (name: string) => {
      const button = visible(name);
      if (!button) throw new Error(`no ${name} button`);
      button.click();
    };
    const click = (selector: string) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`no ${selector}`);
      return target.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }),
      );
    };
    const text = (selector: string) => root.querySelector(selector)?.textContent;
    return { root, onDone, onCancel, visible, press, click, text };
  }

  it('shows a labelled dialog in a closed shadow root', () => {
    const { root, visible, text } = open();
    const host = document.querySelector('tally-teach');
    expect(host?.parentElement).toBe(document.documentElement);
    expect(host?.shadowRoot).toBeNull();
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-label')).toBe('Teach Tally this page');
    expect(text('.prompt')).toBe('Click the customer’s name');
    expect(visible('Cancel')).toBeDefined();
    expect(visible('Skip')).toBeUndefined();
  });

  it('takes the page’s clicks, learns each field and saves the recipe', () => {
    const { root, onDone, press, click, text, visible } = open();
    const followed = vi.fn();
    document.querySelector('.deals a')?.addEventListener('click', followed);

    expect(click('h1')).toBe(false);
    expect(text('.prompt')).toBe('Click the email (or Skip)');
    expect(visible('Skip')).toBeDefined();
    expect(click('.deals a')).toBe(false);
    expect(followed).not.toHaveBeenCalled();
    expect(text('.problem')).toMatch(/not an email/);
    expect(text('.prompt')).toBe('Click the email (or Skip)');

    click('[data-field="email"]');
    expect(text('.problem')).toBe('');
    press('Skip');
    click('.account dd');
    expect(text('.prompt')).toBe('Name this recipe');
    expect([...root.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'Name: Grace Hopper',
      'Email: grace@example.com',
      'Customer id: 1001',
    ]);

    const input = root.querySelector('label input') as HTMLInputElement;
    expect(root.querySelector('label')?.textContent).toBe('Recipe name');
    expect(input.value).toBe('Acme CRM');
    input.value = 'Acme CRM client page';
    press('Save recipe');

    expect(onDone).toHaveBeenCalledWith({
      name: 'Acme CRM client page',
      origin: 'https://crm.acme.test',
      pathPattern: '/clients/*',
      fields: {
        name: { kind: 'css', selector: '#client-name' },
        email: { kind: 'css', selector: '[data-field="email"]' },
        externalId: { kind: 'label', label: 'Client no.' },
      },
    });
    expect(document.querySelector('tally-teach')).toBeNull();
    expect(click('.deals a')).toBe(true);
    expect(followed).toHaveBeenCalledOnce();
  });

  it('does not pick Tally’s own launcher', () => {
    const { click, text } = open();
    const launcher = document.createElement('tally-launcher');
    launcher.append(document.createElement('button'));
    document.documentElement.append(launcher);
    expect(click('tally-launcher button')).toBe(true);
    expect(text('.prompt')).toBe('Click the customer’s name');
    launcher.remove();
  });

  it('cancels with Escape or Cancel, and removes itself', () => {
    const first = open();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(first.onCancel).toHaveBeenCalledOnce();
    expect(document.querySelector('tally-teach')).toBeNull();

    const second = open();
    second.click('h1');
    second.press('Cancel');
    expect(second.onCancel).toHaveBeenCalledOnce();
    expect(second.onDone).not.toHaveBeenCalled();
    expect(document.querySelector('tally-teach')).toBeNull();
  });
});
