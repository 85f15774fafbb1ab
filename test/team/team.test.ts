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

describe('org chart: reading order and detail', () => {
  it('starts from the top person whatever order the team was entered in, and opens every level', () => {
    const tree = orgChart([person('vp', 'Customer', 'coo'), person('coo', 'Customer', 'ceo'), person('ceo', 'Customer')], 'Customer');
    assert.deepEqual(tree.map((n) => n.name), ['ceo']);
    assert.deepEqual(tree[0].items.map((n) => n.name), ['coo']);
    assert.deepEqual(tree[0].items[0].items.map((n) => n.name), ['vp']);
    assert.equal(tree[0].expanded, true);
    assert.equal(tree[0].items[0].expanded, true);
  });
  it('shows someone whose manager is not on this side of the team at the top, in the order entered', () => {
    const tree = orgChart([person('a', 'Customer', 'missing'), person('b', 'Customer'), person('c', 'Customer', 'seller1'), person('seller1', 'Seller')], 'Customer');
    assert.deepEqual(tree.map((n) => n.name), ['a', 'b', 'c']);
  });
  it('shows someone recorded as their own manager at the top, in the order entered, once', () => {
    const tree = orgChart([person('self', 'Customer', 'self'), person('other', 'Customer')], 'Customer');
    assert.deepEqual(tree.map((n) => n.name), ['self', 'other']);
    assert.deepEqual(tree[0].items, []);
  });
  it('leaves out what is not known instead of printing blanks', () => {
    const [node] = orgChart([person('cfo', 'Customer', null, { title: 'CFO', role: null, influence: null })], 'Customer');
    assert.equal(node.metatext, 'CFO');
    const [bare] = orgChart([person('x', 'Customer')], 'Customer');
    assert.equal(bare.metatext, '');
  });
});

describe('coverage gaps: each side counts only for itself', () => {
  it('a team of customer people only still lacks an executive of ours', () => {
    const customerOnly = [person('1', 'Customer', null, { cLevel: true, role: 'Decision Maker' }), person('2', 'Customer', null, { role: 'Champion' })];
    assert.deepEqual(coverageGaps(customerOnly, true), ['noSellerExecutive']);
  });
  it('a team of our people only lacks the customer executive, champion and decision maker, whatever their roles', () => {
    const sellerOnly = [person('1', 'Seller', null, { cLevel: true, role: 'Champion' }), person('2', 'Seller', null, { role: 'Decision Maker' }), person('3', 'Seller', null, { role: 'Economic Buyer' })];
    assert.deepEqual(coverageGaps(sellerOnly, true), ['noCustomerExecutive', 'noChampion', 'noDecisionMaker']);
  });
  it('a decision maker or an economic buyer closes the decision-maker gap; an influencer or sponsor does not', () => {
    const team = (role: string): TeamMember[] => [person('exec', 'Customer', null, { cLevel: true, role: 'Champion' }), person('ours', 'Seller', null, { cLevel: true }), person('p', 'Customer', null, { role })];
    assert.deepEqual(coverageGaps(team('Decision Maker'), true), []);
    assert.deepEqual(coverageGaps(team('Economic Buyer'), true), []);
    assert.deepEqual(coverageGaps(team('Influencer'), true), ['noDecisionMaker']);
    assert.deepEqual(coverageGaps(team('Executive Sponsor'), true), ['noDecisionMaker']);
  });
  it('a champion closes only the champion gap', () => {
    const team = [person('exec', 'Customer', null, { cLevel: true, role: 'Decision Maker' }), person('ours', 'Seller', null, { cLevel: true }), person('c', 'Customer', null, { role: 'Influencer' })];
    assert.deepEqual(coverageGaps(team, true), ['noChampion']);
  });
});
