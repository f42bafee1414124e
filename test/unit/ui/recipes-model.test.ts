import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRecipe, type Recipe } from '../../../src/adapters/taught';
import { TallyDatabase } from '../../../src/db/database';
import { listRecipes } from '../../../src/db/recipes';
import { createRecipesModel, readRecipesFile } from '../../../src/ui/dashboard/recipes-model';

const CRM = 'https://crm.example.com';
const SHOP = 'http://127.0.0.1:5178';

function recipe(name: string, origin: string, updatedAt = '2026-01-02T03:04:05.000Z'): Recipe {
  return parseRecipe({
    id: crypto.randomUUID(),
    name,
    origin,
    pathPattern: '/clients/*',
    fields: {
      name: { kind: 'css', selector: '#client-name' },
      email: { kind: 'label', label: 'Email' },
      externalId: { kind: 'path', index: 1 },
    },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt,
  });
}

let db: TallyDatabase;
let notified: string[];
let downloads: { filename: string; text: string; type: string | undefined }[];

function model() {
  return createRecipesModel({
    db,
    download: (filename, text, type) => void downloads.push({ filename, text, type }),
    notifySiteChanged: async (origin) => void notified.push(origin),
  });
}

async function seeded(...recipes: Recipe[]) {
  await db.recipes.bulkPut(recipes);
  const recipesModel = model();
  await recipesModel.refresh();
  return recipesModel;
}

const file = (text: string, name = 'tally-recipes.json') =>
  new File([text], name, { type: 'application/json' });

beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
  notified = [];
  downloads = [];
});
afterEach(async () => {
  await db.delete();
});

describe('taught recipes in the dashboard', () => {
  it('lists every recipe by origin, then name', async () => {
    const a = recipe('Zeta CRM', CRM);
    const b = recipe('Alpha CRM', CRM);
    const c = recipe('Shop', SHOP);
    const recipes = await seeded(a, b, c);
    expect(recipes.recipes.value.map((one) => one.name)).toEqual(['Shop', 'Alpha CRM', 'Zeta CRM']);
  });

  it('renames a recipe, keeps its id and fields, and tells the tabs of its origin', async () => {
    const crm = recipe('CRM clients', CRM);
    const recipes = await seeded(crm);
    recipes.startRename(crm.id);
    expect(recipes.renaming.value).toEqual({ id: crm.id, name: 'CRM clients' });
    recipes.renaming.value = { id: crm.id, name: '  Acme customers  ' };
    await recipes.saveRename();

    const [stored] = await listRecipes(db);
    expect(stored).toMatchObject({ id: crm.id, name: 'Acme customers', fields: crm.fields });
    expect(stored?.updatedAt).not.toBe(crm.updatedAt);
    expect(recipes.recipes.value[0]?.name).toBe('Acme customers');
    expect(recipes.renaming.value).toBeNull();
    expect(recipes.status.value).toBe('Renamed to “Acme customers”.');
    expect(notified).toEqual([CRM]);
  });

  it('refuses an empty or too long name and keeps the old one', async () => {
    const crm = recipe('CRM clients', CRM);
    const recipes = await seeded(crm);
    recipes.startRename(crm.id);
    recipes.renaming.value = { id: crm.id, name: '   ' };
    await recipes.saveRename();
    expect(recipes.error.value).toBe('Enter a name for the recipe.');

    recipes.renaming.value = { id: crm.id, name: 'x'.repeat(101) };
    await recipes.saveRename();
    expect(recipes.error.value).toMatch(/^The recipe was not renamed: name: longer than 100/);
    expect((await db.recipes.get(crm.id))?.name).toBe('CRM clients');
    expect(recipes.renaming.value).not.toBeNull();
    expect(notified).toEqual([]);
  });

  it('cancels a rename without saving', async () => {
    const crm = recipe('CRM clients', CRM);
    const recipes = await seeded(crm);
    recipes.startRename(crm.id);
    recipes.renaming.value = { id: crm.id, name: 'Other' };
    recipes.cancelRename();
    expect(recipes.renaming.value).toBeNull();
    expect((await db.recipes.get(crm.id))?.name).toBe('CRM clients');
  });

  it('deletes a recipe, and Undo puts it back exactly as it was', async () => {
    const crm = recipe('CRM clients', CRM);
    const shop = recipe('Shop', SHOP);
    const recipes = await seeded(crm, shop);

    await recipes.remove(crm.id);
    expect(await db.recipes.get(crm.id)).toBeUndefined();
    expect(recipes.recipes.value.map((one) => one.id)).toEqual([shop.id]);
    expect(recipes.status.value).toBe('Deleted “CRM clients”.');
    expect(recipes.deleted.value?.id).toBe(crm.id);
    expect(notified).toEqual([CRM]);

    await recipes.undoDelete();
    expect(await db.recipes.get(crm.id)).toEqual(crm);
    expect(recipes.recipes.value.map((one) => one.id)).toEqual([shop.id, crm.id]);
    expect(recipes.deleted.value).toBeNull();
    expect(recipes.status.value).toBe('Restored “CRM clients”.');
    expect(notified).toEqual([CRM, CRM]);
  });

  it('exports every recipe and imports the file back into an empty database', async () => {
    const crm = recipe('CRM clients', CRM);
    const shop = recipe('Shop', SHOP);
    const recipes = await seeded(crm, shop);
    recipes.exportRecipes();
    expect(downloads).toHaveLength(1);
    const [download] = downloads;
    expect(download?.filename).toBe('tally-recipes.json');
    expect(download?.type).toMatch(/^application\/json/);
    const exported = JSON.parse(download?.text ?? '') as Record<string, unknown>;
    expect(exported).toMatchObject({ format: 'tally-recipes', version: 1 });
    expect(exported['recipes']).toHaveLength(2);

    await db.recipes.clear();
    const elsewhere = model();
    await elsewhere.refresh();
    await elsewhere.importFile(file(download?.text ?? ''));
    expect(elsewhere.error.value).toBeNull();
    expect(elsewhere.status.value).toBe('Imported 2 recipes from tally-recipes.json.');
    expect(await listRecipes(db)).toEqual([shop, crm]);
    expect(elsewhere.recipes.value).toHaveLength(2);
    expect(notified.sort()).toEqual([CRM, SHOP].sort());
  });

  it('importing a recipe already here replaces it with the file’s copy', async () => {
    const crm = recipe('CRM clients', CRM);
    const recipes = await seeded(crm);
    const renamed = { ...crm, name: 'Renamed elsewhere', updatedAt: '2026-02-01T00:00:00.000Z' };
    await recipes.importFile(
      file(JSON.stringify({ format: 'tally-recipes', version: 1, recipes: [renamed] })),
    );
    expect(recipes.status.value).toBe('Imported 1 recipe from tally-recipes.json.');
    expect(await listRecipes(db)).toEqual([renamed]);
  });

  describe('a bad file changes nothing and says why', () => {
    const good = () => recipe('Good one', CRM);
    const cases: [string, () => string, RegExp][] = [
      ['not JSON', () => 'name,origin\nx,y', /^bad\.json was not imported: it is not a JSON file\. Nothing/],
      [
        'another format',
        () => JSON.stringify({ format: 'tally-backup', version: 1, recipes: [] }),
        /it is not a Tally recipes file \("format" should be "tally-recipes"\)/,
      ],
      ['a bare list', () => JSON.stringify([good()]), /it is not a Tally recipes file/],
      [
        'a newer version',
        () => JSON.stringify({ format: 'tally-recipes', version: 2, recipes: [good()] }),
        /it is recipes file version 2; this Tally reads version 1\./,
      ],
      [
        'no list',
        () => JSON.stringify({ format: 'tally-recipes', version: 1 }),
        /it has no "recipes" list\./,
      ],
      [
        'no recipes',
        () => JSON.stringify({ format: 'tally-recipes', version: 1, recipes: [] }),
        /it holds no recipes\./,
      ],
      [
        'one invalid recipe among good ones',
        () =>
          JSON.stringify({
            format: 'tally-recipes',
            version: 1,
            recipes: [good(), { ...good(), fields: { email: { kind: 'label', label: 'Email' } } }],
          }),
        /^bad\.json was not imported: Recipe 2: fields\.name: required\. Nothing was changed\.$/,
      ],
    ];
    for (const [what, text, said] of cases) {
      it(what, async () => {
        const kept = recipe('Kept', SHOP);
        const recipes = await seeded(kept);
        await recipes.importFile(file(text(), 'bad.json'));
        expect(recipes.error.value).toMatch(said);
        expect(recipes.error.value).toMatch(/Nothing was changed\.$/);
        expect(recipes.status.value).toBeNull();
        expect(await listRecipes(db)).toEqual([kept]);
        expect(recipes.recipes.value).toEqual([kept]);
        expect(notified).toEqual([]);
      });
    }
  });

  it('reads the file format on its own', () => {
    expect(readRecipesFile('{"format":"tally-recipes","version":1,"recipes":[{}]}')).toEqual({
      ok: true,
      recipes: [{}],
    });
    expect(readRecipesFile('')).toEqual({ ok: false, error: 'it is not a JSON file.' });
  });

  it('keeps the change when the tabs cannot be told', async () => {
    const crm = recipe('CRM clients', CRM);
    await db.recipes.put(crm);
    const recipes = createRecipesModel({
      db,
      download: () => undefined,
      notifySiteChanged: () => Promise.reject(new Error('no worker')),
    });
    await recipes.refresh();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await recipes.remove(crm.id);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(recipes.error.value).toBeNull();
    expect(await db.recipes.count()).toBe(0);
  });
});
