/**
 * The extensions a municipality has registered, and what follows from them: the exact redirect
 * URIs a sign-in may send a code to (RFC 9700 §4.1.3: exact string matching) and the origins
 * CORS answers. Everything else is refused, so a code only ever travels to the registered
 * extension in the citizen's own browser — not to another extension, and not to whatever
 * listens on a loopback port, unless a developer turned loopback redirects on.
 */
import {
  CHROME_EXTENSION_ID,
  CHROME_EXTENSION_ID_PATTERN,
  chromeRedirectUri,
  FIREFOX_ADDON_ID,
  firefoxRedirectUri,
} from '../../municipal/api/extension-identity';

export interface RegisteredExtensions {
  /** Chromium extension ids (32 letters a–p). Default: the id of the project's build. */
  chromeExtensionIds?: readonly string[];
  /** Firefox add-on ids. Default: the project's (vault@handlerum.dk). */
  firefoxAddonIds?: readonly string[];
  /**
   * Further origins CORS answers, e.g. `moz-extension://<uuid>` of one Firefox installation
   * (random per installation, so there is no default). The extension itself needs no CORS: it
   * calls with a host permission.
   */
  extraOrigins?: readonly string[];
  /** Accept `http://127.0.0.1|localhost|[::1]:<any port>/…` (RFC 8252 §7.3), for development tools. Default off. */
  loopbackRedirects?: boolean;
}

const MOZ_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export class ExtensionRegistry {
  private readonly redirectUris: ReadonlySet<string>;
  private readonly origins: ReadonlySet<string>;
  private readonly loopback: boolean;

  /** @throws {RangeError} for an id or origin that cannot be one. */
  constructor(registered: RegisteredExtensions = {}) {
    const chrome = registered.chromeExtensionIds ?? [CHROME_EXTENSION_ID];
    const firefox = registered.firefoxAddonIds ?? [FIREFOX_ADDON_ID];
    for (const id of chrome) if (!CHROME_EXTENSION_ID_PATTERN.test(id)) throw new RangeError(`chromeExtensionIds: not a Chromium extension id: ${id}`);
    for (const id of firefox) if (!/^[A-Za-z0-9._@{}-]{1,80}$/.test(id)) throw new RangeError(`firefoxAddonIds: not an add-on id: ${id}`);
    for (const origin of registered.extraOrigins ?? []) {
      if (!MOZ_ORIGIN.test(origin) && !/^chrome-extension:\/\/[a-p]{32}$/.test(origin))
        throw new RangeError(`extraOrigins: not an extension origin: ${origin}`);
    }
    this.redirectUris = new Set([...chrome.map((id) => chromeRedirectUri(id)), ...firefox.map((id) => firefoxRedirectUri(id))]);
    this.origins = new Set([...chrome.map((id) => `chrome-extension://${id}`), ...(registered.extraOrigins ?? [])]);
    this.loopback = registered.loopbackRedirects ?? false;
  }

  /** What sign-in redirects to, for the start-up message; loopback is named, not listed. */
  redirectTargets(): string[] {
    return [...this.redirectUris, ...(this.loopback ? ['http://127.0.0.1|localhost|[::1]:<port>/…'] : [])];
  }

  isAllowedRedirectUri(value: string): boolean {
    if (this.redirectUris.has(value)) return true;
    return this.loopback && isLoopbackRedirect(value);
  }

  /** Origins allowed to call the API from a browser (the registered extensions' own pages). */
  isAllowedOrigin(origin: string): boolean {
    return this.origins.has(origin);
  }
}

function isLoopbackRedirect(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || value.includes('#')) return false;
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}
