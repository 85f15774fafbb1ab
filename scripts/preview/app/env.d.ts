// Types of the modules the preview bundler generates (scripts/preview/bundle.ts).
/// <reference lib="dom" />
declare module 'virtual:preview-components' {
  /** Custom element name → the component class, for every bundle in force-app/main/default/lwc. */
  const components: Record<string, typeof import('lwc').LightningElement>;
  export default components;
}
declare module 'virtual:preview-fields' {
  import type { FieldCatalog } from '../platform.js';
  const fields: FieldCatalog;
  export default fields;
}
declare module 'fixture:*' {
  /** A jest fixture of the component (__tests__/data/<name>.graphql.json, else <name>.json). */
  const data: unknown;
  export default data;
}
