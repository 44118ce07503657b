/**
 * A list of any length that draws one page of items (src/shared/row-window.ts, as the vault's
 * lists do): 10,000 documents cost the browser no more than ten. Buttons page through it and a
 * polite status line says which items are shown. `all` draws every item, for printing.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import { pageStep, windowAt } from '../shared/row-window';
import { formatNumber } from './format';
import { t } from './i18n';

export function Windowed<T>(props: {
  items: readonly T[];
  render: (item: T, index: number) => ComponentChildren;
  /** What the list holds, for the page buttons' group. */
  label: string;
  size: number;
  all: boolean;
  class?: string;
}): JSX.Element {
  const [first, setFirst] = useState(0);
  const total = props.items.length;
  const { start, end } = props.all ? { start: 0, end: total } : windowAt(first, total, props.size);
  const paged = !props.all && total > props.size;
  const go = (direction: -1 | 1) => setFirst(pageStep(direction, start, total, props.size));
  return (
    <>
      <ul class={`readable-list ${props.class ?? ''}`}>
        {props.items.slice(start, end).map((item, i) => (
          <li key={start + i}>{props.render(item, start + i)}</li>
        ))}
      </ul>
      {paged && (
        <nav class="pager" aria-label={t('window.pages', { what: props.label })}>
          <button type="button" class="pager-button" disabled={start === 0} onClick={() => go(-1)}>
            {t('data.previous')}
          </button>
          <span role="status" aria-live="polite" data-testid="window-status">
            {t('window.range', { from: formatNumber(start + 1), to: formatNumber(end), total: formatNumber(total) })}
          </span>
          <button type="button" class="pager-button" disabled={end >= total} onClick={() => go(1)}>
            {t('data.next')}
          </button>
        </nav>
      )}
    </>
  );
}
