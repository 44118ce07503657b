/**
 * A list or table of any length that draws one page of rows (see src/shared/row-window.ts for why pages).
 * It says how many rows there are — `aria-setsize`/`aria-posinset` on list items,
 * `aria-rowcount`/`aria-rowindex` on table rows, and a visible "1–50 of 40,000" — and the keys
 * move the focus row by row and page by page, across pages, to either end. Callers narrow and
 * sort the array; nothing here hides rows. The rows come from an array (`items`) or, for a
 * history too long to hold in the page, from a `RowSource` that answers a page at a time.
 * `PagedList` and `PagedTable` draw the same from one window that the caller holds (answered by
 * the background with aggregates beside it), asking for the next window as the keys move; a
 * `source` is such a window that the list holds itself. The focus and keys are one core
 * (use-window-focus.ts) whichever way the rows come.
 */
import type { ComponentChildren } from 'preact';
import { countText, t } from '../i18n/index';
import type { RowSource, RowWindowAnswer } from '../../shared/row-source';
import { usePagedWindow } from './use-paged-window';
import { useRowWindow, type RowWindowState } from './use-row-window';
import { useSourceWindow } from './use-source-window';
import { Kept } from './Kept';
import './windowed.css';

/** The rows: held in an array, or asked for a page at a time (`version` changes when they may have changed). */
type Rows<T> = { items: readonly T[]; source?: never } | { source: RowSource<T>; version?: unknown; initial?: RowWindowAnswer<T> | undefined; items?: never };

type WindowedProps<T> = Rows<T> & {
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
  /**
   * Every value a row's drawing reads besides its item and index. Given, a row whose item, index
   * and these values are unchanged is not drawn again when the list is (the focus moved, the next
   * page arrived); leave it out where the drawing reads anything else.
   */
  rowDeps?: readonly unknown[] | undefined;
};

const NO_ITEMS: readonly never[] = [];

/** The window's state and the rows of the page drawn, from either kind of rows (each list keeps one kind). */
function useWindowRows<T>(props: WindowedProps<T>): { state: RowWindowState; rows: readonly T[] } {
  const options = { size: props.size, focusKey: props.focusKey };
  const fromItems = useRowWindow(props.items ?? NO_ITEMS, props.keyOf, options);
  const fromSource = useSourceWindow(props.source ?? null, props.keyOf, {
    ...options,
    version: props.source ? props.version : undefined,
    initial: props.source ? props.initial : undefined,
  });
  if (props.source) return { state: fromSource, rows: fromSource.rows };
  const { start, end } = fromItems.window;
  return { state: fromItems, rows: props.items.slice(start, end) };
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

/** A row's content: kept from the last drawing while its item, index and `deps` are the same, when `deps` are given. */
function drawRow<T>(deps: readonly unknown[] | undefined, item: T, index: number, draw: (item: T, index: number) => ComponentChildren): ComponentChildren {
  return deps === undefined ? draw(item, index) : <Kept deps={[item, index, ...deps]} draw={() => draw(item, index)} />;
}

/** What a list is named by and how an item is drawn, whichever way its rows come. */
type ListParts<T> = ({ labelledBy: string; label?: never } | { label: string; labelledBy?: never }) & {
  renderItem: (item: T, index: number) => ComponentChildren;
};

type TableParts<T> = {
  caption: string;
  captionClass?: string;
  head: ComponentChildren;
  renderRow: (item: T, index: number) => ComponentChildren;
};

/** The drawing of a list or table, given the page's rows; the rest of WindowedProps but the rows' origin. */
type Drawn<T> = {
  keyOf: (item: T) => string;
  id: string;
  class?: string | undefined;
  rowAttrs?: WindowedProps<T>['rowAttrs'] | undefined;
  rowDeps?: readonly unknown[] | undefined;
  state: RowWindowState;
  rows: readonly T[];
};

/** One window held by the caller: `onWindow` asks for the window that starts at a row. */
interface PagedProps<T> {
  page: RowWindowAnswer<T>;
  onWindow: (start: number) => void;
  keyOf: (item: T) => string;
  id: string;
  size?: number;
  focusKey?: string | undefined;
  class?: string;
  rowAttrs?: WindowedProps<T>['rowAttrs'];
  rowDeps?: readonly unknown[] | undefined;
}

/** A `<ul>` of one page of `items`, named by the element `labelledBy` points at, or by `label`. */
export function WindowedList<T>(props: WindowedProps<T> & ListParts<T>) {
  const { state, rows } = useWindowRows(props);
  return <ListOf {...props} state={state} rows={rows} />;
}

/** The same list over one window answered elsewhere (`page`). */
export function PagedList<T>(props: PagedProps<T> & ListParts<T>) {
  const state = usePagedWindow(props.page, props.onWindow, props.keyOf, { size: props.size, focusKey: props.focusKey });
  return <ListOf {...props} state={state} rows={props.page.rows} />;
}

function ListOf<T>(props: Drawn<T> & ListParts<T>) {
  const { state, rows } = props;
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
        {rows.map((item, i) => (
          <li key={props.keyOf(item)} {...props.rowAttrs?.(item)} {...state.rowProps(start + i)} aria-setsize={total} aria-posinset={start + i + 1}>
            {drawRow(props.rowDeps, item, start + i, props.renderItem)}
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
export function WindowedTable<T>(props: WindowedProps<T> & TableParts<T>) {
  const { state, rows } = useWindowRows(props);
  return <TableOf {...props} state={state} rows={rows} />;
}

/** The same table over one window answered elsewhere (`page`). */
export function PagedTable<T>(props: PagedProps<T> & TableParts<T>) {
  const state = usePagedWindow(props.page, props.onWindow, props.keyOf, { size: props.size, focusKey: props.focusKey });
  return <TableOf {...props} state={state} rows={props.page.rows} />;
}

function TableOf<T>(props: Drawn<T> & TableParts<T>) {
  const { state, rows } = props;
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
            {rows.map((item, i) => (
              <tr key={props.keyOf(item)} {...props.rowAttrs?.(item)} {...state.rowProps(start + i)} aria-rowindex={start + i + 2}>
                {drawRow(props.rowDeps, item, start + i, props.renderRow)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WindowButtons state={state} id={props.id} />
    </>
  );
}
