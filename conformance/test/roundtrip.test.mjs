// Self-tests of roundtrip.mjs: exact values pass; a broken escape is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const run = (dir) => spawnSync(process.execPath, [here('../roundtrip.mjs'), here(`./fixtures/roundtrip/${dir}`)], { encoding: 'utf8' });

test('values written with correct escapes read back exactly', () => {
  const r = run('good');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /roundtrip: 2 files, 5 values read back exactly/);
});

const bad = {
  bad_hcl_interpolation: /tags\."\$\{k\}": reads back as \["say \\"hi\\" ",\{"expr":"var.x"\}/,
  bad_hcl_dollar: /tags\.plain: reads back as \["a\$\{var.y\}b"\]/,
  bad_bicep_quote: /main\.bicep: syntax error \(tree-sitter-bicep\)/,
  bad_bicep_extra_key: /resource\.rg\.tags: unexpected key "injected"/,
};
for (const [dir, message] of Object.entries(bad)) {
  test(`a broken escape is caught: ${dir}`, () => {
    const r = run(dir);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, message);
  });
}
