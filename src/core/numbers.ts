/**
 * A whole number with commas between thousands, as `toLocaleString('en-US')` writes it. That call
 * loads ICU's number formatting on first use, about 12 ms of every cold run for one word count.
 */
export function thousands(n: number): string {
  const sign = n < 0 ? '-' : ''
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+$)/g, ',')
}
