// The service module: domain rules shared by the Lightning components (bundled by npm run build
// into lwc/mamService) and the CLI. Pure TypeScript, no I/O, no platform imports.
export * from './health.js';
export * from './identify.js';
export * from './template.js';
export * from './team.js';
export * from './portfolio.js';
export * from './objectives.js';
