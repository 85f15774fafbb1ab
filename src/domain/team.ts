// Both teams of a plan: the org chart drawn from reports-to, and the coverage gaps a major
// account should not have. Pure: the component and the CLI can both use it.

export type TeamMember = {
  id: string;
  side: 'Seller' | 'Customer' | string;
  name: string;
  title?: string | null;
  role?: string | null;
  cLevel: boolean;
  influence?: string | null;
  strength?: string | null;
  committed?: boolean;
  reportsTo?: string | null;
};

export type OrgNode = { label: string; name: string; metatext: string; expanded: boolean; items: OrgNode[] };

/**
 * The org chart of one side as a tree: people whose manager is not on the team (or who report to
 * someone on the other side, or in a loop) are roots, so nobody is ever left out.
 */
export function orgChart(members: TeamMember[], side: string): OrgNode[] {
  const mine = members.filter((m) => m.side === side);
  const ids = new Set(mine.map((m) => m.id));
  const children = new Map<string, TeamMember[]>();
  const roots: TeamMember[] = [];
  for (const m of mine) {
    if (m.reportsTo && ids.has(m.reportsTo) && m.reportsTo !== m.id) {
      const list = children.get(m.reportsTo) ?? [];
      list.push(m);
      children.set(m.reportsTo, list);
    } else roots.push(m);
  }
  const placed = new Set<string>();
  const node = (m: TeamMember): OrgNode => {
    placed.add(m.id);
    const meta = [m.role, m.title, m.cLevel ? 'C-level' : null, m.influence ? `${m.influence} influence` : null, m.strength ? `${m.strength} relationship` : null].filter(Boolean).join(' · ');
    return { label: m.name, name: m.id, metatext: meta, expanded: true, items: (children.get(m.id) ?? []).filter((c) => !placed.has(c.id)).map(node) };
  };
  const tree = roots.map(node);
  // People in a reporting loop have no root: show them at the top rather than lose them.
  for (const m of mine) if (!placed.has(m.id)) tree.push(node(m));
  return tree;
}

export type CoverageGap = 'noCustomerExecutive' | 'noSellerExecutive' | 'noChampion' | 'noDecisionMaker' | 'noBackupLead';

/** What the team is missing: executives on both sides, a champion, a decision maker, a backup lead. */
export function coverageGaps(members: TeamMember[], hasBackupLead: boolean): CoverageGap[] {
  const customer = members.filter((m) => m.side === 'Customer');
  const seller = members.filter((m) => m.side === 'Seller');
  const gaps: CoverageGap[] = [];
  if (!customer.some((m) => m.cLevel)) gaps.push('noCustomerExecutive');
  if (!seller.some((m) => m.cLevel)) gaps.push('noSellerExecutive');
  if (!customer.some((m) => m.role === 'Champion')) gaps.push('noChampion');
  if (!customer.some((m) => m.role === 'Decision Maker' || m.role === 'Economic Buyer')) gaps.push('noDecisionMaker');
  if (!hasBackupLead) gaps.push('noBackupLead');
  return gaps;
}
