#!/usr/bin/env node
// Checks the diagrams iacgen writes with the real tools:
//   - `*.dot` (from `iacgen graph --format dot`): laid out by Graphviz `dot` (-Tjson0), which must
//     exit 0 without a warning; with `--svg DIR` each is also rendered to DIR/<name>.svg.
//   - `*.mmd` (from `iacgen graph --format mermaid`) and every ```mermaid block of a `*.md`
//     (the generated environment READMEs): parsed by mermaid's own flowchart parser (the
//     `mermaid` package, run under jsdom because it needs a DOM; see README.md).
//   - When `<name>.json` (from `iacgen graph --format json`) sits beside `<name>.dot` or
//     `<name>.mmd`, the parsed diagram must have exactly its nodes, with exactly its labels,
//     its clusters/subgraphs and its number of edges: a label that escaped its quotes would
//     add or rename something.
// Usage: node graph.mjs [--svg DIR] <file or dir>...
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { findFiles } from './lib/files.mjs';

const args = process.argv.slice(2);
let svgDir = null;
const inputs = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--svg') svgDir = args[(i += 1)];
  else inputs.push(args[i]);
}
if (inputs.length === 0) {
  console.error('usage: node graph.mjs [--svg DIR] <file or dir>...');
  process.exit(2);
}

const files = [...new Set(inputs.flatMap((input) => findFiles(input, ['.dot', '.mmd', '.md'])))].sort();
const problems = [];
let checked = 0;

function expectedFor(file) {
  const json = file.replace(/\.(dot|mmd)$/, '.json');
  if (json === file || !fs.existsSync(json)) return null;
  return JSON.parse(fs.readFileSync(json, 'utf8'));
}

// DOT: what the label attribute holds after Graphviz parsed the quoted string (`\"` → `"`),
// decoded as the label renderer reads it: `\\` a backslash, `\n` a line break.
function decodeDotLabel(text) {
  return text.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
}

function checkDot(file) {
  const result = spawnSync('dot', ['-Tjson0', file], { encoding: 'utf8' });
  if (result.error) {
    problems.push(`${file}: cannot run Graphviz dot: ${result.error.message}`);
    return;
  }
  if (result.status !== 0 || result.stderr.trim() !== '') {
    problems.push(`${file}: dot failed (${result.status}): ${result.stderr.trim()}`);
    return;
  }
  checked += 1;
  const layout = JSON.parse(result.stdout);
  const expected = expectedFor(file);
  if (expected) {
    const objects = layout.objects || [];
    const nodes = objects.filter((o) => !o.name.startsWith('cluster_'));
    const clusters = objects.filter((o) => o.name.startsWith('cluster_'));
    const got = new Map(nodes.map((n) => [n.name, decodeDotLabel(n.label)]));
    if (got.size !== expected.nodes.length) {
      problems.push(`${file}: ${got.size} nodes, expected ${expected.nodes.length}`);
    }
    for (const node of expected.nodes) {
      if (!got.has(node.id)) problems.push(`${file}: node ${node.id} missing`);
      else if (got.get(node.id) !== node.label) {
        problems.push(`${file}: node ${node.id} label ${JSON.stringify(got.get(node.id))}, expected ${JSON.stringify(node.label)}`);
      }
    }
    const clusterLabels = new Map(clusters.map((c) => [c.name, decodeDotLabel(c.label)]));
    for (const group of expected.groups) {
      const label = clusterLabels.get(`cluster_${group.id}`);
      if (label !== group.label) problems.push(`${file}: cluster ${group.id} label ${JSON.stringify(label)}, expected ${JSON.stringify(group.label)}`);
    }
    if (clusters.length !== expected.groups.length) problems.push(`${file}: ${clusters.length} clusters, expected ${expected.groups.length}`);
    // Graphviz lists edges in its own order: compare them as sorted (tail, head, label) triples.
    const byGvid = new Map(objects.map((o) => [o._gvid, o.name]));
    const key = (from, to, label) => JSON.stringify([from, to, label]);
    const gotEdges = (layout.edges || [])
      .map((e) => key(byGvid.get(e.tail), byGvid.get(e.head), e.label === undefined ? '' : decodeDotLabel(e.label)))
      .sort();
    const wantEdges = expected.edges.map((e) => key(e.from, e.to, e.label)).sort();
    if (gotEdges.length !== wantEdges.length) problems.push(`${file}: ${gotEdges.length} edges, expected ${wantEdges.length}`);
    for (const [i, edge] of wantEdges.entries()) {
      if (gotEdges[i] !== edge) problems.push(`${file}: edge ${gotEdges[i]}, expected ${edge}`);
    }
  }
  if (svgDir) {
    fs.mkdirSync(svgDir, { recursive: true });
    const svg = spawnSync('dot', ['-Tsvg', file], { encoding: 'utf8' });
    if (svg.status !== 0 || !svg.stdout.includes('<svg')) problems.push(`${file}: dot -Tsvg failed: ${svg.stderr}`);
    else fs.writeFileSync(path.join(svgDir, path.basename(file).replace(/\.dot$/, '.svg')), svg.stdout);
  }
}

// Mermaid needs `window`/`document` (DOMPurify is set up when the module loads).
let mermaid = null;
async function loadMermaid() {
  if (mermaid) return mermaid;
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
}

// What a label reads once rendered. Mermaid's parser keeps entity codes (`#quot;`, `#35;`) as
// placeholders (`ﬂ°quot¶ß`, `ﬂ°°35¶ß`) that its renderer turns into HTML entities
// (`decodeEntities`); the browser then decodes those, and `<br>` is a line break. One pass each,
// as the renderer does, so `#amp;amp;` reads `&amp;`.
function decodeMermaidLabel(text) {
  const html = text.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  const named = { quot: '"', lt: '<', gt: '>', amp: '&', apos: "'" };
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/&(#\d+|[a-z]+);/g, (whole, e) =>
      e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (named[e] ?? whole));
}

async function checkMermaid(where, text, expected) {
  const m = await loadMermaid();
  let diagram;
  try {
    await m.parse(text);
    diagram = await m.mermaidAPI.getDiagramFromText(text);
  } catch (e) {
    problems.push(`${where}: mermaid: ${String(e.message || e).split('\n').slice(0, 3).join(' ')}`);
    return;
  }
  checked += 1;
  if (diagram.type !== 'flowchart-v2') problems.push(`${where}: parsed as ${diagram.type}, not a flowchart`);
  if (!expected) return;
  const vertices = diagram.db.getVertices();
  if (vertices.size !== expected.nodes.length) problems.push(`${where}: ${vertices.size} nodes, expected ${expected.nodes.length}`);
  for (const node of expected.nodes) {
    const vertex = vertices.get(node.id);
    if (!vertex) problems.push(`${where}: node ${node.id} missing`);
    else if (decodeMermaidLabel(vertex.text) !== node.label) {
      problems.push(`${where}: node ${node.id} label ${JSON.stringify(vertex.text)}, expected ${JSON.stringify(node.label)}`);
    }
  }
  const subgraphs = diagram.db.getSubGraphs();
  if (subgraphs.length !== expected.groups.length) problems.push(`${where}: ${subgraphs.length} subgraphs, expected ${expected.groups.length}`);
  for (const group of expected.groups) {
    const sub = subgraphs.find((s) => s.id === group.id);
    if (!sub) problems.push(`${where}: subgraph ${group.id} missing`);
    else if (decodeMermaidLabel(sub.title) !== group.label) problems.push(`${where}: subgraph ${group.id} title ${JSON.stringify(sub.title)}, expected ${JSON.stringify(group.label)}`);
  }
  const edges = diagram.db.getEdges();
  if (edges.length !== expected.edges.length) problems.push(`${where}: ${edges.length} edges, expected ${expected.edges.length}`);
  for (const [i, edge] of edges.entries()) {
    const want = expected.edges[i];
    if (!want) continue;
    if (edge.start !== want.from || edge.end !== want.to || decodeMermaidLabel(edge.text || '') !== want.label) {
      problems.push(`${where}: edge ${i} ${edge.start} -> ${edge.end} ${JSON.stringify(edge.text)}, expected ${want.from} -> ${want.to} ${JSON.stringify(want.label)}`);
    }
  }
}

let blocks = 0;
for (const file of files) {
  if (file.endsWith('.dot')) {
    checkDot(file);
  } else if (file.endsWith('.mmd')) {
    await checkMermaid(file, fs.readFileSync(file, 'utf8'), expectedFor(file));
  } else {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      if (lines[i] !== '```mermaid') continue;
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end] !== '```') end += 1;
      if (end === lines.length) {
        problems.push(`${file}:${i + 1}: unterminated mermaid block`);
        break;
      }
      blocks += 1;
      await checkMermaid(`${file}:${start}`, lines.slice(start, end).join('\n') + '\n', null);
      i = end;
    }
  }
}
for (const p of problems) console.log(p);
if (files.length === 0) {
  console.log('graph: no .dot, .mmd or .md file found');
  process.exit(1);
}
if (problems.length) {
  console.log(`graph: ${problems.length} problem(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`graph: ${files.length} files, ${checked} diagrams checked (${blocks} in Markdown)`);
