// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SectionNav } from '../../../src/ui/dashboard/SectionNav';

/** The dashboard's `Sections` links: read from the sections' headings, kept in step, moving the focus. */

let root: HTMLElement;
let showBackup: (shown: boolean) => void = () => undefined;

function Page() {
  const [backup, setBackup] = useState(false);
  showBackup = setBackup;
  return (
    <main class="dashboard">
      <h1>Tally</h1>
      <SectionNav />
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">Contacts</h2>
        <section aria-labelledby="add-heading">
          <h3 id="add-heading">Add contact</h3>
        </section>
      </section>
      {backup ? (
        <section aria-labelledby="backup-heading">
          <h2 id="backup-heading">Backup</h2>
        </section>
      ) : null}
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">Reports</h2>
      </section>
    </main>
  );
}

const links = () =>
  [...root.querySelectorAll('nav[aria-label=Sections] a')].map((link) => ({
    text: link.textContent,
    href: link.getAttribute('href'),
  }));

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

it('lists the top-level sections by their headings, in page order, and follows sections that appear', async () => {
  await act(() => render(<Page />, root));
  expect(links()).toEqual([
    { text: 'Contacts', href: '#contacts-heading' },
    { text: 'Reports', href: '#reports-heading' },
  ]);
  await act(() => showBackup(true));
  // The observer reports after the change; let it run.
  await act(() => new Promise((settle) => setTimeout(settle, 0)));
  expect(links().map((link) => link.text)).toEqual(['Contacts', 'Backup', 'Reports']);
});

it('moves the focus to the section’s heading and leaves the address alone', async () => {
  await act(() => render(<Page />, root));
  const before = location.href;
  const reports = [...root.querySelectorAll('nav a')].find((link) => link.textContent === 'Reports');
  await act(() => (reports as HTMLAnchorElement).click());
  expect(document.activeElement?.id).toBe('reports-heading');
  expect(location.href).toBe(before);
});
