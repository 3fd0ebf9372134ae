// Self-tests of the azurerm schema data written by tools/extract-azurerm-schema.mjs. The npm
// package it reads is not present at test time, so this checks its output instead: the files
// it added are well-formed (same shape as the other vendored files) and agree with _meta.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../schemas/azurerm/', import.meta.url));
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const meta = read('_meta.json');
const EXTRACTED = ['azurerm_cosmosdb_sql_role_assignment', 'azurerm_managed_redis',
  'azurerm_redis_cache_access_policy_assignment', 'azurerm_network_security_group',
  'azurerm_subnet_network_security_group_association', 'azurerm_cdn_frontdoor_custom_domain',
  'azurerm_cognitive_deployment', 'azurerm_postgresql_flexible_server_configuration',
  'azurerm_postgresql_flexible_server_active_directory_administrator',
  'azurerm_monitor_autoscale_setting', 'azurerm_key_vault_key'];
const TYPES = new Set(['string', 'number', 'bool', 'list(string)', 'set(string)', 'map(string)',
  'list(number)', 'set(number)', 'map(number)', 'list(bool)', 'set(bool)', 'map(bool)',
  'list(object)', 'set(object)']);

const sorted = (obj) => Object.keys(obj).join('\n') === Object.keys(obj).sort().join('\n');

// Checks one attribute; returns nothing, throws on the first problem.
function checkAttribute(a, where) {
  assert.ok(TYPES.has(a.type), `${where}: type ${a.type}`);
  const flags = ['required', 'optional', 'computed'].filter((f) => a[f] !== undefined);
  for (const f of flags) assert.equal(a[f], true, `${where}.${f}`);
  assert.ok(!(a.required && a.optional), `${where}: both required and optional`);
  assert.ok(a.required || a.optional || a.computed, `${where}: neither required, optional nor computed`);
  if (a.object_attributes) {
    assert.match(a.type, /\(object\)$/, `${where}: object_attributes on ${a.type}`);
    for (const [n, o] of Object.entries(a.object_attributes)) checkAttribute(o, `${where}.${n}`);
  } else {
    assert.doesNotMatch(a.type, /\(object\)$/, `${where}: ${a.type} without object_attributes`);
  }
  const known = new Set(['type', 'required', 'optional', 'computed', 'note', 'object_attributes']);
  for (const k of Object.keys(a)) assert.ok(known.has(k), `${where}: unexpected key ${k}`);
}

// Checks a schema node {attributes, blocks}, recursively.
function checkNode(node, where) {
  assert.ok(node.attributes && typeof node.attributes === 'object', `${where}: attributes`);
  assert.ok(node.blocks && typeof node.blocks === 'object', `${where}: blocks`);
  assert.ok(sorted(node.attributes) && sorted(node.blocks), `${where}: names not sorted`);
  for (const [n, a] of Object.entries(node.attributes)) {
    assert.ok(!(n in node.blocks), `${where}.${n}: both attribute and block`);
    checkAttribute(a, `${where}.${n}`);
  }
  for (const [n, b] of Object.entries(node.blocks)) {
    const at = `${where}.${n}`;
    assert.ok(['list', 'set', 'single'].includes(b.nesting), `${at}: nesting ${b.nesting}`);
    assert.ok(Number.isInteger(b.min_items) && b.min_items >= 0, `${at}: min_items`);
    if (b.max_items !== undefined) assert.equal(b.max_items, 1, `${at}: max_items`);
    if (b.nesting === 'single') assert.equal(b.max_items, 1, `${at}: single without max_items 1`);
    assert.equal(Boolean(b.required), b.min_items > 0, `${at}: required vs min_items`);
    checkNode(b, at);
  }
}

test('_meta.json lists exactly the vendored azurerm resource files, with their counts', () => {
  const files = fs.readdirSync(dir).filter((f) => /^azurerm_\w+\.json$/.test(f)).map((f) => f.slice(0, -5));
  assert.deepEqual([...files].sort(), Object.keys(meta.resources).sort());
  for (const type of files) {
    const s = read(`${type}.json`);
    assert.deepEqual(meta.resources[type], {
      attributes: Object.keys(s.attributes).length,
      blocks: Object.keys(s.blocks).length,
    }, type);
  }
});

for (const type of EXTRACTED) {
  test(`${type}.json is well-formed and agrees with _meta.json`, () => {
    const s = read(`${type}.json`);
    assert.deepEqual(Object.keys(s), ['resource_type', 'provider', 'provider_version', 'generated_from',
      'docs', 'notes', 'attributes', 'blocks']);
    assert.equal(s.resource_type, type);
    assert.equal(s.provider, 'registry.terraform.io/hashicorp/azurerm');
    assert.equal(s.provider_version, meta.provider_version);
    assert.ok(s.generated_from.startsWith(`${meta.generated_from} lib/`), s.generated_from);
    assert.ok(s.generated_from.includes('tools/extract-azurerm-schema.mjs'), s.generated_from);
    assert.equal(s.docs, `https://registry.terraform.io/providers/hashicorp/azurerm/${meta.provider_version}/docs/resources/${type.slice('azurerm_'.length)}`);
    // Same notes text as the files vendored before the extractor existed.
    assert.equal(s.notes, read('azurerm_role_assignment.json').notes);
    checkNode(s, type);
    assert.deepEqual(s.attributes.id, { type: 'string', optional: true, computed: true, note: 'provider-level id; do not set' });
    assert.equal(s.blocks.timeouts.nesting, 'single');
    assert.equal(s.blocks.timeouts.timeouts, true);
    assert.equal(meta.resources[type].attributes, Object.keys(s.attributes).length);
    assert.equal(meta.resources[type].blocks, Object.keys(s.blocks).length);
    // Only the security group's inline security_rule is an attribute-as-block (see SOURCES.md).
    const modeAttr = Object.keys(s.blocks).filter((n) => s.blocks[n].config_mode_attr);
    assert.deepEqual(modeAttr, type === 'azurerm_network_security_group' ? ['security_rule'] : [],
      'unexpected config_mode_attr');
    for (const n of modeAttr) assert.ok(!JSON.stringify(s.blocks[n].blocks).includes('"config_mode_attr"'));
  });
}

test('azurerm_cosmosdb_sql_role_assignment: the arguments the generator writes', () => {
  const s = read('azurerm_cosmosdb_sql_role_assignment.json');
  for (const n of ['account_name', 'resource_group_name', 'role_definition_id', 'principal_id', 'scope']) {
    assert.equal(s.attributes[n].required, true, n);
  }
  assert.equal(s.attributes.name.optional, true);
});

test('azurerm_managed_redis: required arguments and max-1 blocks', () => {
  const s = read('azurerm_managed_redis.json');
  const required = Object.keys(s.attributes).filter((n) => s.attributes[n].required);
  assert.deepEqual(required, ['location', 'name', 'resource_group_name', 'sku_name']);
  for (const b of ['customer_managed_key', 'default_database', 'identity']) assert.equal(s.blocks[b].max_items, 1, b);
  assert.equal(s.blocks.default_database.attributes.primary_access_key.computed, true);
  assert.equal(s.blocks.default_database.blocks.module.attributes.name.required, true);
});

test('azurerm_redis_cache_access_policy_assignment: the arguments the generator writes', () => {
  const s = read('azurerm_redis_cache_access_policy_assignment.json');
  const required = Object.keys(s.attributes).filter((n) => s.attributes[n].required);
  assert.deepEqual(required, ['access_policy_name', 'name', 'object_id', 'object_id_alias', 'redis_cache_id']);
});

test('azurerm_cognitive_deployment: required model and sku blocks', () => {
  const s = read('azurerm_cognitive_deployment.json');
  const required = Object.keys(s.attributes).filter((n) => s.attributes[n].required);
  assert.deepEqual(required, ['cognitive_account_id', 'name']);
  for (const b of ['model', 'sku']) {
    assert.equal(s.blocks[b].min_items, 1, b);
    assert.equal(s.blocks[b].max_items, 1, b);
  }
  assert.equal(s.blocks.sku.attributes.capacity.optional, true);
});

test('azurerm_postgresql_flexible_server_configuration and _active_directory_administrator: required arguments', () => {
  const c = read('azurerm_postgresql_flexible_server_configuration.json');
  assert.deepEqual(Object.keys(c.attributes).filter((n) => c.attributes[n].required), ['name', 'server_id', 'value']);
  const a = read('azurerm_postgresql_flexible_server_active_directory_administrator.json');
  assert.deepEqual(Object.keys(a.attributes).filter((n) => a.attributes[n].required),
    ['object_id', 'principal_name', 'principal_type', 'resource_group_name', 'server_name', 'tenant_id']);
});

test('azurerm_monitor_autoscale_setting: profile with capacity and rules, email notification', () => {
  const s = read('azurerm_monitor_autoscale_setting.json');
  assert.deepEqual(Object.keys(s.attributes).filter((n) => s.attributes[n].required),
    ['location', 'name', 'resource_group_name', 'target_resource_id']);
  const profile = s.blocks.profile;
  assert.equal(profile.min_items, 1);
  assert.equal(profile.blocks.capacity.max_items, 1);
  assert.equal(profile.blocks.rule.blocks.metric_trigger.attributes.metric_resource_id.required, true);
  assert.equal(profile.blocks.rule.blocks.scale_action.attributes.cooldown.required, true);
  assert.equal(s.blocks.notification.blocks.email.attributes.custom_emails.optional, true);
});
