// Bicep syntax helpers shared by bicep.mjs and roundtrip.mjs: the tree-sitter-bicep parser,
// the rewrites for syntax its 2024 grammar lacks, and exact string decoding.
import { createRequire } from 'node:module';
import Parser from 'web-tree-sitter';

const require = createRequire(import.meta.url);

// A web-tree-sitter parser for tree-sitter-bicep's WebAssembly build.
export async function loadBicepParser() {
  await Parser.init();
  const language = await Parser.Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

// --- syntax tree helpers -----------------------------------------------------------------
export const line = (node) => node.startPosition.row + 1;
export const named = (node) => node.namedChildren.filter((c) => c.type !== 'comment' && c.type !== 'decorators');

export function propertyKey(node) {
  if (node.type === 'string') return literalString(node);
  if (node.type === 'compatible_identifier') return node.text.replace(/\?$/, '');
  return node.text;
}

// The object literal of a resource/for/if body, or null.
export function bodyObject(node) {
  if (!node) return null;
  if (node.type === 'object') return node;
  if (node.type === 'if_statement') return bodyObject(named(node).find((c) => c.type === 'object'));
  if (node.type === 'for_statement') return bodyObject(node.childForFieldName('body'));
  return null;
}

// --- Bicep syntax the 2024 grammar lacks --------------------------------------------------
// Rewrites, without changing any offset, the newer constructs that tree-sitter-bicep 1.1.0
// cannot parse into text it can; see README.md. Spreads become comments starting with "//.".
export function shimModernSyntax(text, isParams) {
  const blank = (s) => s.replace(/[^\r\n]/g, ' ');
  const pad = (word, s) => word + ' '.repeat(s.length - word.length);
  let t = text
    .replace(/^([ \t]*)extension\b/gm, (_, ws) => `${ws}//${' '.repeat(7)}`)
    .replace(/^([ \t]*)\.\.\./gm, '$1//.')
    .replace(/^([ \t]*var[ \t]+\w+)([ \t]+[^=\s][^=\n]*?)(?=[ \t]*=)/gm, (_, head, type) => head + blank(type))
    .replace(/^([ \t]*output[ \t]+\w+[ \t]+)(resource[ \t]+'[^'\n]*')/gm, (_, head, ty) => head + pad('object', ty))
    .replace(/\bresource(?:Input|Output)<'[^'\n]*'>(?:\.\w+)*/g, (m) => pad('object', m));
  if (isParams) {
    t = t
      .replace(/^([ \t]*)param(?=[ \t]+\w+[ \t]*=)/gm, '$1var  ')
      .replace(/^([ \t]*using[ \t]+)none\b/gm, "$1''  ")
      .replace(/^([ \t]*)extends\b/gm, (_, ws) => `${ws}//     `);
  }
  return t;
}

// --- strings -------------------------------------------------------------------------------
// Decodes a `string` node exactly as the Bicep lexer does: in '…' strings the escapes \' \\ \n
// \r \t \$ and \u{X…} (any other is an error), `${` opens an interpolation (which must be one of
// the node's `interpolation` children: the grammar and the decoder must agree), a lone `$` is
// literal; a '''…''' string is verbatim, without escapes or interpolation, its first newline
// dropped. The text is read from the source because the grammar hides some escapes (`\$`) and
// accepts invalid ones silently. Returns {parts: [string | {expr}], errors: [string]}.
export function decodeBicepString(node) {
  const text = node.text;
  const errors = [];
  const parts = [];
  let lit = '';
  const flush = () => { if (lit) parts.push(lit); lit = ''; };
  const interpolations = node.namedChildren.filter((c) => c.type === 'interpolation');
  if (text.startsWith("'''")) {
    if (interpolations.length) errors.push('interpolation inside a \'\'\' string');
    const inner = text.slice(3, -3).replace(/^\r?\n/, '');
    return { parts: inner ? [inner] : [], errors };
  }
  const byOffset = new Map(interpolations.map((c) => [c.startIndex - node.startIndex, c]));
  const used = new Set();
  for (let i = 1; i < text.length - 1;) {
    const c = text[i];
    if (c === '\\') {
      const e = text[i + 1];
      const simple = { "'": "'", '\\': '\\', n: '\n', r: '\r', t: '\t', $: '$' }[e];
      if (simple !== undefined) { lit += simple; i += 2; continue; }
      const m = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(text.slice(i + 1));
      if (m && parseInt(m[1], 16) <= 0x10ffff) { lit += String.fromCodePoint(parseInt(m[1], 16)); i += 1 + m[0].length; continue; }
      errors.push(`invalid escape sequence \\${e}`);
      i += 2;
      continue;
    }
    if (c === '$' && text[i + 1] === '{') {
      const child = byOffset.get(i);
      if (!child) { errors.push(`"\${" at offset ${i} is not an interpolation in the syntax tree`); i += 2; continue; }
      flush();
      used.add(child);
      parts.push({ expr: child.text.slice(2, -1).trim() });
      i += child.text.length;
      continue;
    }
    if (c === "'") errors.push('unescaped quote inside a string');
    if (c === '\n' || c === '\r') errors.push('newline inside a \'…\' string');
    lit += c;
    i++;
  }
  if (used.size !== interpolations.length) errors.push('the syntax tree has an interpolation the decoder did not see');
  flush();
  return { parts, errors };
}

// The value of a string literal, or undefined for anything else (interpolation included).
export function literalString(node) {
  if (!node || node.type !== 'string') return undefined;
  const { parts } = decodeBicepString(node);
  if (parts.some((p) => typeof p !== 'string')) return undefined;
  return parts.join('');
}
