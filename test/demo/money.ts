/** Minor units → "12.50": the plain decimal text vendor CSV exports use. */
export function formatDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Minor units → "$1,234.50" for display on the demo pages (USD only, as the demo data is). */
export function formatUsd(minor: number): string {
  const [whole = '0', cents = '00'] = formatDecimal(Math.abs(minor)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${minor < 0 ? '-' : ''}$${grouped}.${cents}`;
}
