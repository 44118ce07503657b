/**
 * Keys built from a value (`payments.status.${status}`) are checked by the compiler: each value
 * of the union must name a key, so a missing translation fails `npm run typecheck`, not
 * `translate` at run time. Keys built from free text go through `isMessageKey` first.
 */
import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../src/ui/i18n/index';
import { RECORD_KINDS } from '../../src/records/registry';

type Status = 'scheduled' | 'paid';

describe('built message keys', () => {
  it('translates a key built from a union of known values', () => {
    const status: Status = 'paid';
    expect(translate('en', `payments.status.${status}`)).not.toBe('');
  });

  it('refuses at compile time a built key without a translation', () => {
    const status = 'unheard-of' as 'paid' | 'unheard-of';
    // @ts-expect-error 'payments.status.unheard-of' is not a message key
    expect(() => translate('en', `payments.status.${status}`)).toThrow(TypeError);
  });

  it('tells keys built from free text apart at run time', () => {
    expect(isMessageKey('payments.status.paid')).toBe(true);
    expect(isMessageKey('payments.status.unheard-of')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('has a word for every record kind, so a damaged record is never named by its internal kind', () => {
    const missing = RECORD_KINDS.flatMap((k) => ['one', 'many'].map((n) => `kind.${k.name}.${n}`)).filter((key) => !isMessageKey(key));
    expect(missing).toEqual([]);
    expect(translate('da', 'kind.letter-event.many')).toBe('aftaler og frister fra breve');
  });
});
