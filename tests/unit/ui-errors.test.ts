import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGE_KEYS, errorMessage } from '../../src/ui/errors';
import { setLanguage, translate } from '../../src/ui/i18n/index';
import { MUNICIPAL_ERROR_CODES } from '../../src/municipal/connector/errors';
import { SHARING_ERROR_CODES } from '../../src/sharing/errors';
import { VAULT_ERROR_CODES, VaultError, type VaultErrorCode } from '../../src/vault/errors';

/** The codes each family declares, so a new code in any of them is noticed here too. */
const declaredCodes = (): string[] => [...VAULT_ERROR_CODES, ...MUNICIPAL_ERROR_CODES, ...SHARING_ERROR_CODES].sort();

afterEach(() => setLanguage('da'));

describe('error messages', () => {
  it('cover every error code of every family', () => {
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
