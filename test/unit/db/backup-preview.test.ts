import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { planRestore } from '../../../src/db/backup-merge';
import { readBackup } from '../../../src/db/backup-read';
import { writeBackup } from '../../../src/db/backup-write';
import { TallyDatabase } from '../../../src/db/database';
import { previewLines } from '../../../src/ui/backup/table-labels';
import { seedEveryTable } from '../../support/backup-seed';

const opened: TallyDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe("the restore preview's lines", () => {
  it('name the records people know, and add up Tally’s working tables on one "Other Tally data" line', async () => {
    const [source, target] = [0, 1].map(() => new TallyDatabase(`test-${crypto.randomUUID()}`));
    opened.push(source!, target!);
    await seedEveryTable(source!);
    const backup = await writeBackup(source!, { appVersion: '0.1.0' });
    const plan = await planRestore(
      target!,
      await readBackup(target!, new Uint8Array(await backup.zip.arrayBuffer())),
    );

    const lines = previewLines(plan.tables);
    const labels = lines.map((line) => line.label);
    expect(labels).toEqual(expect.arrayContaining(['Contacts', 'Buy-backs', 'Attached files', 'Products']));
    expect(labels.at(-1)).toBe('Other Tally data (import and merge history, reconciliations)');
    // No internal table name reaches the screen.
    for (const table of plan.tables) expect(labels).not.toContain(table.name);
    // Every row of the file is on exactly one line.
    const sum = (count: (each: { rows: number }) => number, of: readonly { rows: number }[]) =>
      of.reduce((total, each) => total + count(each), 0);
    expect(sum((line) => line.rows, lines)).toBe(sum((table) => table.rows, plan.tables));
    const other = lines.at(-1)!;
    const reconcileRows = plan.tables
      .filter((table) => table.name.startsWith('reconcile') || table.name === 'backOfficeMappings')
      .reduce((total, table) => total + table.rows, 0);
    expect(other.rows).toBeGreaterThanOrEqual(reconcileRows);
    expect(other.added).toBe(other.rows);
  });
});
