// What the page shows, read once from its URL: ?c=<component> or ?page=tab|portfolio, and &state=.
// Modules that stand in for the platform read the state from here.
import { STATES, type PreviewState } from '../catalog.js';

const params = new URLSearchParams(globalThis.location?.search ?? '');

function parseState(value: string | null): PreviewState {
  return (STATES as readonly string[]).includes(value ?? '') ? (value as PreviewState) : 'data';
}

/** The state every wire of the page answers in. */
export const STATE: PreviewState = parseState(params.get('state'));
/** The component shown alone (?c=planTeam), if any. */
export const COMPONENT: string | null = params.get('c');
/** The page shown (?page=tab or ?page=portfolio), if any. */
export const PAGE: string | null = params.get('page');

/** Custom permissions an admin has and the read-only user (a sales manager) lacks. */
const ADMIN_ONLY = new Set(['View_Major_Account_Settings']);

/** A custom permission as `@salesforce/customPermission/<name>` gives it: true, or undefined when not granted. */
export function customPermission(name: string): boolean | undefined {
  return STATE === 'readonly' && ADMIN_ONLY.has(name) ? undefined : true;
}
