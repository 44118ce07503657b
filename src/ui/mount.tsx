/** Mounts a page's root component after choosing the page language. */
import { render, type ComponentType } from 'preact';
import { applyBrowserLanguage } from './i18n/browser-language';
import { t } from './i18n/index';

export function mountPage(Root: ComponentType, options: { title?: string } = {}): void {
  applyBrowserLanguage();
  document.title = options.title ?? t('app.name');
  const host = document.getElementById('app');
  if (!host) throw new Error('mountPage: the page has no #app element');
  render(<Root />, host);
}
