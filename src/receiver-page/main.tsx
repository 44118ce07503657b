/** Entry of the receiver page: language from the browser, then the app. */
import '../bundle/zod-jitless';
import './style.css';
import { render } from 'preact';
import { App } from './App';
import { languageFor, setLanguage, t } from './i18n';

const language = languageFor(navigator.language);
setLanguage(language);
document.documentElement.lang = language;
document.title = t('page.title');

// A file dropped outside the drop zone would make the browser leave the page (and the opened data).
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());

const root = document.getElementById('app');
if (root) render(<App />, root);
