#!/usr/bin/env node
// Runs the plugin's commands without installing it into sf (after `npm run build`):
//   bin/run.js mam identify --target-org my-org
// Installed into the Salesforce CLI (`sf plugins link .`) the same commands are `sf mam ...`.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
