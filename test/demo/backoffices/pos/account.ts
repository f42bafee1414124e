/** Till settings and the lock screen: forms, no contact. A POST just redirects. */
import { html } from '../../html';
import { posBarePage, posPage } from './layout';

export function posSettingsPage(url: URL): string {
  const saved = url.searchParams.get('saved') === '1';
  return posPage({
    title: 'Settings',
    section: 'settings',
    content: html`<main>
      <h1>Settings</h1>
      ${saved ? html`<p role="status">Settings saved.</p>` : ''}
      <form class="card" action="/pos/settings" method="post">
        <label for="outlet">Outlet name</label>
        <input id="outlet" name="outlet" value="Till POS Demo Store" />
        <label for="receipt-email">Send receipts from</label>
        <input id="receipt-email" name="receiptEmail" type="email" value="receipts@till.example.com" />
        <label for="currency">Currency</label>
        <select id="currency" name="currency">
          <option value="USD" selected>USD</option>
          <option value="EUR">EUR</option>
        </select>
        <p><button type="submit">Save</button></p>
      </form>
    </main>`,
  });
}

export function posLoginPage(): string {
  return posBarePage(
    'Unlock',
    html`<main>
      <form class="card" action="/pos/login" method="post">
        <h1>Unlock the till</h1>
        <label for="staff">Staff email</label>
        <input id="staff" name="staff" type="email" autocomplete="username" />
        <label for="passcode">Passcode</label>
        <input
          id="passcode"
          name="passcode"
          type="password"
          inputmode="numeric"
          autocomplete="current-password"
        />
        <p><button type="submit">Unlock</button></p>
      </form>
    </main>`,
  );
}
