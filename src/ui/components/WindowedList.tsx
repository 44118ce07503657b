/**
 * A list or table of any length that draws one page of rows (see src/shared/row-window.ts for why pages).
 * It says how many rows there are — `aria-setsize`/`aria-posinset` on list items,
 * `aria-rowcount`/`aria-rowindex` on table rows, and a visible "1–50 of 40,000" — and the keys
 * move the focus row by row and page by page, across pages, to either end. Callers narrow and
 * sort the array; nothing here hides rows. `PagedList` and `PagedTable` draw the same from one
 * window of a list held elsewhere (the background), asking for the next window as the keys move.
 */
import type { ComponentChildren } from 'preact';
import { countText, t } from '../i18n/index';
import type { RowWindowAnswer } from '../../shared/row-source';
import { usePagedWindow } from './use-paged-window';
import { useRowWindow, type RowWindowState } from './use-row-window';
import './windowed.css';

interface WindowedProps<T> {
  items: readonly T[];
  /** Unique and stable per item: the row's key, and how a row is asked for. */
  keyOf: (item: T) => string;
  /** Unique on the page: the list's element id, and the stem of its helpers' ids. */
  id: string;
  size?: number;
  /** The key of a row to bring into view and focus (e.g. from search). */
  focusKey?: string | undefined;
  class?: string;
  /** A drawn row's id, class and data attributes. */
  rowAttrs?: (item: T) => { id?: string; class?: string | undefined } & Record<`data-${string}`, string>;
}

const isPaged = (state: RowWindowState) => state.window.total > state.size;

/** Where the reader is, and how the keys move; drawn only when there is more than one page. */
function WindowStatus(props: { state: RowWindowState; id: string }) {
  const { start, end, total } = props.state.window;
  if (!isPaged(props.state)) return null;
  return (
    <div class="window-status">
      <p aria-live="polite" id={`${props.id}-range`}>
        {t('window.range', { from: countText(start + 1), to: countText(end), total: countText(total) })}
      </p>
      <p class="hint" id={`${props.id}-hint`}>
        {t('window.hint')}
      </p>
    </div>
  );
}

/** The page buttons, after the rows where a mouse reader ends up. */
function WindowButtons(props: { state: RowWindowState; id: string }) {
  const { state } = props;
  if (!isPaged(state)) return null;
  const { start, end, total } = state.window;
  // aria-disabled rather than disabled: a disabled button would drop the focus at the last page.
  const button = (direction: -1 | 1, label: string, atEdge: boolean) => (
    <button type="button" aria-controls={props.id} aria-disabled={atEdge} onClick={() => atEdge || state.page(direction)}>
      {label}
    </button>
  );
  return (
    <div class="actions window-buttons">
      {button(-1, t('window.previous'), start === 0)}
      {button(1, t('window.next'), end >= total)}
    </div>
  );
}

type ListProps<T> = Omit<WindowedProps<T>, 'items' | 'size' | 'focusKey'> &
  ({ labelledBy: string; label?: never } | { label: string; labelledBy?: never }) & {
    renderItem: (item: T, index: number) => ComponentChildren;
  };

type TableProps<T> = Omit<WindowedProps<T>, 'items' | 'size' | 'focusKey'> & {
  caption: string;
  captionClass?: string;
  head: ComponentChildren;
  renderRow: (item: T, index: number) => ComponentChildren;
};

/** A `<ul>` of one page of `items`, named by the element `labelledBy` points at, or by `label`. */
export function WindowedList<T>(props: ListProps<T> & Pick<WindowedProps<T>, 'items' | 'size' | 'focusKey'>) {
  const state = useRowWindow(props.items, props.keyOf, { size: props.size, focusKey: props.focusKey });
  return <ListOf {...props} state={state} rows={props.items.slice(state.window.start, state.window.end)} />;
}

/** The same list over one window answered elsewhere (`page`); `onWindow` asks for the window from a row. */
export function PagedList<T>(props: ListProps<T> & PagedProps<T>) {
  const state = usePagedWindow(props.page, props.onWindow, props.keyOf, { size: props.size, focusKey: props.focusKey });
  return <ListOf {...props} state={state} rows={props.page.rows} />;
}

interface PagedProps<T> {
  page: RowWindowAnswer<T>;
  onWindow: (start: number) => void;
  size?: number;
  focusKey?: string | undefined;
}

function ListOf<T>(props: ListProps<T> & { state: RowWindowState; rows: readonly T[] }) {
  const { state } = props;
  const { start, total } = state.window;
  return (
    <>
      <WindowStatus state={state} id={props.id} />
      <ul
        id={props.id}
        ref={state.containerRef}
        class={`windowed ${props.class ?? ''}`}
        aria-labelledby={props.labelledBy}
        aria-label={props.label}
        aria-describedby={isPaged(state) ? `${props.id}-range ${props.id}-hint` : undefined}
        onKeyDown={state.onKeyDown}
      >
        {props.rows.map((item, i) => (
          <li key={props.keyOf(item)} {...props.rowAttrs?.(item)} {...state.rowProps(start + i)} aria-setsize={total} aria-posinset={start + i + 1}>
            {props.renderItem(item, start + i)}
          </li>
        ))}
      </ul>
      <WindowButtons state={state} id={props.id} />
    </>
  );
}

/**
 * A `<table>` of one page of `items` in a scrolling region, with a caption and a header row;
 * `renderRow` gives a row's cells, `rowAttrs` its id, class and data attributes.
 */
export function WindowedTable<T>(props: TableProps<T> & Pick<WindowedProps<T>, 'items' | 'size' | 'focusKey'>) {
  const state = useRowWindow(props.items, props.keyOf, { size: props.size, focusKey: props.focusKey });
  return <TableOf {...props} state={state} rows={props.items.slice(state.window.start, state.window.end)} />;
}

/** The same table over one window answered elsewhere (`page`); `onWindow` asks for the window from a row. */
export function PagedTable<T>(props: TableProps<T> & PagedProps<T>) {
  const state = usePagedWindow(props.page, props.onWindow, props.keyOf, { size: props.size, focusKey: props.focusKey });
  return <TableOf {...props} state={state} rows={props.page.rows} />;
}

function TableOf<T>(props: TableProps<T> & { state: RowWindowState; rows: readonly T[] }) {
  const { state } = props;
  const { start, total } = state.window;
  const captionId = `${props.id}-caption`;
  return (
    <>
      <WindowStatus state={state} id={props.id} />
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table
          id={props.id}
          ref={state.containerRef}
          class={`data windowed ${props.class ?? ''}`}
          aria-rowcount={total + 1}
          aria-describedby={isPaged(state) ? `${props.id}-range ${props.id}-hint` : undefined}
          onKeyDown={state.onKeyDown}
        >
          <caption id={captionId} class={props.captionClass}>
            {props.caption}
          </caption>
          <thead>
            <tr aria-rowindex={1}>{props.head}</tr>
          </thead>
          <tbody>
            {props.rows.map((item, i) => (
              <tr key={props.keyOf(item)} {...props.rowAttrs?.(item)} {...state.rowProps(start + i)} aria-rowindex={start + i + 2}>
                {props.renderRow(item, start + i)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WindowButtons state={state} id={props.id} />
    </>
  );
}
