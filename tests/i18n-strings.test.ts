/**
 * Every word of the interface comes from a catalogue (issue 20): a test fails when a component
 * writes English straight into its JSX. The TypeScript parser reads src/ui/**\/*.tsx and
 * src/scene/*.tsx and reports, by file:line,
 *  - JSX text with a letter in it (`<span>Name</span>`);
 *  - text with a letter given to an attribute a user reads or hears: title, aria-label,
 *    placeholder, alt, label, aria-description, aria-valuetext, aria-roledescription
 *    (`title="Fit"`, `aria-label={`${name} colour`}`, `title={open ? 'Hide' : 'Show'}`);
 *  - text shown by a `{…}` child (`{open ? 'Hide' : 'Show'}`);
 *  - text given to window.alert / confirm / prompt anywhere in src/ui, src/state and src/api.
 * Only text in the place of a value counts: a key given to t('…'), a value compared with ===, a
 * className or data-testid are not read by the user. Symbols, units and names that are the same in
 * every language are allowed below, each with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

/** Text the same in English and French, so never in a catalogue. */
const ALLOWED: Record<string, string> = {
  Veinscape: 'the product name',
  English: 'the language switch names each language in itself',
  Français: 'the language switch names each language in itself',
  m: 'metres: SI symbol, the same in French',
  km: 'kilometres: SI symbol',
  'g/t': 'grams per tonne: the same in French',
  'g/t·m': 'grade × thickness unit: the same in French',
  'g/t Au': 'grade unit and element symbol',
  Au: 'chemical symbol',
  N: 'north arrow: N in both languages',
  E: 'east axis letter: E in both languages',
  Z: 'elevation axis letter',
  ΔE: 'slip vector components: symbols',
  ΔN: 'slip vector components: symbols',
  ΔZ: 'slip vector components: symbols',
  i: 'the "more information" mark',
  CSV: 'file format name',
  PNG: 'file format name',
  SVG: 'file format name',
  '4K': 'image size name, the same in French',
};

const SHOWN_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description', 'aria-valuetext', 'aria-roledescription']);
const DIALOGS = new Set(['alert', 'confirm', 'prompt']);
const LETTER = /\p{L}/u;

/** A piece of text the user would read: a word with a letter that is not an allowed symbol ("m · g/t" and "(m E)" are symbols only). */
function isUntranslated(text: string): boolean {
  return text.split(/[\s()[\]·,:;|–—]+/).some((w) => LETTER.test(w) && !(w.replace(/\.$/, '') in ALLOWED));
}

/**
 * The literal texts an expression can give as its value: the branches of ?:, both sides of + || ??,
 * the right of &&, the literal parts of a template. Calls, comparisons and lookups give none (a
 * t('key') argument is a key; 'x' in `a === 'x'` is never shown).
 */
function shownLiterals(e: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
  if (ts.isTemplateExpression(e)) return [e.head, ...e.templateSpans.flatMap((s) => [s.literal, ...shownLiterals(s.expression)])];
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) return shownLiterals(e.expression);
  if (ts.isConditionalExpression(e)) return [...shownLiterals(e.whenTrue), ...shownLiterals(e.whenFalse)];
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [...shownLiterals(e.left), ...shownLiterals(e.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.CommaToken) return shownLiterals(e.right);
  }
  return [];
}

const literalText = (n: ts.Node): string => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateLiteralToken(n) ? n.text : '');

function sourceFiles(dir: string, deep: boolean, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: deep, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(ROOT, dir, f));
}

/** file:line and the text, for each untranslated string of one file's source. */
function untranslated(file: string, text: string, jsx: boolean): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const line = src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1;
    found.push(`${relative(ROOT, file)}:${line} ${what}`);
  };
  const check = (e: ts.Expression, where: string) => {
    for (const lit of shownLiterals(e)) if (isUntranslated(literalText(lit))) report(lit, `${where} ${JSON.stringify(literalText(lit))}`);
  };
  const visit = (node: ts.Node): void => {
    if (jsx && ts.isJsxText(node) && isUntranslated(node.text)) report(node, `text ${JSON.stringify(node.text.trim())}`);
    if (jsx && ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText(src)) && node.initializer) {
      const name = node.name.getText(src);
      if (ts.isStringLiteral(node.initializer)) check(node.initializer, name);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) check(node.initializer.expression, name);
    }
    if (jsx && ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) check(node.expression, 'text');
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && /^(window|globalThis)$/.test(callee.expression.getText(src)) ? callee.name.text : '';
      if (DIALOGS.has(name)) for (const arg of node.arguments) check(arg, name);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return found;
}

describe('interface strings', () => {
  it('the scanner finds what it should (hand-written cases)', () => {
    const code = [
      "const a = <span title=\"Fit view\">Name</span>;",
      "const b = <b aria-label={`${x} colour`} className=\"shown-not\" data-testid=\"no\">{t('key')}</b>;",
      "const c = <i>{open ? 'Hide' : '›'}</i>;",
      "const d = <i title={t('x')} placeholder={s === 'plan' ? t('p') : t('q')}>{n} m · g/t</i>;",
      "window.alert('Export failed'); confirm(t('sure'));",
      "const e = <Field label=\"Dip-slip\" aria={t('dip')} />;",
    ].join('\n');
    const at = (line: number, what: string) => `src/ui/Sample.tsx:${line} ${what}`;
    expect(untranslated(join(ROOT, 'src/ui/Sample.tsx'), code, true)).toEqual([
      at(1, 'title "Fit view"'),
      at(1, 'text "Name"'),
      at(2, 'aria-label " colour"'),
      at(3, 'text "Hide"'),
      at(5, 'alert "Export failed"'),
      at(6, 'label "Dip-slip"'),
    ]);
  });

  it('every string a user sees in src/ui and src/scene is in a catalogue', () => {
    const jsxFiles = [...sourceFiles('src/ui', true, /\.tsx$/), ...sourceFiles('src/scene', false, /\.tsx$/)];
    const dialogFiles = [...sourceFiles('src/ui', true, /\.ts$/), ...sourceFiles('src/state', true, /\.ts$/), ...sourceFiles('src/api', true, /\.ts$/)];
    expect(jsxFiles.length).toBeGreaterThan(30);
    const found = [...jsxFiles.map((f) => [f, true] as const), ...dialogFiles.map((f) => [f, false] as const)].flatMap(([f, jsx]) => untranslated(f, readFileSync(f, 'utf8'), jsx));
    expect(found, `${found.length} interface strings outside the catalogues:\n${found.join('\n')}`).toEqual([]);
  });
});
