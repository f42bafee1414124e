import { describe, it, expect } from 'vitest';
import { SafeHtml, escapeHtml, html, htmlPage } from '../../demo/html';

describe('html template', () => {
  it('escapes every interpolated string and number', () => {
    const hostile = `<script>alert("x")</script>&'`;
    expect(html`<p title="${hostile}">${hostile}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });

  it('nests html output and arrays without double escaping, and drops null, undefined and false', () => {
    const items = ['<a>', 'b&c'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}${null}${undefined}${false}</ul>`;
    expect(list.toString()).toBe('<ul><li>&lt;a&gt;</li><li>b&amp;c</li></ul>');
  });

  it('cannot be bypassed by constructing SafeHtml by hand', () => {
    const forge = SafeHtml as unknown as new (token: symbol, markup: string) => SafeHtml;
    expect(() => new forge(Symbol('SafeHtml'), '<script>')).toThrow(TypeError);
  });

  it('wraps a page in the shared document shell', () => {
    const page = htmlPage({ title: 'A <title>', body: html`<p>hi</p>` });
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>A &lt;title&gt;</title>');
  });
});
