// @ts-check
/**
 * The layers of the code, in one place: the lint rule (eslint.config.js) and the architecture
 * meta-test (tests/unit/architecture.test.ts) both read this map, so they cannot disagree.
 *
 * An area is a folder; a file belongs to the area with the longest matching folder. `uses` lists
 * the areas an area may import directly; imports may skip layers downward, so the allowed set is
 * the transitive closure of `uses`. `gates` are single modules of an area that other areas may
 * import without being allowed the whole area: the passphrase KDF (the UI runs it in a worker), the
 * vault's public types, and each family's coded errors, which the message API carries across.
 */

/** @typedef {{ dir: string, uses: readonly string[], gates?: readonly { module: string, for: readonly string[] }[], note?: string }} Area */

/** @type {Readonly<Record<string, Area>>} */
export const areas = {
  entrypoints: { dir: 'entrypoints', uses: ['ui', 'background'], note: 'thin WXT wiring' },
  ui: {
    dir: 'src/ui',
    uses: ['messaging', 'overview', 'importers', 'records', 'plain-language', 'kle', 'letters', 'summaries'],
    note: 'Preact screens; talks to the background only through messaging',
  },
  background: {
    dir: 'src/background',
    uses: ['messaging', 'vault', 'connector', 'sharing', 'bundle', 'importers', 'overview', 'letters'],
  },
  messaging: { dir: 'src/messaging', uses: ['records', 'overview'], note: 'the typed API maps of the message boundaries' },
  vault: {
    dir: 'src/vault',
    uses: ['shared'],
    gates: [
      { module: 'src/vault/crypto/kdf', for: ['ui', 'messaging'] },
      { module: 'src/vault/public-types', for: ['ui', 'messaging'] },
      { module: 'src/vault/errors', for: ['messaging'] },
    ],
    note: 'the encrypted core; knows record kinds only through records/kind.ts',
  },
  connector: {
    dir: 'src/municipal/connector',
    uses: ['vault', 'records', 'municipal-api'],
    gates: [{ module: 'src/municipal/connector/errors', for: ['messaging'] }],
  },
  sharing: {
    dir: 'src/sharing',
    uses: ['records', 'bundle', 'summaries', 'letters'],
    gates: [{ module: 'src/sharing/errors', for: ['messaging'] }],
    note: 'what a share holds and says; builds bundle content',
  },
  overview: { dir: 'src/overview', uses: ['records'] },
  summaries: { dir: 'src/summaries', uses: ['plain-language', 'municipal-api'], note: 'summaries of a case or document, made locally; pure' },
  importers: { dir: 'src/importers', uses: ['records'] },
  letters: {
    dir: 'src/letters',
    uses: ['plain-language', 'kle'],
    gates: [
      { module: 'src/letters/errors', for: ['messaging'] },
      { module: 'src/letters/reading/types', for: ['messaging'] },
    ],
    note: 'PDF letters: text via pdf.js (pdf/), a deterministic reader (reading/, platform-free)',
  },
  records: {
    dir: 'src/records',
    uses: ['municipal-api', 'kle'],
    gates: [{ module: 'src/records/kind', for: ['vault'] }],
  },
  'plain-language': { dir: 'src/municipal/plain-language', uses: ['records', 'kle'] },
  kle: { dir: 'src/municipal/kle', uses: ['shared'] },
  'municipal-api': { dir: 'src/municipal/api', uses: ['shared'] },
  bundle: {
    dir: 'src/bundle',
    uses: ['shared'],
    gates: [
      { module: 'src/bundle/standard/ical', for: ['overview'] },
      { module: 'src/bundle/recipient-document', for: ['municipal-api'] },
    ],
    note: 'the bundle format: pure, platform-free',
  },
  receiver: { dir: 'src/receiver', uses: ['bundle', 'receiver-view'] },
  'receiver-page': { dir: 'src/receiver-page', uses: ['bundle', 'receiver-view'] },
  'receiver-view': { dir: 'src/receiver-view', uses: ['bundle'], note: 'a bundle as a person reads it, for the page and the CLI; pure' },
  'municipality-server': {
    dir: 'src/municipality-server',
    uses: ['municipal-api', 'kle', 'bundle', 'receiver', 'shared-node'],
    note: 'a Node program; nothing in the extension imports it',
  },
  'example-budget-service': {
    dir: 'src/example-budget-service',
    uses: ['municipal-api', 'kle', 'bundle', 'receiver', 'shared-node'],
    note: 'a Node program; nothing in the extension imports it',
  },
  'shared-node': { dir: 'src/shared-node', uses: ['shared'], note: 'helpers for the Node programs only' },
  shared: { dir: 'src/shared', uses: [], note: 'pure TypeScript kernel; imports nothing else' },
};

/** Every area may import the shared kernel. */
const EVERYONE = ['shared'];

/** The area a repository-relative path (posix, no leading './') belongs to, or null outside all areas. */
export function areaOf(path) {
  let best = null;
  let bestLength = -1;
  for (const [name, area] of Object.entries(areas)) {
    if ((path === area.dir || path.startsWith(`${area.dir}/`)) && area.dir.length > bestLength) {
      best = name;
      bestLength = area.dir.length;
    }
  }
  return best;
}

/** The areas `name` may import: itself, the closure of its `uses`, and the shared kernel. */
export function allowedAreas(name) {
  const seen = new Set([name, ...EVERYONE]);
  const stack = [...(areas[name]?.uses ?? [])];
  while (stack.length > 0) {
    const next = /** @type {string} */ (stack.pop());
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(areas[next]?.uses ?? []));
  }
  return seen;
}

/**
 * Whether a file of area `from` may import the module at `target` (repository-relative path
 * without extension): null when it may, otherwise the reason.
 */
export function layerViolation(from, target) {
  const to = areaOf(target);
  if (to === null || allowedAreas(from).has(to)) return null;
  const gate = areas[to]?.gates?.find((g) => (target === g.module || target.startsWith(g.module)) && g.for.some((f) => allowedAreas(from).has(f)));
  if (gate) return null;
  return `${areas[from]?.dir} may not import ${areas[to]?.dir} (see layers.config.js)`;
}
