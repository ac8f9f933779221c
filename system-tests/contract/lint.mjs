#!/usr/bin/env node
// Lints the running system's contract: every service's OpenAPI document and the gateway's aggregated one with
// Spectral (spectral:oas, .spectral.yaml) and Redocly (recommended, redocly.yaml), and each service's AsyncAPI
// document at its documented URL (<gateway>/api/<service>/asyncapi) with the AsyncAPI parser's validation (what
// `asyncapi validate` runs). Writes the documents and the counts to --out, prints them, and compares the counts
// with a baseline that may only go down.
//
//   node lint.mjs --gateway URL --service registry=URL --service bazaar=URL --service sponsorship=URL \
//        --out DIR [--baseline lint-baseline.json] [--update-baseline]
//
// Exit code: 0 when no count is above its baseline (or no baseline is given), 1 when one is, 2 on a usage or
// fetch error. Used by ContractLintIT (system-tests) and by lint.sh.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from '@asyncapi/parser';

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, 'node_modules', '.bin', name);

function parseArgs(argv) {
  const args = { services: {}, updateBaseline: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--gateway') args.gateway = argv[++i].replace(/\/$/, '');
    else if (a === '--service') {
      const [name, url] = argv[++i].split('=', 2);
      args.services[name] = url.replace(/\/$/, '');
    } else if (a === '--out') args.out = resolve(argv[++i]);
    else if (a === '--baseline') args.baseline = resolve(argv[++i]);
    else if (a === '--update-baseline') args.updateBaseline = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.gateway || !args.out) throw new Error('--gateway and --out are required');
  return args;
}

async function fetchText(url, accept) {
  const response = await fetch(url, { headers: { Accept: accept } });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

/** The OpenAPI documents to lint, by name: each service's own, and the gateway's aggregated one. */
async function fetchOpenApi(args, dir) {
  const files = {};
  const sources = Object.entries(args.services).map(([name, url]) => [name, `${url}/q/openapi?format=json`]);
  sources.push(['aggregated', `${args.gateway}/openapi`]);
  for (const [name, url] of sources) {
    const doc = JSON.parse(await fetchText(url, 'application/json'));
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
    files[name] = file;
  }
  return files;
}

/** Runs a tool to its end, its output collected (the linters run side by side). */
function run(command, args, env = {}) {
  return new Promise((done, failed) => {
    const child = spawn(command, args, { cwd: here, env: { ...process.env, ...env } });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', failed);
    child.on('close', (status) => done({
      status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'),
    }));
  });
}

/** Spectral over every document in one run; errors (severity 0) and warnings (1) per document. */
async function spectral(files, out) {
  const report = join(out, 'spectral.json');
  const result = await run(bin('spectral'), ['lint', '--ruleset', join(here, '.spectral.yaml'), '--format', 'json',
    '--output', report, '--quiet', '--fail-severity', 'error', ...Object.values(files)]);
  if (!existsSync(report)) throw new Error(`spectral wrote no report: ${result.stderr}${result.stdout}`);
  const text = readFileSync(report, 'utf8').trim();
  const results = text === '' || text.startsWith('No results') ? [] : JSON.parse(text);
  const counts = {};
  for (const [name, file] of Object.entries(files)) {
    const mine = results.filter((r) => resolve(r.source) === resolve(file));
    counts[name] = {
      errors: mine.filter((r) => r.severity === 0).length,
      warnings: mine.filter((r) => r.severity === 1).length,
      rules: tally(mine.filter((r) => r.severity <= 1).map((r) => r.code)),
    };
  }
  return counts;
}

/** Redocly per document (its JSON output holds one report per file, one after the other). */
async function redocly(files, out) {
  const result = await run(bin('redocly'), ['lint', '--config', join(here, 'redocly.yaml'), '--format', 'json',
    ...Object.values(files)], { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' });
  writeFileSync(join(out, 'redocly.json'), result.stdout);
  const reports = concatenatedJson(result.stdout);
  if (reports.length !== Object.keys(files).length) {
    throw new Error(`redocly gave ${reports.length} reports for ${Object.keys(files).length} files: ${result.stderr}`);
  }
  const counts = {};
  Object.keys(files).forEach((name, i) => {
    const problems = reports[i].problems;
    counts[name] = {
      errors: reports[i].totals.errors,
      warnings: reports[i].totals.warnings,
      rules: tally(problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)),
    };
  });
  return counts;
}

/**
 * Each service's AsyncAPI document, read from its documented URL and validated there: relative $refs resolve
 * against that URL, as for anyone who reads it (the validation `asyncapi validate` runs: the parser's own ruleset,
 * invalid when a diagnostic is an error).
 */
async function asyncapi(args, out) {
  const parser = new Parser();
  const counts = {};
  for (const name of Object.keys(args.services)) {
    const url = `${args.gateway}/api/${name}/asyncapi`;
    const text = await fetchText(url, 'application/yaml');
    writeFileSync(join(out, `${name}-asyncapi.yaml`), text);
    const diagnostics = await parser.validate(text, { source: url });
    writeFileSync(join(out, `${name}-asyncapi-diagnostics.json`), JSON.stringify(diagnostics, null, 2));
    counts[name] = {
      url,
      errors: diagnostics.filter((d) => d.severity === 0).length,
      warnings: diagnostics.filter((d) => d.severity === 1).length,
      rules: tally(diagnostics.filter((d) => d.severity === 0).map((d) => d.code)),
    };
  }
  return counts;
}

/** The JSON values of a text that holds several, one after the other. */
function concatenatedJson(text) {
  const values = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if ((c === '}' || c === ']') && --depth === 0) {
      values.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return values;
}

function tally(codes) {
  const t = {};
  for (const c of codes) t[c] = (t[c] ?? 0) + 1;
  return Object.fromEntries(Object.entries(t).sort((a, b) => b[1] - a[1]));
}

/** The counts a baseline holds: per tool and document, without the rule details. */
function flatten(counts) {
  const flat = {};
  for (const [tool, byDoc] of Object.entries(counts)) {
    for (const [doc, c] of Object.entries(byDoc)) {
      for (const kind of ['errors', 'warnings']) {
        if (tool === 'redocly' && kind === 'warnings') continue; // the proof asks Redocly for no error only
        flat[`${tool}.${doc}.${kind}`] = c[kind];
      }
    }
  }
  return flat;
}

function print(counts) {
  const lines = ['tool       document      errors  warnings  most frequent'];
  for (const [tool, byDoc] of Object.entries(counts)) {
    for (const [doc, c] of Object.entries(byDoc)) {
      const top = Object.entries(c.rules).slice(0, 4).map(([r, n]) => `${r} ×${n}`).join(', ');
      lines.push(`${tool.padEnd(10)} ${doc.padEnd(12)} ${String(c.errors).padStart(7)} ${String(c.warnings)
        .padStart(9)}  ${top}`);
    }
  }
  console.log(lines.join('\n'));
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const docs = join(args.out, 'documents');
  mkdirSync(docs, { recursive: true });
  const files = await fetchOpenApi(args, docs);
  const [spectralCounts, redoclyCounts, asyncapiCounts] = await Promise.all([spectral(files, args.out),
    redocly(files, args.out), asyncapi(args, docs)]);
  const counts = { spectral: spectralCounts, redocly: redoclyCounts, asyncapi: asyncapiCounts };
  writeFileSync(join(args.out, 'lint-counts.json'), JSON.stringify(counts, null, 2) + '\n');
  print(counts);
  const now = flatten(counts);
  if (!args.baseline) return 0;
  if (args.updateBaseline) {
    writeFileSync(args.baseline, JSON.stringify(now, null, 2) + '\n');
    console.log(`baseline written: ${args.baseline}`);
    return 0;
  }
  const baseline = JSON.parse(readFileSync(args.baseline, 'utf8'));
  const risen = [];
  const fallen = [];
  for (const [key, value] of Object.entries(now)) {
    const allowed = baseline[key] ?? 0;
    if (value > allowed) risen.push(`${key}: ${value} > baseline ${allowed}`);
    else if (value < allowed) fallen.push(`${key}: ${value} < baseline ${allowed}`);
  }
  if (fallen.length) {
    console.log(`below the baseline (lower it: lint.sh --update-baseline, or the IT with -Dcontract.update=true):\n  `
      + fallen.join('\n  '));
  }
  if (risen.length) {
    console.error(`above the baseline (${args.baseline}); the counts may only go down:\n  ${risen.join('\n  ')}`);
    return 1;
  }
  console.log('no count above the baseline');
  return 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e.stack ?? String(e));
  process.exit(2);
});
