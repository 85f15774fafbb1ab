import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coverageGaps, orgChart, type TeamMember } from '../../src/domain/team.js';

const person = (id: string, side: string, reportsTo: string | null = null, extra: Partial<TeamMember> = {}): TeamMember => ({ id, side, name: `Person ${id}`, cLevel: false, reportsTo, ...extra });

describe('org chart from reports-to', () => {
  it('nests people under the manager they report to, per side', () => {
    const tree = orgChart([person('ceo', 'Customer'), person('coo', 'Customer', 'ceo'), person('vp', 'Customer', 'coo'), person('lead', 'Seller')], 'Customer');
    assert.equal(tree.length, 1);
    assert.equal(tree[0].name, 'ceo');
    assert.equal(tree[0].items[0].name, 'coo');
    assert.equal(tree[0].items[0].items[0].name, 'vp');
  });
  it('never loses anyone: unknown managers, the other side and loops become roots', () => {
    const members = [person('a', 'Customer', 'missing'), person('b', 'Customer', 'seller1'), person('seller1', 'Seller'), person('x', 'Customer', 'y'), person('y', 'Customer', 'x')];
    const tree = orgChart(members, 'Customer');
    const all: string[] = [];
    const walk = (nodes: typeof tree): void => nodes.forEach((n) => (all.push(n.name), walk(n.items)));
    walk(tree);
    assert.deepEqual(all.sort(), ['a', 'b', 'x', 'y']);
  });
  it('describes each person in a line: role, title, C-level, influence, relationship', () => {
    const [node] = orgChart([person('ceo', 'Customer', null, { role: 'Executive Sponsor', title: 'CEO', cLevel: true, influence: 'High', strength: 'Strong' })], 'Customer');
    assert.equal(node.metatext, 'Executive Sponsor · CEO · C-level · High influence · Strong relationship');
  });
});

describe('coverage gaps', () => {
  it('calls out a missing customer executive, executive of ours, champion, decision maker and backup lead', () => {
    assert.deepEqual(coverageGaps([], false), ['noCustomerExecutive', 'noSellerExecutive', 'noChampion', 'noDecisionMaker', 'noBackupLead']);
    const full = [person('1', 'Customer', null, { cLevel: true, role: 'Economic Buyer' }), person('2', 'Customer', null, { role: 'Champion' }), person('3', 'Seller', null, { cLevel: true })];
    assert.deepEqual(coverageGaps(full, true), []);
  });
});
