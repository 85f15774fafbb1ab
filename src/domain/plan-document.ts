// The living account plan as a document: Markdown for editors and wikis, self-contained HTML (no
// scripts, no external assets) for e-mail and browsers. The customer's version leaves out what we
// write about the customer (influence, relationship strength, insights, health, our targets).

export type DocumentRecord = Record<string, unknown>;

export type DocumentHealth = {
  score: number | null;
  status: string | null;
  components: Array<{ name: string; score: number | null; reasons: string[] }>;
  readiness: Array<{ step: string; met: boolean; evidence: string }>;
  readinessCount: number;
  nextStage?: string | null;
};

/** Who the document is for: the customer (the default) or our own team. */
export type Audience = 'customer' | 'internal';

export type PlanDocument = {
  /** Missing means the customer: sharing less is the safe default. */
  audience?: Audience;
  plan: DocumentRecord & { Name: string };
  accountName: string;
  objectives: DocumentRecord[];
  milestones: DocumentRecord[];
  teamRoles: DocumentRecord[];
  reviews: DocumentRecord[];
  insights: DocumentRecord[];
  health?: DocumentHealth;
  /** The date the document shows as "as of" (YYYY-MM-DD). */
  asOf: string;
};

type Table = { title: string; headers: string[]; rows: string[][] };
type Section = { title: string; lines?: Array<[string, string]>; tables?: Table[]; paragraphs?: string[] };

const text = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return String(value);
};

const nested = (record: DocumentRecord, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);

/** Only what the customer agreed, attended or may see: the records of each kind a customer document holds. */
export function customerRecords(doc: PlanDocument): Pick<PlanDocument, 'objectives' | 'milestones' | 'teamRoles' | 'reviews' | 'insights'> {
  return {
    objectives: doc.objectives.filter((o) => o.Customer_Agreed__c === true),
    milestones: doc.milestones.filter((m) => m.Status__c !== 'Cancelled'),
    teamRoles: doc.teamRoles,
    reviews: doc.reviews.filter((r) => r.Customer_Attended__c === true && r.Type__c !== 'Internal'),
    insights: []
  };
}

function sections(doc: PlanDocument): Section[] {
  const internal = doc.audience === 'internal';
  const records = internal ? doc : customerRecords(doc);
  const p = doc.plan;
  const seller = records.teamRoles.filter((r) => r.Side__c === 'Seller');
  const customer = records.teamRoles.filter((r) => r.Side__c === 'Customer');
  const person = (r: DocumentRecord): string => text(nested(r, r.Side__c === 'Seller' ? 'User__r.Name' : 'Contact__r.Name'));
  const teamTable = (title: string, roles: DocumentRecord[]): Table =>
    internal
      ? {
          title,
          headers: ['Person', 'Role', 'C-level', 'Influence', 'Relationship'],
          rows: roles.map((r) => [person(r), text(r.Role__c), text(r.C_Level__c), text(r.Influence__c), text(r.Relationship_Strength__c)])
        }
      : { title, headers: ['Person', 'Role'], rows: roles.map((r) => [person(r), text(r.Role__c)]) };
  const planLines: Array<[string, string]> = [
    ['Account', doc.accountName],
    ['Status', text(p.Status__c)],
    ['Relationship stage', text(p.Relationship_Stage__c)],
    ['Period', `${text(p.Period_Start__c)} to ${text(p.Period_End__c)}`],
    ['Customer acknowledged the relationship', `${text(p.Customer_Acknowledged__c)}${p.Customer_Acknowledged_On__c ? ` (${text(p.Customer_Acknowledged_On__c)})` : ''}`],
    ['Joint planning', text(p.Joint_Planning_Date__c)],
    ['Review cadence', p.Review_Cadence_Days__c ? `every ${text(p.Review_Cadence_Days__c)} days` : '—'],
    ...(internal
      ? ([
          ['Revenue target', text(p.Revenue_Target__c)],
          ['Wallet share target', p.Wallet_Share_Target__c !== null && p.Wallet_Share_Target__c !== undefined ? `${text(p.Wallet_Share_Target__c)}%` : '—']
        ] as Array<[string, string]>)
      : [])
  ];
  const result: Section[] = [
    {
      title: 'The plan',
      lines: planLines,
      paragraphs: [`Shared value: ${text(p.Shared_Value__c)}`, ...(p.Shared_Value_Detail__c ? [String(p.Shared_Value_Detail__c)] : [])]
    },
    {
      title: 'Objectives',
      tables: [{
        title: '',
        headers: ['Objective', 'Type', 'Measure', 'Target', 'Actual', 'Attainment', 'Customer agreed', 'Due'],
        rows: records.objectives.map((o) => [text(o.Description__c ?? o.Name), text(o.Type__c), text(o.Measure__c), text(o.Target__c), text(o.Actual__c), o.Attainment__c !== undefined && o.Attainment__c !== null ? `${text(o.Attainment__c)}%` : '—', text(o.Customer_Agreed__c), text(o.Due_Date__c)])
      }]
    },
    {
      title: 'Milestones',
      tables: [
        internal
          ? {
              title: '',
              headers: ['Milestone', 'Relationship step', 'Owner', 'Due', 'Status', 'Completed'],
              rows: records.milestones.map((m) => [text(m.Name), text(m.Relationship_Step__c), text(nested(m, 'Owner__r.Name')), text(m.Due_Date__c), text(m.Status__c), text(m.Completed_On__c)])
            }
          : {
              title: '',
              headers: ['Milestone', 'Owner', 'Due', 'Status', 'Completed'],
              rows: records.milestones.map((m) => [text(m.Name), text(nested(m, 'Owner__r.Name')), text(m.Due_Date__c), text(m.Status__c), text(m.Completed_On__c)])
            }
      ]
    },
    { title: 'Both teams', tables: [teamTable('Our team', seller), teamTable("Customer's team", customer)] },
    {
      title: 'Reviews',
      tables: [
        internal
          ? {
              title: '',
              headers: ['Date', 'Type', 'Customer attended', 'Health at review', 'Decisions', 'Next review'],
              rows: records.reviews.map((r) => [text(r.Review_Date__c), text(r.Type__c), text(r.Customer_Attended__c), text(r.Health_At_Review__c), text(r.Decisions__c), text(r.Next_Review_Date__c)])
            }
          : {
              title: '',
              headers: ['Date', 'Type', 'Decisions', 'Next review'],
              rows: records.reviews.map((r) => [text(r.Review_Date__c), text(r.Type__c), text(r.Decisions__c), text(r.Next_Review_Date__c)])
            }
      ]
    }
  ];
  if (records.insights.length > 0) {
    result.push({
      title: 'What we understand',
      tables: [{ title: '', headers: ['Type', 'Insight', 'Impact', 'Source'], rows: records.insights.map((i) => [text(i.Type__c), text(i.Detail__c ?? i.Name), text(i.Impact__c), text(i.Source__c)]) }]
    });
  }
  if (doc.health && internal) {
    const h = doc.health;
    result.splice(1, 0, {
      title: 'Plan health',
      lines: [
        ['Score', h.score === null ? 'not scored (the plan is not active)' : `${h.score} / 100`],
        ['Status', text(h.status)],
        ['Relationship readiness', `${h.readinessCount} of ${h.readiness.length} steps met`],
        ...(h.nextStage ? ([['Suggested next stage', h.nextStage]] as Array<[string, string]>) : [])
      ],
      tables: [
        { title: 'Health by component', headers: ['Component', 'Score', 'Why'], rows: h.components.map((c) => [c.name, c.score === null ? '—' : String(c.score), c.reasons.join(' ') || '—']) },
        { title: 'Relationship readiness', headers: ['Step', 'Met', 'Evidence'], rows: h.readiness.map((r) => [r.step, r.met ? 'Yes' : 'No', r.evidence]) }
      ]
    });
  }
  return result;
}

const INTERNAL_NOTICE = 'Internal: not for the customer.';

// Control characters (other than line breaks and tabs, which become spaces) never reach a document.
const CONTROL = /(?![\t\n\r])[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * One value as CommonMark text that renders exactly as written and adds no structure: every
 * character that can open inline HTML, an autolink, a link or image, emphasis, a code span or
 * fence, an entity or a table cell is backslash-escaped, and so are the markers that only count at
 * the start of a line (list items, headings, block quotes, setext underlines, ordered lists).
 */
export function markdownText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~&!]/g, (c) => `\\${c}`)
    // Only where they would open a block: "- x", "---", "1. x" — not "-5" or "1.4".
    .replace(/^([-+=])(?=\s|$|\1)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A multi-line value as one paragraph: each line escaped, kept apart by hard line breaks. */
function markdownParagraph(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map(markdownText)
    .filter(Boolean)
    .join('\\\n');
}

export function planMarkdown(doc: PlanDocument): string {
  const out: string[] = [`# Account plan: ${markdownText(doc.accountName)}`, '', `*${markdownText(doc.plan.Name) || '—'} — as of ${markdownText(doc.asOf)}*`, ''];
  if (doc.audience === 'internal') out.push(`**${INTERNAL_NOTICE}**`, '');
  for (const section of sections(doc)) {
    out.push(`## ${markdownText(section.title)}`, '');
    for (const [label, value] of section.lines ?? []) out.push(`- **${markdownText(label)}:** ${markdownText(value)}`);
    if (section.lines?.length) out.push('');
    for (const paragraph of section.paragraphs ?? []) out.push(markdownParagraph(paragraph) || '—', '');
    for (const table of section.tables ?? []) {
      if (table.title) out.push(`### ${markdownText(table.title)}`, '');
      if (table.rows.length === 0) {
        out.push('_None yet._', '');
        continue;
      }
      out.push(`| ${table.headers.map(markdownText).join(' | ')} |`, `|${table.headers.map(() => ' --- ').join('|')}|`);
      for (const row of table.rows) out.push(`| ${row.map((cell) => markdownText(cell) || '—').join(' | ')} |`);
      out.push('');
    }
  }
  return out.join('\n');
}

const escapeHtml = (value: string): string =>
  value.replace(CONTROL, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function planHtml(doc: PlanDocument): string {
  const body: string[] = [`<h1>Account plan: ${escapeHtml(doc.accountName)}</h1>`, `<p class="meta">${escapeHtml(doc.plan.Name)} — as of ${escapeHtml(doc.asOf)}</p>`];
  if (doc.audience === 'internal') body.push(`<p class="internal"><strong>${INTERNAL_NOTICE}</strong></p>`);
  for (const section of sections(doc)) {
    body.push(`<section><h2>${escapeHtml(section.title)}</h2>`);
    if (section.lines?.length) {
      body.push('<dl>', ...section.lines.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`), '</dl>');
    }
    for (const paragraph of section.paragraphs ?? []) body.push(`<p>${escapeHtml(paragraph)}</p>`);
    for (const table of section.tables ?? []) {
      if (table.title) body.push(`<h3>${escapeHtml(table.title)}</h3>`);
      if (table.rows.length === 0) {
        body.push('<p class="none">None yet.</p>');
        continue;
      }
      body.push(
        '<table>',
        `<thead><tr>${table.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`),
        '</tbody></table>'
      );
    }
    body.push('</section>');
  }
  const style = [
    'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;color:#181818;line-height:1.4;padding:0 1rem}',
    'h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #c9c9c9;padding-bottom:.25rem;margin-top:2rem}h3{font-size:1rem}',
    '.meta,.none{color:#5c5c5c}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}',
    'table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #c9c9c9;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}',
    '@media print{body{margin:0}}'
  ].join('');
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Account plan: ${escapeHtml(doc.accountName)}</title>\n<style>${style}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
