import { describe, expect, it } from 'vitest';
import { winAnsiText } from '../../../src/pdf/win-ansi';

describe('winAnsiText', () => {
  it('keeps what the built-in fonts can draw, line breaks included', () => {
    const text = 'Zoë Ærøskøbing — “quoted” 12,50 € ¥ £ ™ œ\nSecond line';
    expect(winAnsiText(text)).toBe(text);
  });

  it('replaces typographic characters with look-alikes the fonts have', () => {
    expect(winAnsiText('1\u202f234,56\u00a0€')).toBe('1\u00a0234,56\u00a0€');
    expect(winAnsiText('￥1,234')).toBe('¥1,234');
    expect(winAnsiText('\u2212$5.00')).toBe('-$5.00');
    expect(winAnsiText('a\u2009b\tc')).toBe('a b c');
  });

  it('drops accents Latin-1 lacks and invisible formatting, and marks other scripts with "?"', () => {
    expect(winAnsiText('Erdős Łukasz')).toBe('Erdos ?ukasz');
    expect(winAnsiText('abc\u202edef\u200b')).toBe('abcdef');
    expect(winAnsiText('Иван 山田')).toBe('???? ??');
    expect(winAnsiText('Ｆｕｌｌ')).toBe('Full');
  });
});
