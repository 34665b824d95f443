#!/usr/bin/env node
// The CLI is TypeScript run in place (as every script in this repo is), so no build step stands
// between a checkout and `npx tenfold`: register tsx's loader, then hand over to the TS entry.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
