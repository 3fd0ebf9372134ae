#!/usr/bin/env node
// Checks generated Bicep: syntax (tree-sitter-bicep grammar, run in web-tree-sitter),
// resource types and API versions (schemas/bicep/resource-versions.json) and resource
// bodies against the Bicep type data of Azure/bicep-types-az (schemas/bicep/index.json).
// Usage: node bicep.mjs <dir-or-file>...
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFiles, targets } from './lib/files.mjs';
import { bodyObject, line, literalString, loadBicepParser, named, propertyKey, shimModernSyntax } from './lib/bicep.mjs';

const TYPES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas', 'bicep');
const readJson = (f) => JSON.parse(fs.readFileSync(path.join(TYPES_DIR, f), 'utf8'));

const FLAG_REQUIRED = 1;
const FLAG_READONLY = 2;
const KEYWORDS = new Set(['parent', 'scope', 'dependsOn']); // Bicep keywords in a resource body
const EXISTING_ALLOWED = new Set(['name', 'scope', 'parent']);

// --- type data ---------------------------------------------------------------------------
const versions = readJson('resource-versions.json').types; // canonical type -> [api versions]
const canonicalType = new Map(Object.keys(versions).map((t) => [t.toLowerCase(), t]));
const indexRefs = new Map(Object.entries(readJson('index.json').resources)
  .map(([k, v]) => [k.toLowerCase(), v.$ref]));
const typeFiles = new Map();

// The body type of `type@version`, as {types, body} (types: the file's type array), or null.
function resourceBodyType(type, version) {
  const ref = indexRefs.get(`${type}@${version}`.toLowerCase());
  if (!ref) return null;
  const [file, pointer] = ref.split('#/');
  if (!typeFiles.has(file)) typeFiles.set(file, readJson(file));
  const types = typeFiles.get(file);
  return { types, body: types[Number(pointer)].body };
}

// --- checks --------------------------------------------------------------------------------
function syntaxProblems(root, report) {
  let n = 0;
  const visit = (node) => {
    if (n >= 10) return;
    if (node.isMissing) {
      n++;
      report(node, `${node.startPosition.column + 1}: syntax error: missing ${node.type}`);
    } else if (node.type === 'ERROR') {
      n++;
      const near = node.text.split('\n')[0].slice(0, 40);
      report(node, `${node.startPosition.column + 1}: syntax error near ${JSON.stringify(near)}`);
      return;
    }
    if (node.hasError) for (const c of node.children) visit(c);
  };
  visit(root);
  return n;
}

// Checks a value node against a type ({$ref} into `types`).
function checkValue(node, typeRef, where, ctx, top = false) {
  const type = ctx.types[Number(typeRef.$ref.slice(2))];
  const deref = (r) => ctx.types[Number(r.$ref.slice(2))];
  switch (type.$type) {
    case 'ObjectType':
      if (node.type === 'object') checkObject(node, type.properties || {}, type.additionalProperties, where, ctx, top);
      break;
    case 'DiscriminatedObjectType': {
      if (node.type !== 'object') break;
      const discProp = named(node).find((p) => p.type === 'object_property'
        && named(p)[0].type !== 'resource_declaration' && propertyKey(named(p)[0]) === type.discriminator);
      const value = discProp && literalString(named(discProp)[1]);
      if (!discProp) ctx.report(node, `missing required property '${where}${type.discriminator}'`);
      if (value === undefined) {
        // Variant not known statically: check only the common properties, allow any other.
        checkObject(node, type.baseProperties || {}, { $ref: '#/-1' }, where, ctx, top);
        break;
      }
      const variant = type.elements[value];
      if (!variant) {
        ctx.report(discProp, `'${value}' is not a valid value of ${where}${type.discriminator}; allowed: ${Object.keys(type.elements).join(', ')}`);
        break;
      }
      const v = deref(variant);
      checkObject(node, { ...type.baseProperties, ...v.properties }, v.additionalProperties, where, ctx, top);
      break;
    }
    case 'ArrayType': {
      const items = node.type === 'array' ? named(node) : node.type === 'for_statement' ? [node.childForFieldName('body')] : [];
      for (const item of items) {
        const obj = item && (item.type === 'if_statement' ? bodyObject(item) : item);
        if (obj) checkValue(obj, type.itemType, `${where.replace(/\.$/, '')}[].`, ctx);
      }
      break;
    }
    case 'UnionType':
    case 'StringLiteralType': {
      const value = literalString(node);
      if (value === undefined) break;
      const members = type.$type === 'UnionType' ? type.elements.map(deref) : [type];
      if (!members.every((m) => m.$type === 'StringLiteralType')) break; // open (string) or mixed
      const allowed = members.map((m) => m.value);
      if (!allowed.includes(value)) {
        ctx.report(node, `'${value}' is not an allowed value of ${where.replace(/\.$/, '')}; allowed: ${allowed.map((a) => `'${a}'`).join(', ')}`);
      }
      break;
    }
    default:
      break;
  }
}

// `additional`: the additionalProperties type, {$ref:'#/-1'} = anything, undefined = none.
function checkObject(node, props, additional, where, ctx, top) {
  const present = new Set();
  const byLower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
  for (const prop of named(node)) {
    if (prop.type !== 'object_property') continue;
    const [keyNode, valueNode] = named(prop);
    if (keyNode.type === 'resource_declaration') { ctx.nested(keyNode); continue; }
    const key = propertyKey(keyNode);
    if (key === undefined) continue; // interpolated key
    if (top && KEYWORDS.has(key)) continue;
    const name = byLower.get(key.toLowerCase());
    if (name === undefined) {
      if (!additional) ctx.report(keyNode, `unknown property '${where}${key}'`);
      else if (additional.$ref !== '#/-1' && valueNode) checkValue(valueNode, additional, `${where}${key}.`, ctx);
      continue;
    }
    if (name !== key) ctx.report(keyNode, `property '${where}${key}' should be written '${name}'`);
    present.add(name);
    if (props[name].flags & FLAG_READONLY) {
      ctx.report(keyNode, `property '${where}${name}' is read-only and must not be set`);
      continue;
    }
    if (valueNode) checkValue(valueNode, props[name].type, `${where}${name}.`, ctx);
  }
  // A spread (shimmed to a "//." comment) may supply any property.
  if (node.children.some((c) => c.type === 'comment' && c.text.startsWith('//.'))) return;
  for (const [name, p] of Object.entries(props)) {
    if ((p.flags & FLAG_REQUIRED) && !(p.flags & FLAG_READONLY) && !present.has(name)) {
      ctx.report(node, `missing required property '${where}${name}'`);
    }
  }
}

// Checks one resource declaration; `parent` = {type, version} of the enclosing resource.
function checkResource(decl, file, problems, parent) {
  const parts = named(decl);
  const sym = parts[0].text;
  const existing = decl.children.some((c) => c.type === 'existing');
  const report = (node, msg) => problems.push(`${file}:${line(node)}: resource ${sym}: ${msg}`);
  let count = 1;
  const nested = [];
  const spec = literalString(parts[1]);
  if (spec === undefined) { report(parts[1], 'the resource type must be a plain string literal'); return count; }
  let [type, version] = spec.split('@');
  if (parent && !type.includes('/')) {
    type = `${parent.type}/${type}`;
    version = version ?? parent.version;
  }
  const canonical = canonicalType.get(type.toLowerCase());
  const body = bodyObject(parts[2]);
  const checkNested = () => {
    for (const child of nested) count += checkResource(child, file, problems, { type: canonical ?? type, version });
  };
  const collectNested = (obj) => {
    for (const p of named(obj)) if (p.type === 'object_property' && named(p)[0].type === 'resource_declaration') nested.push(named(p)[0]);
  };
  if (!version) report(parts[1], `resource type '${spec}' has no API version`);
  if (!canonical) {
    report(parts[1], `unknown resource type '${type}'`);
  } else {
    if (canonical !== type) report(parts[1], `resource type '${type}' should be written '${canonical}'`);
    if (version && !versions[canonical].includes(version)) {
      report(parts[1], `unknown API version '${version}' for ${canonical}; known: ${versions[canonical].slice(-6).join(', ')}`);
    }
  }
  if (!body) return count;
  const bodyType = canonical && version && !existing ? resourceBodyType(canonical, version) : null;
  if (existing) {
    for (const p of named(body)) {
      if (p.type !== 'object_property') continue;
      const keyNode = named(p)[0];
      if (keyNode.type === 'resource_declaration') continue;
      const key = propertyKey(keyNode);
      if (key !== undefined && !EXISTING_ALLOWED.has(key)) report(keyNode, `property '${key}' is not allowed on an existing resource (only name, scope, parent)`);
    }
    collectNested(body);
  } else if (bodyType) {
    const ctx = { types: bodyType.types, report, nested: (d) => nested.push(d) };
    checkValue(body, bodyType.body, '', ctx, true);
  } else {
    collectNested(body);
  }
  checkNested();
  return count;
}

function checkFile(parser, file, problems) {
  const isParams = file.endsWith('.bicepparam');
  const text = fs.readFileSync(file, 'utf8');
  const tree = parser.parse(shimModernSyntax(text, isParams));
  const root = tree.rootNode;
  if (syntaxProblems(root, (node, msg) => problems.push(`${file}:${line(node)}:${msg}`))) return 0;
  if (isParams && !root.namedChildren.some((c) => c.type === 'using_statement')) {
    problems.push(`${file}:1: a .bicepparam file needs a using statement`);
  }
  let resources = 0;
  for (const stmt of root.namedChildren) {
    if (stmt.type === 'resource_declaration') resources += checkResource(stmt, file, problems, null);
  }
  return resources;
}

async function main() {
  const usage = 'usage: node bicep.mjs <dir-or-file>...\n'
    + 'Checks every *.bicep and *.bicepparam: syntax, resource types, API versions, properties.';
  const files = targets(process.argv, usage).flatMap((t) => findFiles(t, ['.bicep', '.bicepparam']));
  const parser = await loadBicepParser();
  const problems = [];
  let resources = 0;
  for (const file of files) resources += checkFile(parser, file, problems);
  if (files.length === 0) problems.push(`${process.argv.slice(2).join(' ')}: no *.bicep or *.bicepparam files found`);
  for (const p of problems) console.log(p);
  if (problems.length) {
    console.log(`bicep: ${problems.length} problem(s) in ${files.length} files`);
    process.exit(1);
  }
  console.log(`bicep: ${files.length} files, ${resources} resources checked`);
}

await main();
