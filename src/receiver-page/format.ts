/** Dates, months, money and sizes in the page's language (Danish or English). */
import { locale } from './i18n';

export const formatDateTime = (iso: string): string =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

export const formatDate = (iso: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
    : formatDateTime(iso);

export const formatMonth = (month: string): string =>
  new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

export const formatMoney = (minor: number, currency: string): string => new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(minor / 100);

export const formatNumber = (value: number): string => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value);

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024)} KB`;
  return `${formatNumber(bytes / (1024 * 1024))} MB`;
}
