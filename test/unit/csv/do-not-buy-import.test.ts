import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/csv/decode';
import { readDoNotBuyCsv } from '../../../src/csv/do-not-buy-import';

const IMEI = '352099001761481';
const csv = (...lines: string[]) => lines.join('\r\n');

describe('reading a do-not-buy list', () => {
  it('reads Serial and Reason, whatever the header spelling, delimiter or extra columns', () => {
    expect(
      readDoNotBuyCsv(csv('Serial,Reason', `${IMEI},Reported stolen`, 'SN-2,"Police list, week 48"')),
    ).toEqual({
      ok: true,
      rows: [
        { serial: IMEI, reason: 'Reported stolen' },
        { serial: 'SN-2', reason: 'Police list, week 48' },
      ],
      rejected: [],
    });
    const excel = readDoNotBuyCsv(csv('Reported on;IMEI;Why', `2026-11-02;${IMEI};Stolen`));
    expect(excel).toMatchObject({ ok: true, rows: [{ serial: IMEI, reason: 'Stolen' }] });
    const spelled = readDoNotBuyCsv(csv('SERIAL / IMEI,reason', ' sn-9 , lost '));
    expect(spelled).toMatchObject({ ok: true, rows: [{ serial: 'sn-9', reason: 'lost' }] });
  });

  it('rejects bad rows with their line and every reason', () => {
    const result = readDoNotBuyCsv(
      csv(
        'Serial,Reason',
        `${IMEI},Stolen`,
        ',No serial',
        'SN-3,',
        '',
        '"multi',
        'line",too many,cells',
        '3.52099E+14,Stolen',
        `35-209900-176148-1,Same device as line 2`,
        '--,Only dashes',
        `${'x'.repeat(65)},${'y'.repeat(501)}`,
        'SN-4,Fine',
      ),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { serial: IMEI, reason: 'Stolen' },
        { serial: 'SN-4', reason: 'Fine' },
      ],
      rejected: [
        { line: 3, reason: 'Serial is empty' },
        { line: 4, reason: 'Reason is empty' },
        { line: 6, reason: 'has 3 cells, the header has 2' },
        {
          line: 8,
          reason:
            'Serial "3.52099E+14" was turned into a number by a spreadsheet; format the column as text and export again',
        },
        { line: 9, reason: `Serial 35-209900-176148-1 already on line 2` },
        { line: 10, reason: 'Serial "--" has no letters or digits' },
        {
          line: 11,
          reason: 'Serial is longer than 64 characters; Reason is longer than 500 characters',
        },
      ],
    });
  });

  it('says what is wrong with a file it cannot read at all', () => {
    expect(readDoNotBuyCsv('')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(readDoNotBuyCsv(csv('Device,Notes', 'SN-1,x'))).toEqual({
      ok: false,
      error:
        'The file has no column for Serial (a column named "serial", "serial / imei", "serial or imei", "imei", "serial number", "imei number"). Its header row has: "Device", "Notes".',
    });
    expect(readDoNotBuyCsv(csv('IMEI', IMEI))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file has no column for Reason \(a column named "reason"/),
    });
  });

  it('reads a header-only file as no rows, and notes a file that was not UTF-8', () => {
    expect(readDoNotBuyCsv('Serial,Reason\r\n')).toEqual({ ok: true, rows: [], rejected: [] });
    const bytes = new Uint8Array([...new TextEncoder().encode('Serial,Reason\nSN-1,Vol\u00e9'), 0xe9]);
    const { text, encoding } = decodeCsvBytes(bytes);
    const read = readDoNotBuyCsv(text, { encoding });
    expect(read).toMatchObject({ ok: true, encodingNote: expect.stringContaining('Windows-1252') });
  });
});
