#!/usr/bin/env node
// Checks generated Azure Functions files: every host.json against SchemaStore's host.json
// schema, branch `#/definitions/version-2` (Functions v2+, which requires "version": "2.0"),
// and every function.json (in a function's folder) against SchemaStore's draft-04
// function.json schema. JSON syntax is Node's JSON.parse (RFC 8259).
// Usage: node functions.mjs [--allow-empty] <dir-or-file>...
import fs from 'node:fs';
import path from 'node:path';
import { describeErrors, draft04, draft07, finish, parseArgs, readSchema, walk } from './lib/jsonschema.mjs';

const usage = 'usage: node functions.mjs [--allow-empty] <dir-or-file>...\n'
  + 'Checks every host.json (Functions v2+ schema) and */function.json (function.json schema).\n'
  + '--allow-empty: finding no file is not an error (until the Functions generator exists).';
const { allowEmpty, targets } = parseArgs(process.argv, usage);

const hostSchema = readSchema('schemastore/host.json');
const ajv07 = draft07();
ajv07.addSchema(hostSchema);
const validateHost = ajv07.getSchema(`${hostSchema.$id}#/definitions/version-2`);
const validateFunction = draft04().compile(readSchema('schemastore/function.json'));

const files = walk(targets, (p) => /(^|\/)host\.json$/.test(p) || /\/[^/]+\/function\.json$/.test(p));
const problems = [];
for (const file of files) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${file}: JSON syntax error: ${e.message}`);
    continue;
  }
  const isHost = path.basename(file) === 'host.json';
  const validate = isHost ? validateHost : validateFunction;
  if (!validate(doc)) {
    for (const e of describeErrors(validate.errors)) problems.push(`${file}: ${e}`);
  }
  if (!isHost) {
    // A function folder sits in the app's root, beside host.json.
    const appRoot = path.dirname(path.dirname(file));
    if (!fs.existsSync(path.join(appRoot, 'host.json'))) problems.push(`${file}: no host.json in ${appRoot}`);
    if (!Array.isArray(doc.bindings) || doc.bindings.length === 0) problems.push(`${file}: no bindings`);
    else if (doc.bindings.filter((b) => /Trigger$/.test(b?.type ?? '')).length !== 1) {
      problems.push(`${file}: a function needs exactly one trigger binding`);
    }
  }
}
finish('functions', files, problems, allowEmpty);
