#!/usr/bin/env node
// The CLI is shipped as TypeScript source: register tsx's loader, then run the real entry.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
