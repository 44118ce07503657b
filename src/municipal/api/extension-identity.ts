/**
 * Who the extension is to a municipality: the ids a municipality registers, and the redirect
 * URIs and origins that follow from them. The build (wxt.config.ts), the reference municipality
 * and the end-to-end harness all read them from here, so a sign-in works only for this
 * extension and no other.
 *
 * Chromium derives an extension's id from the public key in its manifest (`key`), or, without
 * one, from the folder an unpacked extension is loaded from. The build carries this public key,
 * so every copy of it has the same id wherever it lies. It is only a public key: the matching
 * private key was never kept, since nothing is packed with it. A store release gets its id from
 * the store, and a municipality registers that id instead.
 *
 * Firefox's identity redirect host is the SHA-1 of the add-on id (fixed in the manifest), so it
 * is stable too; its moz-extension:// origin, however, is a random UUID per installation.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { utf8 } from '../../shared/bytes';

/** The Chrome build's manifest `key` (base64 of a DER SubjectPublicKeyInfo, RSA 2048). */
export const CHROME_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs+ErW/EuvTkEj3sD/UCF4YOFFvmmBVGr4CN4Xa+cD+f8eXKu/JcwgG7XalU6CqHVObzWU/3vt6WLYwPVDu+U7zJOG5PldI2N72UGgtGIDWZsD0Jl1GUlzhn22je3HofpNFq5/SUKWWmgO9iG78Y8GWG7WHZIbIZXPazkZzi3tQWkDAXQ1YbOy4eN0k2+yXT5v0QBeM3/3vrR0UBUVBrR27Kv1ep/s18gLDzN6sPstXXY3rbjJA9bnjE7xzy3qwOxlAWM+7HCwOc48TzHgpINrfv9/yS7E3t0MNuCsVxuBYsifLkYg5vqdlOVbCj0UgTTSzkpw/7OIDLjSghsLd07rQIDAQAB';

/** The Firefox build's add-on id (`browser_specific_settings.gecko.id`). */
export const FIREFOX_ADDON_ID = 'vault@handlerum.dk';

/** The path the extension asks `identity.getRedirectURL` for. */
export const EXTENSION_REDIRECT_PATH = 'municipality';

/** A Chromium extension id: 32 letters a–p. */
export const CHROME_EXTENSION_ID_PATTERN = /^[a-p]{32}$/;

/** Chromium's id for a manifest key: the first 128 bits of its SHA-256, each nibble as a letter a–p. */
export function chromeExtensionIdFromKey(keyBase64: string): string {
  const der = Uint8Array.from(atob(keyBase64), (ch) => ch.charCodeAt(0));
  return Array.from(sha256(der).subarray(0, 16), (b) => String.fromCharCode(97 + (b >> 4), 97 + (b & 15))).join('');
}

export const CHROME_EXTENSION_ID = /* @__PURE__ */ chromeExtensionIdFromKey(CHROME_EXTENSION_KEY);

/** What `identity.getRedirectURL(path)` returns in Chromium for an extension id. */
export const chromeRedirectUri = (extensionId: string, path = EXTENSION_REDIRECT_PATH): string => `https://${extensionId}.chromiumapp.org/${path}`;

/** What `identity.getRedirectURL(path)` returns in Firefox: the host is the SHA-1 (hex) of the add-on id. */
export function firefoxRedirectUri(addonId: string, path = EXTENSION_REDIRECT_PATH): string {
  const hash = Array.from(sha1(utf8(addonId)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `https://${hash}.extensions.allizom.org/${path}`;
}
