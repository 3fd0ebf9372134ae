// Self-tests of functions.mjs: host.json (v2 schema) and function.json (draft-04 schema).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const run = (...args) => spawnSync(process.execPath, [here('../functions.mjs'), ...args], { encoding: 'utf8' });
const fixture = (d) => here(`./fixtures/functions/${d}`);

test('good host.json and function.json pass', () => {
  const r = run(fixture('good'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout.trim(), 'functions: 3 files checked');
});

test('schema and syntax violations are reported', () => {
  const r = run(fixture('bad'));
  assert.equal(r.status, 1);
  for (const m of [
    /bad\/app\/host\.json: \/functionTimeout: must be string/,
    /bad\/app\/host\.json: \/logging\/logLevel\/default: must be equal to one of the allowed values/,
    /bad\/v1\/host\.json: \/: must have required property 'version'/,
    /bad\/syntax\/host\.json: JSON syntax error/,
    /bad\/app\/f1\/function\.json: \/bindings\/0\/direction: must be equal to one of the allowed values \("in", "out", "inout"\)/,
  ]) assert.match(r.stdout, m);
});

test('no files is an error unless --allow-empty', () => {
  const r = run(fixture('empty'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /no functions files found/);
  const allowed = run('--allow-empty', fixture('empty'));
  assert.equal(allowed.status, 0);
  assert.equal(allowed.stdout.trim(), 'functions: 0 files (nothing generated yet)');
});
