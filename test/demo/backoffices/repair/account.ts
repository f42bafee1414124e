/** Shop settings and sign-in: forms, no customer. A POST just redirects, as after a save or sign-in. */
import { html } from '../../html';
import { repairBarePage, repairPage } from './layout';

export function repairSettingsPage(url: URL): string {
  const saved = url.searchParams.get('saved') === '1';
  return repairPage(
    'Settings',
    'settings',
    html`<h1>Shop settings</h1>
      ${saved ? html`<p><b>Saved.</b></p>` : ''}
      <form action="/repair/settings" method="post">
        <fieldset>
          <legend>Store</legend>
          <label for="store-name">Store name</label>
          <input id="store-name" name="storeName" value="Fixit Mission St" />
          <label for="store-phone">Store phone</label>
          <input id="store-phone" name="storePhone" value="(415) 555-0188" />
          <label for="store-email">Store email</label>
          <input id="store-email" name="storeEmail" value="mission@fixit.example.com" />
          <label for="tax-rate">Sales tax %</label>
          <input id="tax-rate" name="taxRate" value="8.625" />
          <label for="receipt-footer">Receipt footer</label>
          <textarea id="receipt-footer" name="receiptFooter" rows="2">
90-day warranty on parts and labour.</textarea>
          <p><input type="submit" value="Save" /></p>
        </fieldset>
      </form>`,
  );
}

export function repairLoginPage(): string {
  return repairBarePage(
    'Log in',
    html`<h1>Log in</h1>
      <form action="/repair/login" method="post">
        <fieldset>
          <label for="user">User</label>
          <input id="user" name="user" autocomplete="username" />
          <label for="pin">PIN</label>
          <input id="pin" name="pin" type="password" autocomplete="current-password" />
          <p><input type="submit" value="Log in" /></p>
        </fieldset>
      </form>`,
  );
}
