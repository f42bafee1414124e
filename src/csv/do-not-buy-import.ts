import type { z } from 'zod';
import { DoNotBuyEntry } from '../domain/do-not-buy';
import { t } from '../domain/i18n';
import { formatCount } from '../domain/locale-format';
import { serialKey } from '../domain/imei';
import type { CsvEncoding } from './decode';
import {
  acceptRow,
  mapColumns,
  missingColumnsMessage,
  quoteValue,
  readRows,
  rejectRow,
  type ColumnNamer,
  type ColumnSynonyms,
  type RowRejection,
} from './rows';
import { isCsvFileError, parseCsvTable } from './table';

export type DoNotBuyField = 'serial' | 'reason';

/** How the fields are named in messages about a file without them. */
const fieldLabel = (field: DoNotBuyField) =>
  t(field === 'serial' ? 'csv_do_not_buy_field_serial' : 'csv_do_not_buy_field_reason');

/** Header names a do-not-buy file may use, best match first (case and punctuation do not count). */
export const DO_NOT_BUY_COLUMNS: ColumnSynonyms<DoNotBuyField> = {
  serial: ['serial', 'serial / imei', 'serial or imei', 'imei', 'serial number', 'imei number'],
  reason: ['reason', 'why', 'note', 'notes'],
};

/** One serial of the file, ready for importDoNotBuy. */
export interface DoNotBuyRow {
  serial: string;
  reason: string;
}

export type DoNotBuyCsvResult =
  | { ok: true; rows: DoNotBuyRow[]; rejected: RowRejection[]; encodingNote?: string }
  | { ok: false; error: string };

/**
 * Reads a do-not-buy list (columns Serial and Reason). A file that cannot be read at all gives
 * `ok: false` and why; otherwise every row is a serial or a rejection with its line and reason.
 * The import writes nothing unless no row is rejected: half a blocklist would let through a
 * device the shop was told not to buy, without anyone noticing.
 */
export function readDoNotBuyCsv(text: string, options: { encoding?: CsvEncoding } = {}): DoNotBuyCsvResult {
  const table = parseCsvTable(text);
  if (isCsvFileError(table)) return { ok: false, error: table.error };

  const { map, missing } = mapColumns(table.header, DO_NOT_BUY_COLUMNS);
  if (missing.length > 0)
    return {
      ok: false,
      error: missingColumnsMessage(missing, DO_NOT_BUY_COLUMNS, fieldLabel, table.header),
    };

  const firstLines = new Map<string, number>();
  const { accepted, rejected } = readRows(table, map, (get, row, columnName) => {
    const serial = get('serial') ?? '';
    const reason = get('reason') ?? '';
    const problems = [
      fieldProblem(DoNotBuyEntry.shape.serial, serial, columnName('serial')),
      fieldProblem(DoNotBuyEntry.shape.reason, reason, columnName('reason')),
      serialProblem(serial, columnName),
    ].filter((problem) => problem !== undefined);

    const key = serialKey(serial);
    if (problems.length === 0) {
      const firstLine = firstLines.get(key);
      if (firstLine !== undefined)
        problems.push(t('csv_cell_already_on_line', columnName('serial'), serial, String(firstLine)));
      else firstLines.set(key, row.line);
    }
    return problems.length > 0 ? rejectRow(problems.join('; ')) : acceptRow({ serial, reason });
  });

  const rows = accepted.map((row) => row.value);
  return options.encoding === 'windows-1252'
    ? {
        ok: true,
        rows,
        rejected,
        encodingNote: t('csv_do_not_buy_encoding_note'),
      }
    : { ok: true, rows, rejected };
}

/** What the entry schema says about one cell, in the file's words ("Reason is empty"). */
function fieldProblem(schema: z.ZodType<string>, value: string, column: string): string | undefined {
  if (value === '') return t('csv_cell_empty', column);
  const checked = schema.safeParse(value);
  if (checked.success) return undefined;
  const issue = checked.error.issues[0];
  if (issue?.code === 'too_big') return t('csv_cell_too_long', column, formatCount(Number(issue.maximum)));
  return t('csv_cell_issue', column, quoteValue(value), issue?.message ?? t('csv_value_not_allowed'));
}

function serialProblem(serial: string, columnName: ColumnNamer<DoNotBuyField>): string | undefined {
  if (serial === '') return undefined;
  // Excel shows a 15-digit IMEI as 3.52099E+14 and saves it that way: the digits are gone.
  if (/^\d+(\.\d+)?e\+\d+$/i.test(serial)) {
    return t('csv_cell_spreadsheet_number', columnName('serial'), quoteValue(serial));
  }
  if (serialKey(serial) === '')
    return t('csv_do_not_buy_serial_no_letters', columnName('serial'), quoteValue(serial));
  return undefined;
}
