#!/usr/bin/env node
// Runs the TypeScript sources directly: one install step, no build for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
