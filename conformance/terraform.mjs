#!/usr/bin/env node
// Checks generated Terraform: HCL syntax (HashiCorp's parser via @cdktf/hcl2json),
// `terraform fmt` canonical form (hclwrite via @cdktf/hcl-tools) and the azurerm 4.55.0
// resource schemas vendored in schemas/azurerm/.
// Usage: node terraform.mjs <dir-or-file>...
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';
import { format } from '@cdktf/hcl-tools';
import { findFiles, targets, smallDiff } from './lib/files.mjs';

const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas', 'azurerm');
const META_ARGS = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle']);
const TOP_LEVEL = new Set(['terraform', 'provider', 'variable', 'output', 'locals', 'import', 'data', 'resource']);
// Data sources allowed without a schema, with no arguments.
const DATA_SOURCES = new Set(['azurerm_client_config']);
// terraform_remote_state (built into Terraform): another stack's state in the azurerm backend.
// The settings of that backend a stack may pass (terraform/internal/backend/remote-state/azure).
const AZURERM_BACKEND = new Set([
  'resource_group_name', 'storage_account_name', 'container_name', 'key', 'use_azuread_auth',
  'subscription_id', 'tenant_id', 'client_id', 'use_oidc', 'use_msi', 'environment', 'snapshot',
  'lookup_blob_endpoint']);
const REMOTE_STATE_REQUIRED = ['storage_account_name', 'container_name', 'key'];
function checkRemoteState(body, where, problems) {
  for (const key of Object.keys(body)) {
    if (!['backend', 'config', 'defaults', 'workspace', ...META_ARGS].includes(key)) {
      problems.push(`${where}: unknown attribute or block "${key}"`);
    }
  }
  if (body.backend !== 'azurerm') problems.push(`${where}: backend must be "azurerm", not ${JSON.stringify(body.backend)}`);
  const config = body.config;
  if (!isPlainObject(config)) { problems.push(`${where}: "config" must be an object`); return; }
  for (const key of Object.keys(config)) {
    if (!AZURERM_BACKEND.has(key)) problems.push(`${where}: config: unknown azurerm backend setting "${key}"`);
  }
  for (const key of REMOTE_STATE_REQUIRED) {
    if (!(key in config)) problems.push(`${where}: config: missing "${key}"`);
  }
  if ('access_key' in config || 'sas_token' in config) problems.push(`${where}: config: storage keys must not be used`);
}

const schemaCache = new Map();
// `data/` holds the data sources' schemas (same format, `data_source_type`).
function loadSchema(type, dir = '') {
  const key = `${dir}/${type}`;
  if (!schemaCache.has(key)) {
    const file = path.join(SCHEMA_DIR, dir, `${type}.json`);
    schemaCache.set(key, /^[a-z0-9_]+$/.test(type) && fs.existsSync(file)
      ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
  }
  return schemaCache.get(key);
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isBlockList = (v) => Array.isArray(v) && v.every(isPlainObject);
const computedOnly = (a) => a.computed && !a.optional && !a.required;

// Checks one block body (as rendered by hcl2json) against a schema node
// {attributes, blocks}. `where` is the dotted path used in messages.
function checkBody(body, schema, where, report, top) {
  const attrs = schema.attributes || {};
  const blocks = schema.blocks || {};
  const at = (name) => (where ? `${where}.${name}` : name);
  const dynamicNames = new Set();

  for (const [name, value] of Object.entries(body)) {
    if (top && META_ARGS.has(name)) continue;
    if (name === 'dynamic' && !attrs.dynamic && !blocks.dynamic) {
      for (const [blockName, list] of Object.entries(value)) {
        dynamicNames.add(blockName);
        const bs = blocks[blockName];
        if (!bs) { report(`unknown block "${at(blockName)}" (in dynamic block)`); continue; }
        for (const dyn of list) {
          for (const content of dyn.content || []) checkBody(content, bs, at(blockName), report, false);
        }
      }
      continue;
    }
    if (attrs[name]) {
      const a = attrs[name];
      if (top && name === 'id') report('"id" must not be set');
      else if (computedOnly(a)) report(`"${at(name)}" is computed-only (read-only) and must not be set`);
      else if (isBlockList(value) && value.length > 0 && !/^(list|set)\(/.test(a.type || '')) {
        report(`"${at(name)}" is an attribute (${a.type}); write "${name} = ...", not a block`);
      }
      continue;
    }
    if (blocks[name]) {
      const b = blocks[name];
      if (!Array.isArray(value) || (!b.config_mode_attr && !isBlockList(value))) {
        // config_mode_attr blocks also accept `name = <expression>`.
        if (!b.config_mode_attr) report(`"${at(name)}" is a block; write "${name} { ... }", not an attribute`);
        continue;
      }
      if (b.max_items !== undefined && value.length > b.max_items) {
        report(`block "${at(name)}" appears ${value.length} times, at most ${b.max_items} allowed`);
      }
      if (b.min_items && value.length < b.min_items) {
        report(`block "${at(name)}" appears ${value.length} times, at least ${b.min_items} required`);
      }
      for (const item of value) if (isPlainObject(item)) checkBody(item, b, at(name), report, false);
      continue;
    }
    report(`unknown attribute or block "${at(name)}"`);
  }

  for (const [name, a] of Object.entries(attrs)) {
    if (a.required && !(name in body)) report(`missing required attribute "${at(name)}"`);
  }
  for (const [name, b] of Object.entries(blocks)) {
    if ((b.required || b.min_items > 0) && !(name in body) && !dynamicNames.has(name)) {
      report(`missing required block "${at(name)}"`);
    }
  }
}

// `terraform fmt` runs hclwrite's formatter (checked by byte equality) and then also
// rewrites a few things hclwrite leaves alone (see formatBody in terraform's
// internal/command/fmt.go). Those are detected here on single lines.
function fmtExtras(text, doc) {
  const found = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*[A-Za-z_][\w-]*\s*=\s*"\$\{(.*)$/.exec(l);
    if (m && interpolationOnly(m[1])) found.push(`line ${i + 1}: "\${...}" around a lone expression; write the expression unquoted`);
    const h = /^\s*[A-Za-z_][\w-]*((?:\s+(?:"[^"]*"|[A-Za-z_][\w-]*))+)\s*\{\s*\}?\s*$/.exec(l);
    if (h && /[A-Za-z_]/.test(h[1].replace(/"[^"]*"/g, ''))) found.push(`line ${i + 1}: block labels must be quoted`);
  });
  for (const [name, list] of Object.entries(doc.variable || {})) {
    for (const v of list) {
      if (typeof v.type !== 'string') continue;
      if (!v.type.startsWith('${')) found.push(`variable "${name}": quoted type constraint "${v.type}"`);
      else if (/^\$\{(list|map|set)\}$/.test(v.type)) found.push(`variable "${name}": write ${v.type.slice(2, -1)}(any)`);
    }
  }
  return found;
}

// True if `rest` (the text after `"${`) closes that interpolation and then the string.
function interpolationOnly(rest) {
  let depth = 1;
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return /^"\s*(#.*|\/\/.*)?$/.test(rest.slice(i + 1));
  }
  return false;
}

// Returns the number of resources checked.
function checkDocument(doc, file, problems) {
  let resources = 0;
  for (const kind of Object.keys(doc)) {
    if (!TOP_LEVEL.has(kind)) problems.push(`${file}: unsupported top-level block "${kind}"`);
  }
  for (const [name, list] of Object.entries(doc.provider || {})) {
    if (name !== 'azurerm') { problems.push(`${file}: provider "${name}": no schema for this provider`); continue; }
    for (const p of list) {
      if (!Array.isArray(p.features)) problems.push(`${file}: provider "azurerm": missing required block "features"`);
    }
  }
  for (const [type, byName] of Object.entries(doc.data || {})) {
    for (const [name, list] of Object.entries(byName)) {
      const where = `${file}: data ${type}.${name}`;
      if (type === 'terraform_remote_state') {
        for (const body of list) checkRemoteState(body, where, problems);
        continue;
      }
      const schema = DATA_SOURCES.has(type) ? null : loadSchema(type, 'data');
      if (schema) {
        const report = (msg) => problems.push(`${where}: ${msg}`);
        if (list.length > 1) report(`declared ${list.length} times in this file`);
        for (const body of list) checkBody(body, schema, '', report, true);
        continue;
      }
      if (!DATA_SOURCES.has(type)) { problems.push(`${where}: no schema for data source ${type}`); continue; }
      for (const body of list) {
        for (const key of Object.keys(body)) {
          if (!META_ARGS.has(key)) problems.push(`${where}: unknown attribute or block "${key}"`);
        }
      }
    }
  }
  // import { to = <type>.<label>, id = "<string>" } (Terraform >= 1.5): `to` names a resource
  // of a type with a schema; `id` is a string known at plan time (literal or interpolation).
  for (const block of doc.import || []) {
    const where = `${file}: import`;
    const to = typeof block.to === 'string' ? /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\}$/.exec(block.to) : null;
    if (!to) { problems.push(`${where}: "to" must be a resource address, got ${JSON.stringify(block.to)}`); continue; }
    if (!loadSchema(to[1])) problems.push(`${where} ${to[1]}.${to[2]}: no schema for ${to[1]}`);
    if (typeof block.id !== 'string' || block.id === '') problems.push(`${where} ${to[1]}.${to[2]}: "id" must be a string`);
    else if (/\$\{(?!var\.)/.test(block.id)) problems.push(`${where} ${to[1]}.${to[2]}: "id" may interpolate variables only (known at plan time): ${block.id}`);
    for (const key of Object.keys(block)) {
      if (!['to', 'id', 'provider', 'for_each'].includes(key)) problems.push(`${where} ${to[1]}.${to[2]}: unknown argument "${key}"`);
    }
  }
  for (const [type, byName] of Object.entries(doc.resource || {})) {
    const schema = loadSchema(type);
    for (const [name, list] of Object.entries(byName)) {
      resources++;
      const report = (msg) => problems.push(`${file}: resource ${type}.${name}: ${msg}`);
      if (!schema) { report(`no schema for ${type}`); continue; }
      if (list.length > 1) report(`declared ${list.length} times in this file`);
      for (const body of list) checkBody(body, schema, '', report, true);
    }
  }
  return resources;
}

async function main() {
  const usage = 'usage: node terraform.mjs <dir-or-file>...\n'
    + 'Checks every *.tf: HCL syntax, terraform fmt form, azurerm 4.55.0 resource schemas.';
  const files = targets(process.argv, usage).flatMap((t) => findFiles(t, ['.tf']));
  const problems = [];
  let resources = 0;
  const seen = new Map(); // TYPE.NAME -> file, per directory (one Terraform module)
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    let doc;
    try {
      doc = await parse(path.basename(file), text);
    } catch (e) {
      problems.push(`${file}: parse error: ${String(e.message || e).replace(/\s+/g, ' ')}`);
      continue;
    }
    const formatted = await format(text);
    if (formatted !== text) {
      problems.push(`${file}: not in terraform fmt canonical form\n${smallDiff(text, formatted)}`);
    }
    for (const p of fmtExtras(text, doc)) problems.push(`${file}: not in terraform fmt canonical form: ${p}`);
    resources += checkDocument(doc, file, problems);
    for (const [type, byName] of Object.entries(doc.resource || {})) {
      for (const name of Object.keys(byName)) {
        const key = `${path.dirname(file)}\0${type}.${name}`;
        if (seen.has(key)) problems.push(`${file}: resource ${type}.${name}: also declared in ${seen.get(key)}`);
        else seen.set(key, file);
      }
    }
  }
  if (files.length === 0) problems.push(`${process.argv.slice(2).join(' ')}: no *.tf files found`);
  for (const p of problems) console.log(p);
  if (problems.length) {
    console.log(`terraform: ${problems.length} problem(s) in ${files.length} files`);
    process.exit(1);
  }
  console.log(`terraform: ${files.length} files, ${resources} resources checked`);
}

await main();
