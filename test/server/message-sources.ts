/**
 * Finds, in the product's source, the English messages a client can be shown, so a test can check that each has a
 * zh entry in server/http/messages.ts. The source is parsed with the TypeScript compiler (not matched with regular
 * expressions), so calls spread over several lines, template literals and `a ? 'x' : 'y'` are all understood.
 *
 * A message is a string or template literal
 * - passed as an argument whose parameter is named `detail` or `message`, of any function or class declared in the
 *   scanned files (`new HttpProblem(kind, detail, …)`, `failure(row, field, message)`, `tooMany(req, property, detail)`);
 * - given as a `message:` property (`{ path, message }`, `{ ok: false, message }`, `refine(…, { message })`);
 * - held by a variable named `…detail` or `…message`, or by an object literal in a variable named `…MESSAGES`;
 * - returned by a function whose name says it words a message (`hint`, `…Reason…`, `…Message…`, `…Problem…`, `…Detail…`).
 * A literal passed as a parameter named `what` is recorded separately: it is a phrase another message embeds
 * (`Only the bureau may ${what}.`).
 *
 * Values computed elsewhere (`error.message`, `problem.detail`) are not messages of their own: their sources are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface MessageSite {
  file: string;
  line: number;
  /** The text of a plain literal; for a template, its source between the backticks (`No company ${id}.`). */
  text: string;
  /** For a template: its literal parts in order (the text around each `${…}`). */
  parts?: string[];
}

export interface PhraseSite extends MessageSite {
  /** The function the phrase is passed to. */
  callee: string;
}

export interface MessageScan {
  messages: MessageSite[];
  phrases: PhraseSite[];
  files: number;
}

const MESSAGE_PARAMETER = /^(detail|message)$/;
const MESSAGE_VARIABLE = /(detail|message)$/i;
const MESSAGE_TABLE = /MESSAGES$/;
const MESSAGE_FUNCTION = /^hint$|reason|message|problem|detail/i;
const PHRASE_PARAMETER = 'what';

export function sourceFiles(dir: string, skip: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (skip(path)) return [];
    if (entry.isDirectory()) return sourceFiles(path, skip);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Scans `paths` (file names reported relative to `root`). Arguments to the functions and classes named in
 * `internal` are skipped: their text is for logs and developers and never reaches a client as written.
 */
export function scanMessages(paths: readonly string[], root: string, internal: ReadonlySet<string> = new Set()): MessageScan {
  const sources = paths.map((path) => ts.createSourceFile(relative(root, path), readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true));
  const parameters = parameterIndexes(sources);
  const messages: MessageSite[] = [];
  const phrases: PhraseSite[] = [];

  for (const source of sources) {
    const site = (node: ts.Node, text: string, parts?: string[]): MessageSite => ({
      file: source.fileName,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      text,
      ...(parts ? { parts } : {}),
    });
    const record = (expression: ts.Expression | undefined): void => {
      for (const literal of literalsOf(expression)) {
        const text = textOf(literal, source);
        // A fallback such as `?? ''` is no message of its own.
        if (text.trim() !== '') messages.push(site(literal, text, partsOf(literal)));
      }
    };

    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression)) {
        const callee = node.expression.text;
        const args = internal.has(callee) ? [] : (node.arguments ?? []);
        for (const index of parameters.messages.get(callee) ?? []) record(args[index]);
        for (const index of parameters.phrases.get(callee) ?? []) {
          for (const literal of literalsOf(args[index])) phrases.push({ ...site(literal, textOf(literal, source), partsOf(literal)), callee });
        }
      }
      if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'message') record(node.initializer);
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        if (MESSAGE_VARIABLE.test(node.name.text)) record(node.initializer);
        if (MESSAGE_TABLE.test(node.name.text) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
          for (const property of node.initializer.properties) if (ts.isPropertyAssignment(property)) record(property.initializer);
        }
      }
      const name = functionName(node);
      if (name !== undefined && MESSAGE_FUNCTION.test(name) && ts.isFunctionLike(node)) {
        const body = (node as ts.FunctionLikeDeclaration).body;
        if (body && !ts.isBlock(body)) record(body);
        else if (body) forEachReturn(body, (returned) => record(returned));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, phrases, files: sources.length };
}

/** Function and class names → indexes of their parameters named `detail`/`message`, and of those named `what`. */
function parameterIndexes(sources: readonly ts.SourceFile[]): { messages: Map<string, number[]>; phrases: Map<string, number[]> } {
  const messages = new Map<string, number[]>();
  const phrases = new Map<string, number[]>();
  const add = (table: Map<string, number[]>, name: string, index: number) => table.set(name, [...new Set([...(table.get(name) ?? []), index])]);
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      const name = ts.isConstructorDeclaration(node) ? className(node) : functionName(node);
      if (name !== undefined && ts.isFunctionLike(node)) {
        node.parameters.forEach((parameter, index) => {
          if (!ts.isIdentifier(parameter.name)) return;
          if (MESSAGE_PARAMETER.test(parameter.name.text)) add(messages, name, index);
          if (parameter.name.text === PHRASE_PARAMETER) add(phrases, name, index);
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, phrases };
}

/** The name a function is called by: its declared name, or the variable an arrow or function expression is given to. */
function functionName(node: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && ts.isIdentifier(node.name)) return node.name.text;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
    return node.parent.name.text;
  }
  return undefined;
}

function className(node: ts.ConstructorDeclaration): string | undefined {
  return ts.isClassLike(node.parent) && node.parent.name ? node.parent.name.text : undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** The return statements of a function body, not of functions nested in it. */
function forEachReturn(body: ts.Node, found: (expression: ts.Expression | undefined) => void): void {
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) found(node.expression);
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
}

type Literal = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;

/** The literals an expression can evaluate to: itself, or the branches of `?:`, `??` and `||`. */
function literalsOf(expression: ts.Expression | undefined): Literal[] {
  if (!expression) return [];
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression) || ts.isTemplateExpression(expression)) return [expression];
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) return literalsOf(expression.expression);
  if (ts.isConditionalExpression(expression)) return [...literalsOf(expression.whenTrue), ...literalsOf(expression.whenFalse)];
  if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(expression.operatorToken.kind)) {
    return [...literalsOf(expression.left), ...literalsOf(expression.right)];
  }
  return [];
}

function textOf(literal: Literal, source: ts.SourceFile): string {
  return ts.isTemplateExpression(literal) ? literal.getText(source).slice(1, -1) : literal.text;
}

function partsOf(literal: Literal): string[] | undefined {
  return ts.isTemplateExpression(literal) ? [literal.head.text, ...literal.templateSpans.map((span) => span.literal.text)] : undefined;
}

/** Whether `message` is something the template can produce: its literal parts in order, anything (even nothing) between. */
export function fitsTemplate(message: string, parts: readonly string[]): boolean {
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s\\S]*')}$`).test(message);
}
