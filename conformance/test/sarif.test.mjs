import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const run = (file) => spawnSync(process.execPath, [path.join(here, '..', 'sarif.mjs'), path.join(here, 'fixtures', 'sarif', file)], { encoding: 'utf8' });

test('a valid SARIF log passes', () => {
  const r = run('good.sarif');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /sarif: 1 files, 1 results checked/);
});

test('a bad level and an undeclared rule fail', () => {
  const r = run('bad.sarif');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /level/);
  assert.match(r.stdout, /rule AZ-KV-002 is not declared/);
});
