import { t, tPlural, uiLanguage } from '../../domain/i18n';
import { formatMoney, minorDigits, type CurrencyCode } from '../../domain/money';
import { axisTicks } from '../../domain/reports/chart-scale';
import { formatMonth, type MonthSpend } from '../../domain/reports/spend-patterns';

/** The chart's drawing box, in SVG units; it scales to the width it is given. */
const WIDTH = 720;
const HEIGHT = 260;
const PLOT = { left: 96, right: 8, top: 12, bottom: 40 };
/** More bars than this get a label on every second (third…) one only. */
const MAX_LABELS = 12;

/**
 * Monthly spend as bars, drawn as plain SVG. To assistive technology it is one image whose name
 * says what it shows; the numbers themselves are in the table beside it.
 */
export function SpendChart(props: {
  months: readonly MonthSpend[];
  currency: CurrencyCode;
  /** "everyone" or the contact's name. */
  whose: string;
  locale?: string;
}) {
  const { months, currency } = props;
  const locale = props.locale ?? uiLanguage();
  const highest = Math.max(0, ...months.map((month) => month.spend.minor));
  const ticks = axisTicks(highest, 10 ** minorDigits(currency));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const band = plotWidth / Math.max(1, months.length);
  const y = (minor: number) => PLOT.top + plotHeight - (minor / top) * plotHeight;
  const labelEvery = Math.ceil(months.length / MAX_LABELS);
  const money = (minor: number) => formatMoney({ minor, currency }, locale);

  return (
    <svg
      class="spend-chart"
      role="img"
      aria-label={chartSummary(months, currency, props.whose, locale)}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <g class="axis">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} class="grid" />
            <text x={PLOT.left - 6} y={y(tick)} text-anchor="end" dominant-baseline="middle">
              {money(tick)}
            </text>
          </g>
        ))}
      </g>
      <g class="bars">
        {months.map((month, index) => {
          const x = PLOT.left + index * band;
          const barTop = y(month.spend.minor);
          const showLabel = index % labelEvery === 0;
          const newYear = index === 0 || month.month.endsWith('-01');
          return (
            <g key={month.month}>
              <rect
                x={x + band * 0.15}
                y={barTop}
                width={band * 0.7}
                height={Math.max(0, PLOT.top + plotHeight - barTop)}
              >
                <title>
                  {t('reports_bar_title', formatMonth(month.month, locale), money(month.spend.minor))}
                </title>
              </rect>
              {showLabel ? (
                <text x={x + band / 2} y={HEIGHT - PLOT.bottom + 16} text-anchor="middle">
                  {formatMonth(month.month, locale, 'name')}
                </text>
              ) : null}
              {showLabel && newYear ? (
                <text x={x + band / 2} y={HEIGHT - PLOT.bottom + 32} text-anchor="middle" class="year">
                  {month.month.slice(0, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
      <line
        class="baseline"
        x1={PLOT.left}
        x2={WIDTH - PLOT.right}
        y1={PLOT.top + plotHeight}
        y2={PLOT.top + plotHeight}
      />
    </svg>
  );
}

/** What the chart shows, in one sentence, for screen readers and tests. */
export function chartSummary(
  months: readonly MonthSpend[],
  currency: CurrencyCode,
  whose: string,
  locale: string = uiLanguage(),
): string {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return t('reports_chart_no_months', currency, whose);
  const from = formatMonth(first.month, locale);
  const to = formatMonth(last.month, locale);
  const total = months.reduce((sum, month) => sum + month.spend.minor, 0);
  const orders = months.reduce((sum, month) => sum + month.orders, 0);
  const best = months.reduce((top, month) => (month.spend.minor > top.spend.minor ? month : top), first);
  if (orders === 0) return t('reports_chart_no_purchases', currency, whose, from, to);
  return tPlural(
    'reports_chart_summary',
    orders,
    currency,
    whose,
    from,
    to,
    formatMoney({ minor: total, currency }, locale),
    formatMonth(best.month, locale),
    formatMoney(best.spend, locale),
  );
}
