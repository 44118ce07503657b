/**
 * A heading that takes focus when it appears, so a screen reader announces the new screen and
 * keyboard users continue from its top. tabIndex -1: focusable by script, not a tab stop.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function ScreenHeading(props: { level?: 1 | 2 | 3; children: ComponentChildren; focusKey?: unknown; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [props.focusKey]);
  const Tag = `h${props.level ?? 1}` as 'h1' | 'h2' | 'h3';
  return (
    <Tag ref={ref} tabIndex={-1} id={props.id} class="screen-heading">
      {props.children}
    </Tag>
  );
}
