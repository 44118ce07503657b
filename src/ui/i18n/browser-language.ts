/** Picks the page language from the browser's UI language and sets <html lang>. */
import { browser } from 'wxt/browser';
import { languageFor, setLanguage } from './index';

export function applyBrowserLanguage(): void {
  setLanguage(languageFor(browser.i18n.getUILanguage()));
}
