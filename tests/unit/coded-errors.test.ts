import { describe, expect, it } from 'vitest';
import { hasCode, MunicipalError, receiveError, sendError, SharingError, VaultError, type AppError } from '../../src/messaging/errors';
import { MUNICIPAL_ERROR_CODES } from '../../src/municipal/connector/errors';
import { SHARING_ERROR_CODES } from '../../src/sharing/errors';
import { isCodedError } from '../../src/shared/coded-error';
import { VAULT_ERROR_CODES } from '../../src/vault/errors';

const every: AppError[] = [
  ...VAULT_ERROR_CODES.map((code) => new VaultError(code, `vault ${code}`)),
  ...MUNICIPAL_ERROR_CODES.map((code) => new MunicipalError(code, `municipal ${code}`)),
  ...SHARING_ERROR_CODES.map((code) => new SharingError(code, 'HTTP 503')),
];

describe('the coded error families', () => {
  it('own disjoint codes', () => {
    const codes = every.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('share one constructor shape: code, detail, cause', () => {
    const cause = new TypeError('inner');
    for (const error of [
      new VaultError('locked', 'why', { cause }),
      new MunicipalError('sign-in-required', 'why', { cause }),
      new SharingError('bundle-gone', 'why', { cause }),
    ]) {
      expect(error.detail).toBe('why');
      expect(error.cause).toBe(cause);
      expect(isCodedError(error)).toBe(true);
    }
  });

  it('come back across the message boundary as the same class, code and detail', () => {
    for (const error of every) {
      const back = receiveError(JSON.parse(JSON.stringify(sendError(error))));
      expect(back.constructor, error.code).toBe(error.constructor);
      expect(back.name).toBe(error.name);
      expect([back.code, back.detail]).toEqual([error.code, error.detail]);
    }
  });

  it('send an unexpected failure by its name only', () => {
    expect(sendError(new TypeError('Ida Hansen, CPR 010190-1234'))).toEqual({ code: 'storage-failed', detail: 'TypeError' });
    expect(sendError('a string')).toEqual({ code: 'storage-failed', detail: 'Error' });
  });

  it('are recognised by code whatever their family, and nothing else is', () => {
    expect(hasCode(new MunicipalError('signature-invalid'), 'signature-invalid')).toBe(true);
    expect(hasCode(new SharingError('inbox-full'), 'inbox-full')).toBe(true);
    expect(hasCode(new VaultError('locked'), 'signature-invalid')).toBe(false);
    expect(hasCode(new VaultError('locked'))).toBe(true);
    expect(hasCode(Object.assign(new Error('x'), { code: 'locked' }), 'locked')).toBe(false);
    expect(hasCode(null)).toBe(false);
  });
});
