/**
 * The vault page's forms hold names, passphrases, CPR-like numbers, notes, corrections, share
 * purposes and recipients. A browser keeps a form control's value in its session-restore file
 * (Chromium's Default/Sessions, Firefox's sessionstore) and in autofill data unless the control
 * or its form says `autocomplete="off"`: every form, input, textarea and select of the UI must,
 * read from the JSX itself (a password field that creates a passphrase may say `new-password`,
 * which a browser never restores).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CONTROLS = new Set(['form', 'input', 'textarea', 'select']);

const tsxFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : name.endsWith('.tsx') ? [path] : [];
  });

/** The strings an attribute can take: a literal, or a condition between literals. */
function literalsOf(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isStringLiteral(node)) return [node.text];
  if (ts.isJsxExpression(node) || ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) {
    const both = [literalsOf(node.whenTrue), literalsOf(node.whenFalse)];
    return both.every((b) => b.length) ? both.flat() : [];
  }
  return [];
}

/** Every form control in a file, with its `autocomplete` value as written ("?" when not a plain string). */
function controls(path: string): { where: string; tag: string; autocomplete: string | null }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { where: string; tag: string; autocomplete: string | null }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && CONTROLS.has(node.tagName.getText())) {
      const attribute = node.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === 'autocomplete');
      const value = attribute ? literalsOf(attribute.initializer).join('|') || '?' : null;
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ where: `${relative(ROOT, path)}:${line}`, tag: node.tagName.getText(), autocomplete: value });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('form controls that hold personal data', () => {
  const all = tsxFiles(join(ROOT, 'src/ui')).flatMap(controls);

  it('are found (the check reads the JSX it means to)', () => {
    expect(all.filter((c) => c.tag === 'form').length).toBeGreaterThan(5);
    expect(all.filter((c) => c.tag === 'textarea').length).toBeGreaterThan(0);
  });

  it('never let the browser remember them: autocomplete="off" everywhere (new-password only on password fields)', () => {
    const allowed = (c: (typeof all)[number]) => (c.autocomplete ?? '?').split('|').every((v) => v === 'off' || (c.tag === 'input' && v === 'new-password'));
    const open = all.filter((c) => !allowed(c));
    expect(open.map((c) => `${c.where} <${c.tag} autocomplete=${c.autocomplete}>`)).toEqual([]);
  });
});
