import { afterAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server';
import { CRM_SAMPLE_ID } from '../../demo/seed-crm';
import { useDemoServer } from './support';

/**
 * GET /__demo/redesign?backOffice=<id>&on=1|0 switches a back office's redesign for one server
 * instance, so that pages Tally learned to read change under it.
 */
const server = useDemoServer();

describe('the redesign switch', () => {
  it('starts with every redesign off and says which back offices have one', async () => {
    expect(await server.json('/__demo/redesign')).toEqual({
      status: 200,
      body: { rep: false, repair: false, pos: false, crm: false },
    });
  });

  it('switches the CRM client page to other ids, classes and structure, and back', async () => {
    const path = `/crm/clients/${CRM_SAMPLE_ID}`;
    const before = (await server.get(path)).text;
    expect((await server.json('/__demo/redesign?backOffice=crm&on=1')).body).toMatchObject({
      crm: true,
      rep: false,
    });
    const after = (await server.get(path)).text;
    // Whatever a recipe was taught on the classic page is gone.
    for (const taught of [
      'id="client-name"',
      'id="client-email"',
      'id="client-phone"',
      'data-prop=',
      '<h1',
    ]) {
      expect(before).toContain(taught);
      expect(after).not.toContain(taught);
    }
    expect(after).toContain('<h2 class="hdr__title">Grace Hopper</h2>');
    expect(after).toContain('grace@example.com');
    await server.get('/__demo/redesign?backOffice=crm&on=0');
    expect((await server.get(path)).text).toBe(before);
  });

  it('switches the Fixit customer table from "Name" to first and last name', async () => {
    await server.redesign('repair', true);
    try {
      const { text } = await server.get('/repair/customer?id=1042');
      expect(text).not.toMatch(/<th>Name<\/th>/);
      expect(text).toMatch(/<th>First name<\/th>\s*<td>Ada<\/td>/);
      expect(text).toMatch(/<th>Customer #<\/th>\s*<td>1042<\/td>/);
    } finally {
      await server.redesign('repair', false);
    }
  });

  it('switches the Northwind and Till POS apps to their redesigned layout', async () => {
    await server.redesign('rep', true);
    await server.redesign('pos', true);
    try {
      expect((await server.get('/rep/customers/C-00042')).text).toContain('data-layout="profile"');
      expect((await server.get('/pos/contacts?contact=42')).text).toContain('data-layout="redesign"');
    } finally {
      await server.redesign('rep', false);
      await server.redesign('pos', false);
    }
    expect((await server.get('/rep/customers/C-00042')).text).toContain('data-layout="classic"');
  });

  it('refuses unknown back offices and values', async () => {
    for (const query of ['backOffice=bench&on=1', 'backOffice=nope&on=1', 'backOffice=crm&on=yes', 'on=1']) {
      const { status, body } = await server.json<{ error: string }>(`/__demo/redesign?${query}`);
      expect(status, query).toBe(400);
      expect(body.error).toBeTruthy();
    }
    expect((await server.json('/__demo/redesign')).body).toEqual({
      rep: false,
      repair: false,
      pos: false,
      crm: false,
    });
  });

  describe('with a second server running', () => {
    let other: Awaited<ReturnType<typeof startDemoServer>> | undefined;
    afterAll(async () => {
      await other?.close();
    });

    it('keeps each server’s switches to itself', async () => {
      other = await startDemoServer({ port: 0 });
      await server.redesign('crm', true);
      try {
        const elsewhere = await fetch(`${other.url}/crm/clients/${CRM_SAMPLE_ID}`).then((response) =>
          response.text(),
        );
        expect(elsewhere).toContain('id="client-name"');
      } finally {
        await server.redesign('crm', false);
      }
    });
  });
});
