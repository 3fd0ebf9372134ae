// JSON Schema validation with ajv for the vendored schemas in schemas/, and shared command-line
// handling of the JSON/YAML checkers (functions.mjs, pipelines.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// ajv and ajv-draft-04 are CommonJS; their default export is the class.
const Ajv = require('ajv').default;
const AjvDraft04 = require('ajv-draft-04').default;

export const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
export const readSchema = (rel) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, rel), 'utf8'));

// Non-strict and without the regex u flag, as SchemaStore runs its schemas: they carry
// annotations ajv's strict mode refuses and patterns (e.g. \:) that are invalid under u.
export function draft07(extra = {}) { return new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, ...extra }); }
export function draft04() { return new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false }); }

// ajv errors as short lines, at most `max`.
export function describeErrors(errors, max = 8) {
  const lines = (errors || []).map((e) => {
    const where = e.instancePath || '/';
    const extra = e.params?.additionalProperty ? ` (${JSON.stringify(e.params.additionalProperty)})`
      : e.params?.allowedValues ? ` (${e.params.allowedValues.slice(0, 8).map((v) => JSON.stringify(v)).join(', ')})` : '';
    return `${where}: ${e.message}${extra}`;
  });
  const unique = [...new Set(lines)];
  return unique.length > max ? [...unique.slice(0, max), `… ${unique.length - max} more`] : unique;
}

// Every file under the targets for which `wanted(relativePath)` holds, sorted; unlike
// findFiles this enters dot-directories (.github), but never node_modules or .git.
export function walk(targets, wanted) {
  const out = [];
  for (const t of targets) {
    const visit = (p) => {
      const st = fs.statSync(p);
      if (st.isDirectory()) {
        for (const name of fs.readdirSync(p)) {
          if (name === 'node_modules' || name === '.git') continue;
          visit(path.join(p, name));
        }
      } else if (wanted(p.split(path.sep).join('/'))) out.push(p);
    };
    visit(t);
  }
  return [...new Set(out)].sort();
}

// `[--allow-empty] <dir-or-file>...`
export function parseArgs(argv, usage) {
  const args = argv.slice(2);
  const allowEmpty = args.includes('--allow-empty');
  const targets = args.filter((a) => a !== '--allow-empty');
  if (targets.length === 0 || targets.some((a) => a === '-h' || a === '--help')) {
    console.error(usage);
    process.exit(2);
  }
  for (const a of targets) {
    if (!fs.existsSync(a)) {
      console.error(`${a}: no such file or directory`);
      process.exit(2);
    }
  }
  return { allowEmpty, targets };
}

// Prints the problems and the summary line, and exits. No file found is a problem unless
// --allow-empty was given, for generators that do not exist yet.
export function finish(name, files, problems, allowEmpty, detail) {
  if (files.length === 0) {
    if (allowEmpty && problems.length === 0) {
      console.log(`${name}: 0 files (nothing generated yet)`);
      process.exit(0);
    }
    problems.push(`no ${name} files found (pass --allow-empty while no generator writes them)`);
  }
  for (const p of problems) console.log(p);
  if (problems.length) {
    console.log(`${name}: ${problems.length} problem(s) in ${files.length} files`);
    process.exit(1);
  }
  console.log(`${name}: ${files.length} files checked${detail ? `, ${detail}` : ''}`);
  process.exit(0);
}
