/**
 * A long title in a list, shortened at a word boundary. The full title stays available: as the
 * tooltip, and as the text a screen reader reads (the shortened one is hidden from it).
 */
import { shortenAtWord } from '../../shared/shorten';

/** Room for a title in a list line: about one line on a narrow screen. */
export const LIST_TITLE_LETTERS = 60;

export function ShortTitle(props: { title: string; max?: number }) {
  const short = shortenAtWord(props.title, props.max ?? LIST_TITLE_LETTERS);
  if (short === props.title) return <>{props.title}</>;
  return (
    <>
      <span aria-hidden="true" title={props.title}>
        {short}
      </span>
      <span class="visually-hidden">{props.title}</span>
    </>
  );
}
