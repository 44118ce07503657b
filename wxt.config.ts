import { defineConfig } from 'wxt';
import { CHROME_EXTENSION_KEY, FIREFOX_ADDON_ID } from './src/municipal/api/extension-identity';

// The mark (docs/icon.svg) rendered by scripts/render-icons.ts; the stores want 128, the
// browsers use the smaller ones in menus and the toolbar.
const icons = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// One code base, two builds: `wxt build` (Chrome MV3) and `wxt build -b firefox --mv3`.
export default defineConfig({
  // src/ holds plain modules; nothing is auto-imported, every dependency is explicit.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'da',
    icons,
    action: { default_title: 'Handlerum', default_icon: { 16: icons[16], 32: icons[32] } },
    // Least privilege: no host permissions, no content scripts, no tabs access. A municipality's
    // origin is asked for at the moment the citizen adds it (optional_host_permissions); identity
    // runs its sign-in window, notifications show reminders.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'identity', 'notifications'],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // hash-wasm runs Argon2id as WebAssembly that ships inside the bundle (no remote code).
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // A fixed id in both browsers: municipalities register it, and bind sign-in redirects and
    // CORS to it (src/municipal/api/extension-identity.ts). The Chrome `key` only fixes the id of
    // an unpacked development copy; scripts/zip.ts leaves it out of the store zip.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              // 140 is the first Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is sent to us or to anyone the citizen did not pick; see docs/privacy.md.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: CHROME_EXTENSION_KEY }),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      target: 'es2022',
      // The vault page is one chunk of about 550 kB. The 500 kB default is about download time
      // on the web; an extension's files load from disk, so the limit sits above the page
      // with room to grow, and a much larger chunk is still reported.
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        onwarn(warning, report) {
          // zod's sources have prose comments that mention `@__PURE__`; Rollup drops those
          // comments (nothing to act on) and says so once per build. Every other warning shows.
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          report(warning);
        },
      },
    },
    worker: { format: 'es' as const },
  }),
});
