// Self-tests of pipelines.mjs: Azure Pipelines schema, workflow schema + actionlint, dependabot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const run = (...args) => spawnSync(process.execPath, [here('../pipelines.mjs'), ...args], { encoding: 'utf8' });
const fixture = (d) => here(`./fixtures/pipelines/${d}`);

test('good pipeline, workflow (.github included) and dependabot files pass', () => {
  const r = run(fixture('good'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout.trim(), 'pipelines: 3 files checked');
});

test('each checker reports its problems', () => {
  const r = run(fixture('bad'));
  assert.equal(r.status, 1);
  for (const m of [
    /azure-pipelines\.yml: schema: \/steps\/0\/inputs: must NOT have additional properties/,
    /dependabot\.yml: dependabot: "version: 2" is required/,
    /bad\.yml:10:11: actionlint \[action\]: input "fetch-depthh" is not defined/,
    /bad\.yml:12:23: actionlint \[expression\]: undefined variable "undefined_context"/,
    /schema\.yml: schema: \/jobs\/a: must NOT have additional properties \("stepz"\)/,
    /syntax\.yml: YAML: /,
  ]) assert.match(r.stdout, m);
});

test('self-hosted labels listed in actionlint.yaml are known, others are reported', () => {
  const r = run(fixture('runners'));
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stdout, /label "app-prod" is unknown/);
  assert.match(r.stdout, /deploy\.yml:11:\d+: actionlint \[runner-label\]: label "app-staging" is unknown/);
});

test('no files is an error unless --allow-empty', () => {
  assert.equal(run(fixture('empty')).status, 1);
  const allowed = run('--allow-empty', fixture('empty'));
  assert.equal(allowed.status, 0);
  assert.equal(allowed.stdout.trim(), 'pipelines: 0 files (nothing generated yet)');
});
