/**
 * A kept part of the page (src/ui/components/Kept.tsx) is drawn again exactly when one of the
 * values it is drawn from changed — compared one by one, by identity — and draws what `draw` gives.
 */
import { describe, expect, it } from 'vitest';
import { Kept, sameDeps, type KeptProps } from '../../src/ui/components/Kept';

const part = (deps: readonly unknown[], text = 'row'): KeptProps => ({ deps, draw: () => text });

describe('Kept', () => {
  it('is drawn again only when a value changed', () => {
    const item = { id: 'a' };
    const kept = new Kept(part([item, 3, 'profile']));
    expect(kept.shouldComponentUpdate(part([item, 3, 'profile']))).toBe(false);
    // The same content in a new object is a new item: the list's rows are compared by identity.
    expect(kept.shouldComponentUpdate(part([{ id: 'a' }, 3, 'profile']))).toBe(true);
    expect(kept.shouldComponentUpdate(part([item, 4, 'profile']))).toBe(true);
    expect(kept.shouldComponentUpdate(part([item, 3, 'other profile']))).toBe(true);
    expect(kept.shouldComponentUpdate(part([item, 3]))).toBe(true);
  });

  it('compares as Object.is does (NaN is itself; 0 and -0 differ)', () => {
    expect(sameDeps([Number.NaN], [Number.NaN])).toBe(true);
    expect(sameDeps([0], [-0])).toBe(false);
    expect(sameDeps([], [])).toBe(true);
  });

  it('draws what draw gives', () => {
    expect(new Kept(part([], 'the row')).render()).toBe('the row');
  });
});
