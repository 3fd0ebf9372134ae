// Self-tests of terraform.mjs: the good fixture passes, every check can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const script = here('../terraform.mjs');
const fixtures = here('./fixtures/terraform/');

function run(target) {
  const r = spawnSync(process.execPath, [script, target], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  // Problem lines: everything but the summary and the indented diff lines.
  const problems = lines.filter((l) => !l.startsWith('  ') && !l.startsWith('terraform: '));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, problems, summary: lines[lines.length - 1] };
}

test('good fixture (azurerm 4.55 style module) passes', () => {
  const r = run(`${fixtures}good`);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.summary, 'terraform: 4 files, 5 resources checked');
});

const bad = {
  'unparsable.tf': 'parse error: ',
  'not_fmt.tf': 'not in terraform fmt canonical form',
  'not_fmt_interpolation.tf': 'not in terraform fmt canonical form: line 2: "${...}" around a lone expression',
  'not_fmt_labels.tf': 'not in terraform fmt canonical form: line 1: block labels must be quoted',
  'not_fmt_variable_type.tf': 'not in terraform fmt canonical form: variable "names": write list(any)',
  'unknown_attribute.tf': 'resource azurerm_key_vault.main: unknown attribute or block "enable_purge_protection"',
  'computed_only.tf': 'resource azurerm_key_vault.main: "vault_uri" is computed-only',
  'missing_required.tf': 'resource azurerm_key_vault.main: missing required attribute "tenant_id"',
  'nested_missing_required.tf': 'missing required attribute "network_acls.default_action"',
  'unknown_block.tf': 'resource azurerm_key_vault.main: unknown attribute or block "network_rules"',
  'max_items.tf': 'block "network_acls" appears 2 times, at most 1 allowed',
  'block_as_attribute.tf': '"network_acls" is a block',
  'unknown_type.tf': 'resource azurerm_key_vaults.main: no schema for azurerm_key_vaults',
  'id_set.tf': 'resource azurerm_resource_group.main: "id" must not be set',
  'unknown_data_source.tf': 'data azurerm_subscription.current: no schema for data source azurerm_subscription',
};

for (const [file, expected] of Object.entries(bad)) {
  test(`bad fixture ${file} fails with exactly one problem`, () => {
    const r = run(`${fixtures}bad/${file}`);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.equal(r.problems.length, 1, r.stdout);
    assert.ok(r.problems[0].startsWith(`${fixtures}bad/${file}: `), r.stdout);
    assert.ok(r.problems[0].includes(expected), `expected "${expected}" in:\n${r.stdout}`);
    assert.match(r.summary, /^terraform: 1 problem\(s\) in 1 files$/);
  });
}

test('the fmt diff shows the first differing lines', () => {
  const r = run(`${fixtures}bad/not_fmt.tf`);
  assert.ok(r.stdout.includes('first difference at line 2'), r.stdout);
  assert.ok(r.stdout.includes('+ "  name     = \\"rg-shop-dev\\""'), r.stdout);
});

test('a directory with bad files fails, naming every bad fixture', () => {
  const r = run(`${fixtures}bad`);
  assert.equal(r.status, 1);
  for (const file of Object.keys(bad)) assert.ok(r.stdout.includes(`bad/${file}: `), `${file} missing in:\n${r.stdout}`);
});

test('a resource declared twice in one module (directory) fails', () => {
  const r = run(`${fixtures}duplicate`);
  assert.equal(r.status, 1);
  assert.deepEqual(r.problems, [`${fixtures}duplicate/b.tf: resource azurerm_resource_group.main: also declared in ${fixtures}duplicate/a.tf`]);
});

test('a directory without .tf files fails', () => {
  const r = run(here('./fixtures/bicep/good'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /no \*\.tf files found/);
});
