/** Northwind Direct's stylesheet, inline on every page: a plausible back office, no external assets. */
import { html } from '../../html';

export const REP_STYLE = html`<style>
  * {
    box-sizing: border-box;
  }
  body {
    margin: 0;
    font:
      14px/1.45 system-ui,
      -apple-system,
      'Segoe UI',
      sans-serif;
    color: #1f2933;
    background: #f4f6f8;
  }
  a {
    color: #1d5fbf;
  }
  .topbar {
    display: flex;
    align-items: center;
    gap: 16px;
    height: 52px;
    padding: 0 20px;
    background: #16324f;
    color: #fff;
  }
  .topbar .brand {
    font-weight: 700;
    font-size: 17px;
    color: #fff;
    text-decoration: none;
  }
  .topbar .brand span {
    color: #8fc1ff;
    font-weight: 400;
  }
  .topbar .search {
    margin-left: auto;
  }
  .topbar .search input {
    padding: 5px 8px;
    border: 0;
    border-radius: 4px;
    width: 220px;
  }
  .topbar .user {
    font-size: 13px;
    color: #c8d6e5;
  }
  .shell {
    display: flex;
    min-height: calc(100vh - 52px - 40px);
  }
  .sidenav {
    width: 190px;
    flex: none;
    background: #fff;
    border-right: 1px solid #dde3ea;
    padding: 12px 0;
  }
  .sidenav ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .sidenav a {
    display: block;
    padding: 8px 20px;
    color: #334e68;
    text-decoration: none;
  }
  .sidenav a[aria-current='page'] {
    background: #e6f0ff;
    color: #16324f;
    font-weight: 600;
    border-left: 3px solid #1d5fbf;
  }
  .content {
    flex: 1;
    padding: 20px 28px;
    min-width: 0;
  }
  .breadcrumbs {
    font-size: 13px;
    color: #627d98;
    margin-bottom: 8px;
  }
  h1 {
    font-size: 22px;
    margin: 0 0 16px;
  }
  h2 {
    font-size: 16px;
    margin: 24px 0 8px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    background: #fff;
    border: 1px solid #dde3ea;
  }
  th,
  td {
    text-align: left;
    padding: 7px 10px;
    border-bottom: 1px solid #eef1f4;
    vertical-align: top;
  }
  th {
    background: #f0f4f8;
    font-weight: 600;
    color: #334e68;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 20px;
    background: #fff;
    border: 1px solid #dde3ea;
    padding: 14px 18px;
    margin: 0;
    max-width: 640px;
  }
  dt {
    color: #627d98;
  }
  dd {
    margin: 0;
  }
  .toolbar {
    display: flex;
    gap: 12px;
    align-items: center;
    margin-bottom: 12px;
  }
  .button {
    display: inline-block;
    padding: 6px 12px;
    background: #1d5fbf;
    color: #fff;
    border: 0;
    border-radius: 4px;
    text-decoration: none;
    font: inherit;
    cursor: pointer;
  }
  .button.secondary {
    background: #fff;
    color: #1d5fbf;
    border: 1px solid #1d5fbf;
  }
  .pager {
    display: flex;
    gap: 16px;
    align-items: center;
    margin: 12px 0;
  }
  .pager .disabled {
    color: #9aa5b1;
  }
  .notice {
    background: #e3f9e5;
    border: 1px solid #57ae5b;
    padding: 8px 12px;
    margin-bottom: 12px;
    max-width: 640px;
  }
  form.panel {
    background: #fff;
    border: 1px solid #dde3ea;
    padding: 16px 18px;
    max-width: 520px;
  }
  form.panel label {
    display: block;
    margin: 10px 0 4px;
    font-weight: 600;
  }
  form.panel input[type='text'],
  form.panel input[type='email'],
  form.panel input[type='password'],
  form.panel select,
  form.panel textarea {
    width: 100%;
    padding: 6px 8px;
    border: 1px solid #bcccdc;
    border-radius: 4px;
    font: inherit;
  }
  form.panel .check {
    font-weight: 400;
  }
  footer {
    height: 40px;
    padding: 10px 20px;
    font-size: 12px;
    color: #829ab1;
    border-top: 1px solid #dde3ea;
    background: #fff;
  }
  .login {
    max-width: 360px;
    margin: 80px auto;
  }
  .loading {
    color: #627d98;
  }
  .record-nav {
    display: flex;
    gap: 16px;
    margin-bottom: 12px;
  }
  .profile-header {
    display: flex;
    gap: 16px;
    align-items: center;
    margin-bottom: 16px;
  }
  .profile-header h1 {
    margin: 0;
  }
  .profile-header p {
    margin: 0;
    color: #627d98;
  }
  .profile-avatar {
    display: grid;
    place-items: center;
    width: 48px;
    height: 48px;
    border-radius: 50%;
    background: #1d5fbf;
    color: #fff;
    font-weight: 700;
  }
  .profile-card {
    background: #fff;
    border: 1px solid #dde3ea;
    border-radius: 8px;
    padding: 8px 18px;
    max-width: 640px;
  }
  .profile-row {
    display: flex;
    gap: 20px;
    padding: 6px 0;
    border-bottom: 1px solid #eef1f4;
  }
  .profile-label {
    width: 90px;
    color: #627d98;
  }
</style>`;
