/**
 * Settings and sign-in: pages with forms and no customer on them, where Tally must stay quiet.
 * Neither stores anything; a POST just redirects, as after a successful save or sign-in.
 */
import { html } from '../../html';
import { repBarePage, repPage } from './layout';

export function settingsPage(url: URL): string {
  const saved = url.searchParams.get('saved') === '1';
  return repPage({
    title: 'Settings',
    section: 'settings',
    content: html`<main class="settings-page">
      <h1>Settings</h1>
      ${saved ? html`<p class="notice" role="status">Settings saved.</p>` : ''}
      <form class="panel" action="/rep/settings" method="post">
        <label for="display-name">Display name</label>
        <input id="display-name" type="text" name="displayName" value="Jordan Reyes" />
        <label for="reply-email">Reply-to email</label>
        <input id="reply-email" type="email" name="replyEmail" value="jordan.reyes@northwind.example.com" />
        <label for="currency">Default currency</label>
        <select id="currency" name="currency">
          <option value="USD" selected>USD — US dollar</option>
          <option value="CAD">CAD — Canadian dollar</option>
        </select>
        <label for="signature">Email signature</label>
        <textarea id="signature" name="signature" rows="3">
Jordan Reyes · Northwind Direct · (415) 555-0199</textarea>
        <label class="check"
          ><input type="checkbox" name="dailySummary" checked /> Email me a daily order summary</label
        >
        <p><button class="button" type="submit">Save settings</button></p>
      </form>
    </main>`,
  });
}

export function loginPage(): string {
  return repBarePage(
    'Sign in',
    html`<main class="login">
      <form class="panel" action="/rep/login" method="post">
        <h1>Sign in</h1>
        <label for="username">Rep ID or email</label>
        <input id="username" type="text" name="username" autocomplete="username" />
        <label for="password">Password</label>
        <input id="password" type="password" name="password" autocomplete="current-password" />
        <p><button class="button" type="submit">Sign in</button></p>
        <p><a href="/rep/login">Forgot your password?</a></p>
      </form>
    </main>`,
  );
}
