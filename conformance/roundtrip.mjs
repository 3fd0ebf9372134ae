#!/usr/bin/env node
// Reads generated files back with the real parsers and checks that every value written into
// them comes back exactly, and that nothing else appeared: the proof that the writers' escaping
// holds for adversarial strings (see tests/conformance/README.md).
//
// Usage: node roundtrip.mjs <dir>
// <dir> holds expected.json (written by tests/conformance/adversarial_synth.cpp):
//   {"files": {"<relative path>": {
//      "format": "hcl" | "bicep",
//      "blocks": {"resource": ["TYPE.NAME" | "SYMBOL", ...], "output": [...], ...},  exact sets
//      "values": [{"path": [...], "value": "text" | {"template": ["lit", {"expr": "a.b"}, ...]}}],
//      "keys":   [{"path": [...], "keys": [...]}]}}}                                   exact sets
// Paths: block type, labels (or Bicep symbol), then attribute / property names and map keys;
// Bicep decorators are "@description", a .bicepparam value is ["param", NAME, "value"].
//
// .tf files: parsed by HashiCorp's parser (@cdktf/hcl2json) and by lib/hcl.mjs, which decodes
// strings exactly as hclsyntax does; the two must agree on every key and every string (in HCL's
// JSON form) before the expectations are checked on the decoded tree.
// .bicep/.bicepparam: parsed by tree-sitter-bicep; strings decoded by lib/bicep.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { parse as hcl2json } from '@cdktf/hcl2json';
import { findFiles, targets } from './lib/files.mjs';
import { HclSyntaxError, hclJsonForm, hclTree, parseHcl } from './lib/hcl.mjs';
import { decodeBicepString, loadBicepParser, named, propertyKey, shimModernSyntax } from './lib/bicep.mjs';

const show = (v) => JSON.stringify(v).slice(0, 120) + (JSON.stringify(v).length > 120 ? '…' : '');
const showPath = (p) => p.map((k) => (/^[\w@-]+$/.test(k) ? k : JSON.stringify(k))).join('.');

// --- Terraform -----------------------------------------------------------------------------------
// Cross-checks the decoded tree against hcl2json's: same keys everywhere, same strings.
function crossCheck(mine, theirs, where, report) {
  const at = (k) => [...where, k];
  switch (mine.kind) {
    case 'string': {
      const expected = hclJsonForm(mine.parts);
      if (theirs !== expected) report(`${showPath(where)}: HashiCorp's parser reads ${show(theirs)}, the decoder ${show(expected)}`);
      return;
    }
    case 'body':
    case 'group':
    case 'object': {
      const obj = Array.isArray(theirs) && theirs.length === 1 && mine.kind === 'body' ? theirs[0] : theirs;
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) { report(`${showPath(where)}: HashiCorp's parser reads no object here`); return; }
      // Object keys are strings and come back from hcl2json in HCL's JSON form too.
      const a = [...mine.entries.keys()].map((k) => (mine.kind === 'object' ? hclJsonForm([k]) : k)).sort();
      const b = Object.keys(obj).sort();
      if (JSON.stringify(a) !== JSON.stringify(b)) report(`${showPath(where)}: keys differ: HashiCorp's parser ${show(b)}, the decoder ${show(a)}`);
      for (const [k, v] of mine.entries) {
        const theirKey = mine.kind === 'object' ? hclJsonForm([k]) : k;
        if (theirKey in obj) crossCheck(v, obj[theirKey], at(k), report);
      }
      return;
    }
    case 'blocks':
      if (!Array.isArray(theirs) || theirs.length !== mine.items.length) { report(`${showPath(where)}: block count differs`); return; }
      mine.items.forEach((b, n) => crossCheck(b, theirs[n], at(String(n)), report));
      return;
    case 'list':
      if (!Array.isArray(theirs) || theirs.length !== mine.items.length) { report(`${showPath(where)}: list length differs`); return; }
      mine.items.forEach((v, n) => crossCheck(v, theirs[n], at(String(n)), report));
      return;
    default: // bare expressions: rendered differently by hcl2json, not compared
  }
}

async function readTerraform(file, report) {
  const text = fs.readFileSync(file, 'utf8');
  let theirs;
  try {
    theirs = await hcl2json(path.basename(file), text);
  } catch (e) {
    report(`parse error (HashiCorp's parser): ${String(e.message || e).replace(/\s+/g, ' ')}`);
    return null;
  }
  let tree;
  try {
    tree = hclTree(parseHcl(text), report);
  } catch (e) {
    if (!(e instanceof HclSyntaxError)) throw e;
    report(`decoder: ${e.message}`);
    return null;
  }
  crossCheck(tree, theirs, [], report);
  return tree;
}

// Names of the blocks of one kind: resource → "TYPE.NAME", others → "NAME".
function hclBlockNames(tree, kind) {
  const group = tree.entries.get(kind);
  if (!group) return [];
  if (kind === 'resource' || kind === 'data') {
    return [...group.entries].flatMap(([type, g]) => [...g.entries.keys()].map((n) => `${type}.${n}`));
  }
  return [...group.entries.keys()];
}

// --- Bicep ------------------------------------------------------------------------------------------
function bicepValue(node, report, where) {
  switch (node.type) {
    case 'string': {
      const { parts, errors } = decodeBicepString(node);
      for (const e of errors) report(`${showPath(where)}: line ${node.startPosition.row + 1}: ${e}`);
      return { kind: 'string', parts };
    }
    case 'object': {
      const entries = new Map();
      for (const prop of named(node)) {
        if (prop.type !== 'object_property') continue;
        const [keyNode, valueNode] = named(prop);
        if (keyNode.type === 'string') {
          const { parts, errors } = decodeBicepString(keyNode);
          for (const e of errors) report(`${showPath(where)}: key at line ${keyNode.startPosition.row + 1}: ${e}`);
          if (parts.some((p) => typeof p !== 'string')) continue; // computed key
        }
        const key = propertyKey(keyNode);
        if (entries.has(key)) report(`${showPath([...where, key])}: property written twice`);
        entries.set(key, valueNode ? bicepValue(valueNode, report, [...where, key]) : { kind: 'expr', text: '' });
      }
      return { kind: 'object', entries };
    }
    case 'array':
      return { kind: 'list', items: named(node).map((n, k) => bicepValue(n, report, [...where, String(k)])) };
    default:
      return { kind: 'expr', text: node.text };
  }
}

function readBicep(parser, file, report) {
  const isParams = file.endsWith('.bicepparam');
  const text = fs.readFileSync(file, 'utf8');
  const root = parser.parse(shimModernSyntax(text, isParams)).rootNode;
  if (root.hasError) {
    const first = [];
    const visit = (n) => {
      if (first.length) return;
      if (n.type === 'ERROR' || n.isMissing) first.push(n);
      else if (n.hasError) n.children.forEach(visit);
    };
    visit(root);
    const n = first[0] ?? root;
    report(`syntax error (tree-sitter-bicep) at line ${n.startPosition.row + 1}: ${show(n.text.split('\n')[0])}`);
    return null;
  }
  const tree = { kind: 'body', entries: new Map() };
  const group = (kind) => {
    if (!tree.entries.has(kind)) tree.entries.set(kind, { kind: 'group', entries: new Map() });
    return tree.entries.get(kind).entries;
  };
  const declare = (kind, name, value) => {
    const g = group(kind);
    if (g.has(name)) report(`${kind} ${name} declared twice`);
    g.set(name, value);
  };
  let decorators = [];
  for (const stmt of root.namedChildren) {
    if (stmt.type === 'comment') continue;
    if (stmt.type === 'decorators') { decorators = named(stmt).length ? stmt.namedChildren : []; continue; }
    const parts = named(stmt);
    const entries = new Map();
    for (const d of decorators) {
      const call = d.namedChildren.find((c) => c.type === 'call_expression');
      if (!call) continue;
      const fn = call.namedChildren[0].text;
      const args = call.namedChildren.find((c) => c.type === 'arguments');
      const arg = args && named(args)[0];
      entries.set(`@${fn}`, arg ? bicepValue(arg, report, [stmt.type, `@${fn}`]) : { kind: 'expr', text: '' });
    }
    decorators = [];
    const name = parts[0]?.text;
    switch (stmt.type) {
      case 'resource_declaration':
        declare('resource', name, bicepValue(parts[parts.length - 1], report, ['resource', name]));
        break;
      case 'module_declaration':
        declare('module', name, bicepValue(parts[parts.length - 1], report, ['module', name]));
        break;
      case 'parameter_declaration':
        if (parts[1]) entries.set('type', { kind: 'expr', text: parts[1].text });
        declare('param', name, { kind: 'body', entries });
        break;
      case 'variable_declaration': // `param x = v` in a .bicepparam, shimmed to `var x = v`
        entries.set('value', bicepValue(parts[parts.length - 1], report, [isParams ? 'param' : 'var', name, 'value']));
        declare(isParams ? 'param' : 'var', name, { kind: 'body', entries });
        break;
      case 'output_declaration':
        entries.set('type', { kind: 'expr', text: parts[1].text });
        entries.set('value', bicepValue(parts[parts.length - 1], report, ['output', name, 'value']));
        declare('output', name, { kind: 'body', entries });
        break;
      default:
        break;
    }
  }
  return tree;
}

// --- expectations ---------------------------------------------------------------------------------
function lookup(tree, p) {
  let node = tree;
  for (const k of p) {
    if (!node) return undefined;
    if (node.kind === 'blocks' || node.kind === 'list') node = node.items[Number(k)];
    else if (node.entries) node = node.entries.get(k);
    else return undefined;
  }
  return node;
}

// Adjacent literals merged, empty ones dropped: the canonical parts of a string.
function canonicalParts(value) {
  const raw = typeof value === 'string' ? [value] : value.template;
  const out = [];
  for (const p of raw) {
    if (typeof p === 'string') {
      if (!p) continue;
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += p;
      else out.push(p);
    } else out.push({ expr: p.expr });
  }
  return out;
}

function checkExpectations(tree, spec, report) {
  let checked = 0;
  for (const [kind, names] of Object.entries(spec.blocks || {})) {
    const actual = new Set(spec.format === 'hcl' ? hclBlockNames(tree, kind)
      : [...(tree.entries.get(kind)?.entries.keys() ?? [])]);
    const expected = new Set(names);
    for (const n of expected) if (!actual.has(n)) report(`missing ${kind} ${n}`);
    for (const n of actual) if (!expected.has(n)) report(`unexpected ${kind} ${n}`);
  }
  for (const { path: p, value } of spec.values || []) {
    checked++;
    const node = lookup(tree, p);
    if (!node) { report(`${showPath(p)}: missing`); continue; }
    if (node.kind !== 'string') { report(`${showPath(p)}: not a string (${node.kind})`); continue; }
    const want = canonicalParts(value);
    if (JSON.stringify(node.parts) !== JSON.stringify(want)) {
      report(`${showPath(p)}: reads back as ${show(node.parts)}, expected ${show(want)}`);
    }
  }
  for (const { path: p, keys } of spec.keys || []) {
    const node = lookup(tree, p);
    if (!node || !node.entries) { report(`${showPath(p)}: missing or not an object`); continue; }
    const expected = new Set(keys);
    for (const k of expected) if (!node.entries.has(k)) report(`${showPath(p)}: missing key ${show(k)}`);
    for (const k of node.entries.keys()) if (!expected.has(k)) report(`${showPath(p)}: unexpected key ${show(k)}`);
  }
  return checked;
}

async function main() {
  const usage = 'usage: node roundtrip.mjs <dir>\n'
    + 'Reads every .tf, .bicep and .bicepparam under <dir> back and checks them against <dir>/expected.json.';
  const [dir] = targets(process.argv, usage);
  const expectedFile = path.join(dir, 'expected.json');
  if (!fs.existsSync(expectedFile)) { console.error(`${expectedFile}: no such file`); process.exit(2); }
  const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')).files;
  const files = findFiles(dir, ['.tf', '.bicep', '.bicepparam']);
  const parser = await loadBicepParser();
  const problems = [];
  let values = 0;
  for (const file of files) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const report = (msg) => problems.push(`${rel}: ${msg}`);
    const tree = file.endsWith('.tf') ? await readTerraform(file, report) : readBicep(parser, file, report);
    if (tree && expected[rel]) values += checkExpectations(tree, expected[rel], report);
  }
  for (const rel of Object.keys(expected)) {
    if (!fs.existsSync(path.join(dir, rel))) problems.push(`${rel}: expected but not generated`);
  }
  for (const p of problems) console.log(p);
  if (problems.length) {
    console.log(`roundtrip: ${problems.length} problem(s) in ${files.length} files`);
    process.exit(1);
  }
  console.log(`roundtrip: ${files.length} files, ${values} values read back exactly`);
}

await main();
