// HCL native syntax, read with the exact string decoding of hashicorp/hcl's hclsyntax, for the
// subset iacgen writes: blocks with labels, attributes, quoted templates, objects, lists and
// bare expressions (kept as source text). Used by roundtrip.mjs, which cross-checks every tree
// against HashiCorp's parser (@cdktf/hcl2json): this reader exists only because hcl2json's JSON
// form cannot tell a literal "$" followed by an interpolation from an escaped "$${".
//
// Values: {kind:'string', parts:[string | {expr}]}, {kind:'object', entries: Map},
// {kind:'list', items: []}, {kind:'expr', text}. Bodies: {kind:'body', entries: Map} where a
// nested block type maps to {kind:'blocks', items: [body...]}.

export class HclSyntaxError extends Error {}

export function parseHcl(text) {
  let i = 0;
  const lineOf = (at) => text.slice(0, at).split('\n').length;
  const fail = (msg, at = i) => { throw new HclSyntaxError(`line ${lineOf(at)}: ${msg}`); };
  const peek = (s) => text.startsWith(s, i);
  const isIdStart = (c) => /[\p{ID_Start}_]/u.test(c);
  const isIdChar = (c) => /[\p{ID_Continue}\-]/u.test(c);

  // Spaces and comments; newlines too when `newlines`.
  function skip(newlines) {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) i++;
      else if (c === '#' || peek('//')) { while (i < text.length && text[i] !== '\n') i++; }
      else if (peek('/*')) { const end = text.indexOf('*/', i + 2); if (end < 0) fail('unclosed comment'); i = end + 2; }
      else return;
    }
  }
  function identifier() {
    const start = i;
    if (!isIdStart(text[i] ?? '')) fail(`expected an identifier, found ${JSON.stringify(text[i] ?? 'end of file')}`);
    while (i < text.length && isIdChar(text[i])) i++;
    return text.slice(start, i);
  }
  // Skips a balanced region of an expression (inside ${...} or a bare expression), strings included.
  function skipNested(close) {
    const stack = [close];
    while (i < text.length) {
      const c = text[i];
      if (c === '"') { template(); continue; }
      if (c === '{' || c === '[' || c === '(') stack.push({ '{': '}', '[': ']', '(': ')' }[c]);
      else if (c === stack[stack.length - 1]) { stack.pop(); if (stack.length === 0) { i++; return; } }
      i++;
    }
    fail('unbalanced brackets');
  }
  // A quoted template, decoded: \n \r \t \" \\ \uXXXX \UXXXXXXXX, $${ -> ${, %%{ -> %{.
  function template() {
    const start = i;
    i++; // opening quote
    const parts = [];
    let lit = '';
    const flush = () => { if (lit) parts.push(lit); lit = ''; };
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text[i];
      if (c === '"') { i++; break; }
      if (c === '\n' || c === '\r') fail('newline in a quoted string', i);
      if (c === '\\') {
        const e = text[i + 1];
        const simple = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }[e];
        if (simple !== undefined) { lit += simple; i += 2; continue; }
        const hex = e === 'u' ? 4 : e === 'U' ? 8 : 0;
        const digits = text.slice(i + 2, i + 2 + hex);
        if (!hex || !new RegExp(`^[0-9A-Fa-f]{${hex}}$`).test(digits)) fail(`invalid escape sequence \\${e}`, i);
        lit += String.fromCodePoint(parseInt(digits, 16));
        i += 2 + hex;
        continue;
      }
      if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') { lit += `${c}{`; i += 3; continue; }
      if (c === '$' && text[i + 1] === '{') {
        i += 2;
        const from = i;
        skipNested('}');
        const end = i;
        const inner = text.slice(from, end - 1);
        // `${"$"}` is a constant: HCL evaluates it to the literal text, so it joins the literal.
        const quoted = inner.trimStart();
        if (quoted.startsWith('"')) {
          i = from + (inner.length - quoted.length);
          const sub = template();
          skip(false);
          const constant = i === end - 1 && sub.parts.every((q) => typeof q === 'string');
          i = end;
          if (constant) { lit += sub.parts.join(''); continue; }
        }
        flush();
        parts.push({ expr: inner.trim() });
        continue;
      }
      if (c === '%' && text[i + 1] === '{') fail('template directive %{ (iacgen never writes one)', i);
      lit += c;
      i++;
    }
    flush();
    return { kind: 'string', parts };
  }
  function expression() {
    skip(false);
    const c = text[i];
    if (c === '"') return template();
    if (c === '{') return object();
    if (c === '[') return list();
    const start = i;
    while (i < text.length && !'\n,}])'.includes(text[i])) {
      if ('{[('.includes(text[i])) { skipNested({ '{': '}', '[': ']', '(': ')' }[text[i]]); continue; }
      if (text[i] === '"') { template(); continue; }
      if (text[i] === '#' || peek('//')) break;
      i++;
    }
    const src = text.slice(start, i).trim();
    if (!src) fail('expected an expression');
    return { kind: 'expr', text: src };
  }
  function literalKey() {
    if (text[i] === '"') {
      const at = i;
      const s = template();
      if (s.parts.some((p) => typeof p !== 'string')) fail('interpolated key', at);
      return s.parts.join('');
    }
    return identifier();
  }
  function object() {
    i++;
    const entries = new Map();
    for (;;) {
      skip(true);
      if (text[i] === '}') { i++; return { kind: 'object', entries }; }
      const at = i;
      const key = literalKey();
      skip(false);
      if (text[i] !== '=' && text[i] !== ':') fail(`expected "=" after object key ${JSON.stringify(key)}`);
      i++;
      if (entries.has(key)) fail(`duplicate object key ${JSON.stringify(key)}`, at);
      entries.set(key, expression());
      skip(false);
      if (text[i] === ',') i++;
    }
  }
  function list() {
    i++;
    const items = [];
    for (;;) {
      skip(true);
      if (text[i] === ']') { i++; return { kind: 'list', items }; }
      items.push(expression());
      skip(true);
      if (text[i] === ',') i++;
    }
  }
  function body(closing) {
    const entries = new Map();
    const blocks = [];
    for (;;) {
      skip(true);
      if (i >= text.length) { if (closing) fail('unclosed block'); break; }
      if (text[i] === '}') { if (!closing) fail('unexpected "}"'); i++; break; }
      const at = i;
      const name = identifier();
      skip(false);
      if (text[i] === '=') {
        i++;
        if (entries.has(name)) fail(`attribute ${name} set twice`, at);
        entries.set(name, expression());
        skip(false);
        if (i < text.length && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '}') fail('expected a newline after the attribute');
        continue;
      }
      const labels = [];
      while (text[i] !== '{') {
        labels.push(literalKey());
        skip(false);
        if (i >= text.length) fail('expected "{"');
      }
      i++;
      blocks.push({ type: name, labels, body: body(true), line: lineOf(at) });
    }
    return { entries, blocks };
  }
  return body(false);
}

// The document as a tree: labelled blocks nest by type then labels (`resource` → TYPE → NAME),
// unlabelled nested blocks become {kind:'blocks', items}. Problems (duplicates) go to `report`.
export function hclTree(parsed, report = () => {}) {
  const toBody = (b) => {
    const entries = new Map(b.entries);
    for (const blk of b.blocks) {
      let node = entries;
      if (blk.labels.length === 0) {
        if (!entries.has(blk.type)) entries.set(blk.type, { kind: 'blocks', items: [] });
        const holder = entries.get(blk.type);
        if (holder.kind !== 'blocks') { report(`"${blk.type}" is both an attribute and a block`); continue; }
        holder.items.push(toBody(blk.body));
        continue;
      }
      const chain = [blk.type, ...blk.labels];
      for (const [k, name] of chain.entries()) {
        if (k === chain.length - 1) {
          if (node.has(name)) report(`line ${blk.line}: block ${chain.join('.')} declared twice`);
          else node.set(name, toBody(blk.body));
        } else {
          if (!node.has(name)) node.set(name, { kind: 'group', entries: new Map() });
          node = node.get(name).entries;
        }
      }
    }
    return { kind: 'body', entries };
  };
  return toBody(parsed);
}

// A string's parts as HCL's JSON syntax writes it (what hcl2json returns): literal "${" and
// "%{" escaped as "$${" and "%%{", interpolations as "${expr}".
export function hclJsonForm(parts) {
  return parts.map((p) => (typeof p === 'string' ? p.replace(/([$%])\{/g, '$1$1{') : `\${${p.expr}}`)).join('');
}
