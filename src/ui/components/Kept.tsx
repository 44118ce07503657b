/**
 * A part of the page drawn again only when one of the values it is drawn from changed: a page of
 * a long list re-renders when the focus moves or the next page arrives, and a row whose item is
 * the same needs none of that work. What the part reads from a context still updates it (Preact
 * renders a context's readers on their own).
 */
import { Component, type ComponentChildren } from 'preact';

export interface KeptProps {
  /** Every value `draw` reads, compared one by one with `Object.is`. */
  deps: readonly unknown[];
  draw: () => ComponentChildren;
}

export const sameDeps = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

export class Kept extends Component<KeptProps> {
  override shouldComponentUpdate(next: KeptProps): boolean {
    return !sameDeps(this.props.deps, next.deps);
  }

  override render() {
    return this.props.draw();
  }
}
