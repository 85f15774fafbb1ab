// Issue 16, High 2: the Markdown export escapes every value for CommonMark. The export is rendered
// with commonmark.js: hostile values (inline HTML, links, images, autolinks, emphasis, headings,
// fences, table pipes, backslashes, entities) must produce exactly the structure the same plan has
// with harmless values, render as the literal text they are, and never become HTML, links or code.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HtmlRenderer, Parser, type Node } from 'commonmark';
import fc from 'fast-check';
import { markdownText, planMarkdown, type Audience, type PlanDocument } from '../../src/domain/plan-document.js';

const FORBIDDEN = new Set(['html_inline', 'html_block', 'link', 'image', 'code', 'code_block', 'block_quote', 'thematic_break', 'custom_inline', 'custom_block']);

/** The document's structure: every node but text and line breaks, in order, with heading levels. */
function structure(markdown: string): string[] {
  const walker = new Parser().parse(markdown).walker();
  const out: string[] = [];
  for (let event = walker.next(); event; event = walker.next()) {
    const node: Node = event.node;
    if (!event.entering || ['text', 'softbreak', 'linebreak'].includes(node.type)) continue;
    out.push(node.type === 'heading' ? `heading${node.level}` : node.type === 'list' ? `list-${String(node.listType)}` : node.type);
  }
  return out;
}

function forbiddenNodes(markdown: string): string[] {
  const walker = new Parser().parse(markdown).walker();
  const found: string[] = [];
  for (let event = walker.next(); event; event = walker.next()) if (event.entering && FORBIDDEN.has(event.node.type)) found.push(`${event.node.type}: ${event.node.literal ?? event.node.destination ?? ''}`);
  return found;
}

/** All text the renderer shows, with whitespace collapsed as the export does. */
function renderedText(markdown: string): string {
  const walker = new Parser().parse(markdown).walker();
  const parts: string[] = [];
  for (let event = walker.next(); event; event = walker.next()) {
    if (event.entering && event.node.type === 'text') parts.push(event.node.literal ?? '');
    if (event.entering && ['softbreak', 'linebreak', 'paragraph', 'heading', 'item'].includes(event.node.type)) parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ');
}

const HOSTILE = [
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '![pixel](https://tracker.example/p.gif?u=1)',
  '[click here](javascript:alert(1))',
  '<https://evil.example/login>',
  '<mailto:ceo@evil.example>',
  '```js\nalert(1)',
  '~~~\neverything after me is code',
  '# Not a heading\n## nor this',
  '> quoted\n- listed\n+ listed\n1. ordered\n2) ordered',
  'Heading by underline\n===',
  'rule\n---',
  '*emph* _emph_ **strong** __strong__ `code`',
  'a | b || c \\| d',
  'back\\slash\\ and \\*escaped\\*',
  '&lt;script&gt; &#60;b&#62; &amp;',
  '[ref]: https://evil.example\n[ref]',
  '    indented code',
  '<!-- comment --> <div>block</div>',
  'line one  \nline two\\\nline three',
  'bell\u0007 escape\u001b[2K nul\u0000 del\u007f',
  'www.evil.example http://evil.example',
  '\\',
  '|',
  '-',
  '1.'
];

function documentWith(values: (i: number) => string, audience: Audience): PlanDocument {
  let n = 0;
  const v = (): string => values(n++);
  return {
    audience,
    asOf: '2026-11-24',
    accountName: v(),
    plan: { Name: v(), Status__c: v(), Relationship_Stage__c: v(), Period_Start__c: v(), Period_End__c: v(), Shared_Value__c: v(), Shared_Value_Detail__c: v(), Customer_Acknowledged__c: true, Review_Cadence_Days__c: 90, Revenue_Target__c: 5, Wallet_Share_Target__c: 35 },
    objectives: [{ Description__c: v(), Type__c: v(), Measure__c: v(), Target__c: 1, Actual__c: 2, Attainment__c: 50, Customer_Agreed__c: true, Due_Date__c: v() }],
    milestones: [{ Name: v(), Relationship_Step__c: v(), Owner__r: { Name: v() }, Due_Date__c: v(), Status__c: 'Done', Completed_On__c: v() }],
    teamRoles: [
      { Side__c: 'Seller', Role__c: v(), User__r: { Name: v() }, C_Level__c: false },
      { Side__c: 'Customer', Role__c: v(), Contact__r: { Name: v() }, C_Level__c: true, Influence__c: v(), Relationship_Strength__c: v() }
    ],
    reviews: [{ Review_Date__c: v(), Type__c: 'Joint with Customer', Customer_Attended__c: true, Health_At_Review__c: 70, Decisions__c: v(), Next_Review_Date__c: v() }],
    insights: [{ Type__c: v(), Detail__c: v(), Impact__c: v(), Source__c: v() }],
    health: { score: 50, status: v(), components: [{ name: v(), score: 10, reasons: [v(), v()] }], readiness: [{ step: v(), met: true, evidence: v() }], readinessCount: 1, nextStage: v() }
  };
}

const harmless = (audience: Audience): PlanDocument => documentWith((i) => `value${i}`, audience);

describe('Markdown export is safe CommonMark (issue 16, High 2)', () => {
  for (const audience of ['customer', 'internal'] as const) {
    it(`${audience}: every hostile value renders as its own text and adds no structure`, () => {
      const expected = structure(planMarkdown(harmless(audience)));
      for (const bad of HOSTILE) {
        const md = planMarkdown(documentWith(() => bad, audience));
        assert.deepEqual(forbiddenNodes(md), [], `no HTML, link, image or code from ${JSON.stringify(bad)}`);
        assert.deepEqual(structure(md), expected, `structure unchanged by ${JSON.stringify(bad)}`);
        const html = new HtmlRenderer({ safe: true }).render(new Parser().parse(md));
        assert.ok(!/<(script|img|a|code|pre|div|blockquote)\b/i.test(html), `rendered HTML has no element from data: ${JSON.stringify(bad)}`);
      }
    });
  }

  it('a value renders as exactly the text it holds (whitespace collapsed, control characters dropped)', () => {
    for (const bad of HOSTILE) {
      const expected = bad.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim();
      assert.equal(renderedText(`| ${markdownText(bad)} |`).trim(), `| ${expected} |`.replace(/\s+/g, ' '));
    }
  });

  it('any string in any field: structure unchanged, nothing forbidden (property test)', () => {
    const expected = structure(planMarkdown(harmless('internal')));
    const alphabet = fc.constantFrom(...'<>[]()!*_`~#|\\&;:/=-+.1 \n\t\r"\'aZ\u0000\u001b'.split(''), 'javascript:', 'http://', '```', '<script>', '&#60;');
    fc.assert(
      fc.property(fc.array(fc.array(alphabet, { maxLength: 12 }).map((parts) => `${parts.join('')}z`), { minLength: 1, maxLength: 40 }), (values) => {
        const md = planMarkdown(documentWith((i) => values[i % values.length], 'internal'));
        assert.deepEqual(forbiddenNodes(md), []);
        assert.deepEqual(structure(md), expected);
      }),
      { numRuns: 300 }
    );
  });
});

describe('escaping only where needed', () => {
  it('numbers and dates stay readable in the Markdown source', () => {
    assert.equal(markdownText('1.4'), '1.4');
    assert.equal(markdownText('-5'), '-5');
    assert.equal(markdownText('2026-11-24'), '2026-11-24');
    assert.equal(markdownText('1. first'), '1\\. first');
    assert.equal(markdownText('- item'), '\\- item');
    assert.equal(markdownText('==='), '\\===');
  });
});
