import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TallyDatabase } from '../../../src/db/database';
import { createDashboardModel } from '../../../src/ui/dashboard/dashboard-model';

let db: TallyDatabase;
beforeEach(() => {
  db = new TallyDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

it('says when the recorded purchases cannot be loaded, instead of failing silently', async () => {
  const model = createDashboardModel({ db, download: () => undefined });
  await model.refresh();
  expect(model.error.value).toBeNull();
  db.close();
  await model.refresh();
  expect(model.error.value).toMatch(/^Recorded purchases could not be loaded: /);
});
