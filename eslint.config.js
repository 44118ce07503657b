// @ts-check
/**
 * Lint for what the compiler does not catch: promises left floating, switches that miss a case,
 * imports that break the layers of layers.config.js, silent `.catch(() => {})` and
 * `as unknown as`. Typed, through the root tsconfig's program; formatting is Prettier's job.
 */
import { readdirSync } from 'node:fs';
import { posix } from 'node:path';
import tseslint from 'typescript-eslint';
import { allowedAreas, areaOf, areas } from './layers.config.js';

const SOURCE = /\.(ts|tsx)$/;

/** Folders under `dir` that hold TypeScript, `dir` included. */
function sourceFolders(dir) {
  const entries = readdirSync(dir, { withFileTypes: true });
  const own = entries.some((e) => e.isFile() && SOURCE.test(e.name)) ? [dir] : [];
  return [...own, ...entries.filter((e) => e.isDirectory()).flatMap((e) => sourceFolders(posix.join(dir, e.name)))];
}

const SILENT_CATCH = {
  selector:
    "CallExpression[callee.property.name='catch'] > :matches(ArrowFunctionExpression, FunctionExpression)[body.type='BlockStatement'][body.body.length=0]",
  message: 'A silent .catch(() => {}) hides failures: handle the error, or say in code why it may be dropped.',
};
const UNKNOWN_CAST = {
  selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
  message: '`as unknown as` turns the type checker off: parse the value (zod) or type it where it is made.',
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One `no-restricted-imports` block per folder: relative specifiers depend on where the file is,
 * so each folder gets the exact paths of the areas it may not reach (gates left open by lookahead).
 */
function layerRules() {
  return [...sourceFolders('src'), ...sourceFolders('entrypoints')].flatMap((folder) => {
    const from = areaOf(folder);
    if (from === null) return [];
    const allowed = allowedAreas(from);
    const patterns = Object.entries(areas)
      .filter(([name]) => !allowed.has(name))
      .map(([, area]) => {
        const rel = posix.relative(folder, area.dir);
        const open = (area.gates ?? [])
          .filter((gate) => gate.for.some((f) => allowed.has(f)))
          .map((gate) => `(?!${escape(gate.module.slice(area.dir.length))})`)
          .join('');
        return {
          regex: `^${escape(rel.startsWith('.') ? rel : `./${rel}`)}${open}(/|$)`,
          message: `${areas[from]?.dir} may not import ${area.dir} (layers: layers.config.js).`,
        };
      });
    return [{ files: [`${folder}/*.ts`, `${folder}/*.tsx`], rules: { 'no-restricted-imports': ['error', { patterns }] } }];
  });
}

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      '.tmp/**',
      'node_modules/**',
      '**/*.js',
      // Generated data.
      'src/municipal/kle/kle-topics.data.ts',
      'src/municipal/api/record-checks.data.ts',
      // Declarations for src/tsconfig.platform-free.json only, outside the root program.
      'src/platform-free.d.ts',
      'src/importers/papaparse.platform-free.d.ts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      // One program, the root tsconfig's (as `npm run typecheck`): the project service would open
      // one per nested tsconfig.json and cost more memory on a small machine.
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A `default:` stands for the cases it names in code; a switch without one must list them all.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'no-restricted-syntax': ['error', SILENT_CATCH],
    },
  },
  {
    // Tests may still force a fake into a type; the product code may not.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'entrypoints/**/*.ts', 'entrypoints/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', SILENT_CATCH, UNKNOWN_CAST] },
  },
  ...layerRules(),
);
