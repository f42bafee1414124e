/**
 * A Code 128 reader for tests, written from the symbology's table (ISO/IEC 15417), independent of
 * bwip-js: bar and space widths in modules in, the text out. Checks the start, the check symbol
 * and the stop, and throws on anything it cannot read, as a scanner would refuse it.
 */

/** Bar, space, bar, space, bar, space widths of symbol values 0–105. */
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232',
]; // prettier-ignore
const STOP = '2331112';
const START: Record<number, 'A' | 'B' | 'C'> = { 103: 'A', 104: 'B', 105: 'C' };

export function decodeCode128(widths: readonly number[]): string {
  const all = widths.join('');
  if (widths.some((width) => width < 1 || width > 4) || !all.endsWith(STOP)) {
    throw new Error(`Not a Code 128 symbol: ${all}`);
  }
  const body = all.slice(0, -STOP.length);
  if (body.length % 6 !== 0) throw new Error(`Code 128 symbols are 6 elements wide: ${all}`);
  const values: number[] = [];
  for (let at = 0; at < body.length; at += 6) {
    const value = PATTERNS.indexOf(body.slice(at, at + 6));
    if (value < 0) throw new Error(`No Code 128 symbol ${body.slice(at, at + 6)}`);
    values.push(value);
  }
  const [start = -1, ...rest] = values;
  const check = rest.pop();
  let sum = start;
  rest.forEach((value, index) => (sum += value * (index + 1)));
  if (check !== sum % 103) throw new Error(`Check symbol ${check} should be ${sum % 103}`);

  let set = START[start];
  if (!set) throw new Error(`No start symbol: ${start}`);
  let text = '';
  let shifted = false;
  for (const value of rest) {
    const current: 'A' | 'B' | 'C' = shifted ? (set === 'A' ? 'B' : 'A') : set;
    shifted = false;
    if (current === 'C') {
      if (value < 100) text += String(value).padStart(2, '0');
      else if (value === 100) set = 'B';
      else if (value === 101) set = 'A';
      else if (value !== 102) throw new Error(`Code C has no symbol ${value}`);
      continue;
    }
    if (value < 64) text += String.fromCharCode(value + 32);
    else if (value < 96) text += String.fromCharCode(current === 'B' ? value + 32 : value - 64);
    else if (value === 98) shifted = true;
    else if (value === 99) set = 'C';
    else if (value === (current === 'B' ? 101 : 100)) set = current === 'B' ? 'A' : 'B';
    else if (value === 96 || value === 97 || value === 102) continue;
    else throw new Error(`Extended characters (FNC4) are not read here: ${value}`);
  }
  return text;
}
