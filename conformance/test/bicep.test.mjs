// Self-tests of bicep.mjs: the good fixtures pass, every check can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const script = here('../bicep.mjs');
const fixtures = here('./fixtures/bicep/');

function run(target) {
  const r = spawnSync(process.execPath, [script, target], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  const problems = lines.filter((l) => !l.startsWith('bicep: '));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, problems, summary: lines[lines.length - 1] };
}

test('good fixture (main.bicep, resources.bicep, main.bicepparam) passes', () => {
  const r = run(`${fixtures}good`);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.summary, 'bicep: 3 files, 13 resources checked');
});

test('newer syntax the grammar lacks (shimmed) passes', () => {
  const r = run(`${fixtures}modern`);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.summary, 'bicep: 2 files, 1 resources checked');
});

// file -> [line, expected text]
const bad = {
  'syntax_error.bicep': ['3:1', 'syntax error'],
  'params_syntax_error.bicepparam': ['4:1', "syntax error: missing '"],
  'params_missing_using.bicepparam': ['1', 'needs a using statement'],
  'unknown_type.bicep': ['1', "resource kv: unknown resource type 'Microsoft.KeyVault/vault'"],
  'type_casing.bicep': ['1', "should be written 'Microsoft.KeyVault/vaults'"],
  'unknown_api_version.bicep': ['1', "unknown API version '2024-13-01' for Microsoft.KeyVault/vaults"],
  'unknown_property.bicep': ['10', "unknown property 'properties.enablePurgeProtections'"],
  'bad_enum.bicep': ['8', "'Standard' is not an allowed value of properties.sku.name; allowed: 'standard', 'premium'"],
  'array_item_enum.bicep': ['14', "'Deny' is not an allowed value of properties.networkAcls.ipRules[].action"],
  'read_only.bicep': ['7', "property 'sku.tier' is read-only"],
  'missing_required.bicep': ['4', "missing required property 'properties.tenantId'"],
  'bad_discriminator.bicep': ['7', "'appsetings' is not a valid value of name"],
  'discriminated_unknown_property.bicep': ['10', "unknown property 'properties.ftpState'"],
  'existing_extra.bicep': ['3', "property 'location' is not allowed on an existing resource"],
};

for (const [file, [where, expected]] of Object.entries(bad)) {
  test(`bad fixture ${file} fails with exactly one problem`, () => {
    const r = run(`${fixtures}bad/${file}`);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.equal(r.problems.length, 1, r.stdout);
    assert.ok(r.problems[0].startsWith(`${fixtures}bad/${file}:${where}: `), r.stdout);
    assert.ok(r.problems[0].includes(expected), `expected "${expected}" in:\n${r.stdout}`);
    assert.equal(r.summary, 'bicep: 1 problem(s) in 1 files');
  });
}

test('a directory with bad files fails, one problem per bad fixture', () => {
  const r = run(`${fixtures}bad`);
  assert.equal(r.status, 1);
  assert.equal(r.problems.length, Object.keys(bad).length, r.stdout);
});

test('a directory without Bicep files fails', () => {
  const r = run(here('./fixtures/terraform/good'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /no \*\.bicep or \*\.bicepparam files found/);
});
