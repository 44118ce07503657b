/** Money and dates on the money screens: øre as the currency's amount in the page language. */
import { locale } from '../i18n/index';
import { numberFormat } from '../i18n/intl-formats';
export { countText } from '../i18n/index';
export { dayText, monthText, shortMonthText, wholeKroner } from '../municipal/format';

const formats = new Map<string, Intl.NumberFormat>();

/** Minor units as money: `-289,50 kr.` in Danish, `-DKK 289.50` in English; other currencies by their code. */
export function amountText(minor: number, currency = 'DKK'): string {
  const key = `${locale()}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale(), { style: 'currency', currency });
    } catch {
      // A code Intl does not know: the number with the code after it.
      format = new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formats.set(key, format);
  }
  // Integer øre divided once for display only; never stored or summed as a float.
  const text = format.format(minor / 100);
  return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

/** Whole units of any currency, for a chart's axis: `1.000 €`, `500 SEK`. */
export function wholeAmount(minor: number, currency: string): string {
  try {
    return numberFormat({ style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 100);
  } catch {
    return `${numberFormat({ maximumFractionDigits: 0 }).format(minor / 100)} ${currency}`;
  }
}
