// Shared helpers for the conformance scripts.
import fs from 'node:fs';
import path from 'node:path';

// Every file under `target` (a directory, searched recursively, or a single file)
// whose name ends with one of `exts`, sorted by path.
export function findFiles(target, exts) {
  const out = [];
  const visit = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(path.join(p, name));
      }
    } else if (exts.some((e) => p.endsWith(e))) {
      out.push(p);
    }
  };
  visit(target);
  return out.sort();
}

// Parse the command line: one or more directories or files.
export function targets(argv, usage) {
  const args = argv.slice(2);
  if (args.length === 0 || args.some((a) => a === '-h' || a === '--help')) {
    console.error(usage);
    process.exit(2);
  }
  for (const a of args) {
    if (!fs.existsSync(a)) {
      console.error(`${a}: no such file or directory`);
      process.exit(2);
    }
  }
  return args;
}

// A few lines showing where `actual` and `expected` first differ.
export function smallDiff(actual, expected, context = 3) {
  const a = actual.split('\n');
  const b = expected.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const lines = [`  first difference at line ${i + 1}:`];
  for (let k = i; k < Math.min(a.length, i + context); k++) lines.push(`  - ${JSON.stringify(a[k])}`);
  for (let k = i; k < Math.min(b.length, i + context); k++) lines.push(`  + ${JSON.stringify(b[k])}`);
  return lines.join('\n');
}
