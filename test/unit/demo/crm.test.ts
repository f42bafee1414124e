import { describe, expect, it } from 'vitest';
import { CRM_HOSTILE_ID, CRM_SAMPLE_ID } from '../../demo/seed-crm';
import { useDemoServer } from './support';

/** Acme CRM: the back office no adapter knows, for teaching Tally; no schema.org or hCard markup. */
const server = useDemoServer();

describe('Acme CRM', () => {
  it('shows a client with the fields in ids and data attributes a recipe can point at', async () => {
    const { status, text } = await server.get(`/crm/clients/${CRM_SAMPLE_ID}`);
    expect(status).toBe(200);
    expect(text).toContain('<h1 id="client-name">Grace Hopper</h1>');
    expect(text).toMatch(/data-prop="email"[\s\S]*?id="client-email"[\s\S]*?grace@example\.com/);
    expect(text).toMatch(/data-prop="phone"[\s\S]*?id="client-phone"[^>]*>\+1 415 555 0199</);
    expect(text).toMatch(/data-prop="account"[\s\S]*?id="client-account"[^>]*>ACM-1234</);
  });

  it('carries no schema.org, microdata or hCard markup anywhere', async () => {
    for (const path of ['/crm/clients', `/crm/clients/${CRM_SAMPLE_ID}`, `/crm/clients/${CRM_HOSTILE_ID}`]) {
      const { text } = await server.get(path);
      expect(text, path).not.toMatch(/itemprop|itemscope|itemtype|application\/ld\+json|schema\.org/);
      expect(text, path).not.toMatch(/class="[^"]*\b(vcard|h-card|fn|p-name|u-email|p-tel|email|tel|org)\b/);
    }
  });

  it('keeps a hostile client name as text', async () => {
    const { text } = await server.get(`/crm/clients/${CRM_HOSTILE_ID}`);
    expect(text).toContain('נועה כהן &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toContain('<script>alert');
  });

  it('lists the clients, linking each page', async () => {
    const { text } = await server.get('/crm/clients');
    expect(text).toContain(`href="/crm/clients/${CRM_SAMPLE_ID}"`);
    expect(text).toContain('Page 1 of 3');
  });
});
