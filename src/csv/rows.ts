import { t, tPlural } from '../domain/i18n';
import type { CsvRow, CsvTable } from './table';

/** Where a field was found: the cell index and the header name as the file spells it. */
export interface Column {
  index: number;
  name: string;
}

/** Which column holds each field; a field the file has no column for is absent. */
export type ColumnMap<Field extends string> = { readonly [F in Field]?: Column };

/** For each field, the header names it goes by, best match first. */
export type ColumnSynonyms<Field extends string> = Readonly<Record<Field, readonly string[]>>;

export interface ColumnMapping<Field extends string> {
  map: ColumnMap<Field>;
  /** Fields no header matched (optional ones included; the caller knows which are required). */
  missing: Field[];
  /** Named header columns that no field took, in file order. */
  unmapped: string[];
}

export interface RowRejection {
  line: number;
  reason: string;
}

export interface AcceptedRow<T> {
  line: number;
  value: T;
}

export interface RowsRead<T> {
  accepted: AcceptedRow<T>[];
  rejected: RowRejection[];
}

export type RowResult<T> = { ok: true; value: T } | RowRefusal;

/** A row that cannot be read, with why, in words for the user ("Price "x" is not an amount"). */
export interface RowRefusal {
  ok: false;
  reason: string;
}

/** The trimmed cell of a field in the current row, or undefined when the file has no such column. */
export type CellReader<Field extends string> = (field: Field) => string | undefined;

/** The header name of a field as the file spells it (the field name when there is no column). */
export type ColumnNamer<Field extends string> = (field: Field) => string;

export type RowParser<Field extends string, T> = (
  get: CellReader<Field>,
  row: CsvRow,
  columnName: ColumnNamer<Field>,
) => RowResult<T>;

export function acceptRow<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function rejectRow(reason: string): RowRefusal {
  return { ok: false, reason };
}

/**
 * How header names compare: case, accents, spaces and punctuation do not count, so "Unit Price",
 * "unit_price", "UNIT-PRICE" and "unitprice" are the same column.
 */
export function headerKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Finds the column for each field. When several headers could serve (a file with both "Name" and
 * "Description"), the one matching an earlier synonym wins and the others stay unmapped; each
 * header serves one field at most.
 */
export function mapColumns<Field extends string>(
  header: readonly string[],
  synonyms: ColumnSynonyms<Field>,
): ColumnMapping<Field> {
  const fields = Object.keys(synonyms) as Field[];
  const keys = header.map(headerKey);
  const candidates: { field: Field; fieldOrder: number; rank: number; index: number }[] = [];
  fields.forEach((field, fieldOrder) => {
    synonyms[field].forEach((synonym, rank) => {
      const wanted = headerKey(synonym);
      keys.forEach((key, index) => {
        if (key !== '' && key === wanted) candidates.push({ field, fieldOrder, rank, index });
      });
    });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.fieldOrder - b.fieldOrder || a.index - b.index);

  const map: { [F in Field]?: Column } = {};
  const taken = new Set<number>();
  for (const { field, index } of candidates) {
    if (map[field] || taken.has(index)) continue;
    map[field] = { index, name: header[index] ?? '' };
    taken.add(index);
  }
  return {
    map,
    missing: fields.filter((field) => !map[field]),
    unmapped: header.filter((name, index) => name !== '' && !taken.has(index)),
  };
}

/**
 * Reads every row through `parseRow`, in file order. Rows the table already flagged (wrong cell
 * count, broken quotes) are rejected without calling it. Nothing is thrown for bad data: each bad
 * row becomes a rejection with its line and reason.
 */
export function readRows<Field extends string, T>(
  table: CsvTable,
  columns: ColumnMap<Field>,
  parseRow: RowParser<Field, T>,
): RowsRead<T> {
  const accepted: AcceptedRow<T>[] = [];
  const rejected: RowRejection[] = [];
  const columnName: ColumnNamer<Field> = (field) => columns[field]?.name || field;
  for (const row of table.rows) {
    if (row.problem) {
      rejected.push({ line: row.line, reason: row.problem });
      continue;
    }
    const get: CellReader<Field> = (field) => {
      const column = columns[field];
      return column ? (row.cells[column.index] ?? '').trim() : undefined;
    };
    const result = parseRow(get, row, columnName);
    if (result.ok) accepted.push({ line: row.line, value: result.value });
    else rejected.push({ line: row.line, reason: result.reason });
  }
  return { accepted, rejected };
}

/**
 * Reads the cells of the columns no field took, by header name and as they were in the file, so an
 * import keeps what Tally has no field for. A value under an unnamed column is kept as
 * "Column 5" (its position); empty unnamed cells are dropped.
 */
export function extraCellsReader(
  header: readonly string[],
  columns: ColumnMap<string>,
): (row: CsvRow) => Record<string, string> {
  const taken = new Set<number>();
  for (const column of Object.values(columns)) if (column) taken.add(column.index);
  const extraIndexes = header.map((_, index) => index).filter((index) => !taken.has(index));
  return (row) =>
    // fromEntries defines own properties, so a column named "__proto__" stays a plain key.
    Object.fromEntries(
      extraIndexes.flatMap((index) => {
        const name = header[index] ?? '';
        const value = row.cells[index] ?? '';
        if (name !== '') return [[name, value]];
        // Kept under this name in the record: a key in storage, the same in every language.
        return value.trim() === '' ? [] : [[`Column ${index + 1}`, value]];
      }),
    );
}

/** A cell value quoted for a reason: `Price "12,5x" is not an amount`. */
export function quoteValue(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${shown}"`;
}

/**
 * The message for a file that lacks required columns: each missing field with the column names
 * that would do, and the header the file has, so the user sees what to rename.
 */
export function missingColumnsMessage<F extends string>(
  fields: readonly F[],
  synonyms: ColumnSynonyms<F>,
  label: (field: F) => string,
  header: readonly string[],
): string {
  const wanted = fields
    .map((field) =>
      t('csv_missing_column_for', label(field), synonyms[field].map((name) => `"${name}"`).join(', ')),
    )
    .join('; ');
  const found = header
    .filter((name) => name !== '')
    .map((name) => `"${name}"`)
    .join(', ');
  return tPlural('csv_missing_columns', fields.length, wanted, found || t('csv_header_no_names'));
}

/** "A or B or C": any one of `items` will do. */
export function eitherOf(items: readonly string[]): string {
  const [first = '', ...others] = items;
  return others.reduce((either, next) => t('csv_either', either, next), first);
}
