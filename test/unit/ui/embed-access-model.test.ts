import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readSetting } from '../../../src/db/settings';
import { createEmbedAccessModel } from '../../../src/ui/embed/embed-access-model';
import { scratchDatabases } from '../../support/scratch-databases';

const databases = scratchDatabases();

function model() {
  const db = databases.database();
  return { db, access: createEmbedAccessModel({ db, scriptHref: 'https://tally.example.com/app/embed.js' }) };
}

describe('createEmbedAccessModel', () => {
  it('allows a back office by the address the user types, once, and removes it', async () => {
    const { db, access } = model();
    await access.refresh();
    expect(access.origins.value).toEqual([]);
    access.input.value = 'https://crm.example.com/clients/12';
    await access.allow();
    access.input.value = 'crm.example.com';
    await access.allow();
    access.input.value = 'http://127.0.0.1:5178';
    await access.allow();
    expect(access.origins.value).toEqual(['http://127.0.0.1:5178', 'https://crm.example.com']);
    expect(await readSetting(db, 'embedOrigins')).toEqual(access.origins.value);
    expect(access.message.value).toBe('http://127.0.0.1:5178 may now show its customers in Tally.');
    expect(access.input.value).toBe('');
    await access.remove('https://crm.example.com');
    expect(await readSetting(db, 'embedOrigins')).toEqual(['http://127.0.0.1:5178']);
    expect(access.message.value).toBe('https://crm.example.com may no longer show its customers in Tally.');
  });

  it('says so and keeps the list when the address is no web address', async () => {
    const { db, access } = model();
    access.input.value = 'javascript:alert(1)';
    await access.allow();
    expect(access.error.value).toBe('Enter a web address such as https://crm.example.com.');
    expect(access.input.value).toBe('javascript:alert(1)');
    expect(await readSetting(db, 'embedOrigins')).toEqual([]);
  });

  it('refuses more than 50 back offices with a sentence, and loses none', async () => {
    const { db, access } = model();
    for (let index = 0; index < 50; index++) {
      access.input.value = `https://crm${index}.example.com`;
      await access.allow();
    }
    access.input.value = 'https://one-too-many.example.com';
    await access.allow();
    expect(access.error.value).toBe('Not saved: At most 50 back offices can embed Tally.');
    expect(await readSetting(db, 'embedOrigins')).toHaveLength(50);
  });

  it('gives the line to paste, with the web app’s own embed.js', () => {
    expect(model().access.snippet).toBe(
      '<script src="https://tally.example.com/app/embed.js" defer></script>',
    );
  });
});
