import { defineConfig } from 'wxt';

// One code base, two builds: `wxt build` (Chrome MV3) and `wxt build -b firefox --mv3`.
export default defineConfig({
  // src/ holds plain modules; nothing is auto-imported, every dependency is explicit.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'da',
    // Least privilege: no host permissions, no content scripts, no tabs access. A municipality's
    // origin is asked for at the moment the citizen adds it (optional_host_permissions); identity
    // runs its sign-in window, notifications show reminders.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'identity', 'notifications'],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // hash-wasm runs Argon2id as WebAssembly that ships inside the bundle (no remote code).
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'vault@handlerum.dk', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022' },
    worker: { format: 'es' as const },
  }),
});
