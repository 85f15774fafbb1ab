// The real text of a Custom Label, for tests that mock a formatted label ({0}…) so the numbers a
// user reads can be asserted: jest.mock('@salesforce/label/c.X', () => ({ default: labelText('X') }), { virtual: true }).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let labels: Map<string, string> | undefined;

export function labelText(name: string): string {
  if (!labels) {
    const xml = readFileSync(join(process.cwd(), 'force-app/main/default/labels/CustomLabels.labels-meta.xml'), 'utf8');
    const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    labels = new Map([...xml.matchAll(/<fullName>([^<]+)<\/fullName>[\s\S]*?<value>([^<]*)<\/value>/g)].map((m) => [m[1], decode(m[2])]));
  }
  const text = labels.get(name);
  if (text === undefined) throw new Error(`No custom label ${name}`);
  return text;
}

/** The module a mocked `@salesforce/label/c.<name>` import resolves to, with the label's real text. */
export function labelModule(name: string): { default: string } {
  return { default: labelText(name) };
}
