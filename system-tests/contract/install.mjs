#!/usr/bin/env node
// Installs the contract tools from package-lock.json (`npm ci --prefer-offline --no-audit --no-fund`, packages cached
// in ~/.npm) unless node_modules was already installed from this very lock file by this major version of Node.js:
// the build runs it before the TypeScript client is generated and the linters run (system-tests/pom.xml).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Node.js 20 or later is needed (README.md); this is ${process.version}`);
  process.exit(1);
}
const stamp = join(here, 'node_modules', '.installed-from-lock');
const wanted = createHash('sha256').update(readFileSync(join(here, 'package-lock.json')))
  .update(`node ${major}`).digest('hex');
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) {
  console.log('contract tools: node_modules is up to date with package-lock.json');
  process.exit(0);
}
const started = Date.now();
const npm = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
if (npm.status !== 0) {
  console.error(`npm ci failed (${npm.error ?? `exit ${npm.status}`})`);
  process.exit(1);
}
writeFileSync(stamp, wanted + '\n');
console.log(`contract tools installed in ${Math.round((Date.now() - started) / 1000)} s`);
