#!/usr/bin/env node
// Checks SARIF logs (`iacgen check --format sarif`) against the SARIF 2.1.0 JSON schema, and
// that every result names a rule the run's driver declares (code-scanning views need both).
// Usage: node sarif.mjs <file.sarif>...
import fs from 'node:fs';
import { describeErrors, draft07, readSchema } from './lib/jsonschema.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node sarif.mjs <file.sarif>...');
  process.exit(2);
}
// `format` keywords (uri, date-time) are not checked: ajv-formats is not a dependency.
const validate = draft07({ validateFormats: false }).compile(readSchema('schemastore/sarif-2.1.0.json'));
const problems = [];
let results = 0;
for (const file of files) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${file}: not JSON: ${e.message}`);
    continue;
  }
  if (!validate(log)) for (const e of describeErrors(validate.errors)) problems.push(`${file}: ${e}`);
  for (const [r, run] of (log.runs || []).entries()) {
    const ids = (run.tool?.driver?.rules || []).map((rule) => rule.id);
    for (const [i, result] of (run.results || []).entries()) {
      results += 1;
      if (!ids.includes(result.ruleId)) problems.push(`${file}: runs[${r}].results[${i}]: rule ${result.ruleId} is not declared`);
      if (ids[result.ruleIndex] !== result.ruleId) problems.push(`${file}: runs[${r}].results[${i}]: ruleIndex does not point at ${result.ruleId}`);
    }
  }
}
for (const p of problems) console.log(p);
if (problems.length) {
  console.log(`sarif: ${problems.length} problem(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`sarif: ${files.length} files, ${results} results checked`);
