import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGE_KEYS, errorMessage } from '../../src/ui/errors';
import { setLanguage, translate } from '../../src/ui/i18n/index';
import { VaultError, type VaultErrorCode } from '../../src/vault/errors';

/** The codes as written in the core's error type, read from its source so a new code is noticed here too. */
const declaredCodes = (): string[] => {
  const source = readFileSync(new URL('../../src/vault/errors.ts', import.meta.url), 'utf8');
  const union = source.match(/export type VaultErrorCode =([^;]+);/)![1]!;
  return [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]!).sort();
};

afterEach(() => setLanguage('da'));

describe('error messages', () => {
  it('cover every vault error code', () => {
    expect(Object.keys(ERROR_MESSAGE_KEYS).sort()).toEqual(declaredCodes());
  });

  it('have a distinct, non-empty message for every code in both languages', () => {
    for (const language of ['da', 'en'] as const) {
      const messages = Object.values(ERROR_MESSAGE_KEYS).map((key) => translate(language, key));
      for (const message of messages) expect(message.length).toBeGreaterThan(20);
      expect(new Set(messages).size).toBe(messages.length);
    }
  });

  it('tell a recovery-key typo apart from a wrong recovery key', () => {
    const typo = translate('en', ERROR_MESSAGE_KEYS['recovery-key-typo']);
    const wrong = translate('en', ERROR_MESSAGE_KEYS['wrong-recovery-key']);
    expect(typo).toMatch(/typo/i);
    expect(wrong).toMatch(/another vault/i);
  });

  it('shows the message for the current language and never the developer detail', () => {
    const error = new VaultError('wrong-passphrase' satisfies VaultErrorCode, 'internal detail');
    setLanguage('en');
    expect(errorMessage(error)).toBe(translate('en', 'error.wrong-passphrase'));
    setLanguage('da');
    expect(errorMessage(error)).toBe(translate('da', 'error.wrong-passphrase'));
    expect(errorMessage(error)).not.toContain('internal detail');
  });

  it('falls back to a general message for unexpected failures', () => {
    expect(errorMessage(new TypeError('boom'))).toBe(translate('da', 'common.unexpected'));
  });
});
