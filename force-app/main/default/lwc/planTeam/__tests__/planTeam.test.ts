import { createElement } from 'lwc';
import PlanTeam from 'c/planTeam';
import { graphql } from 'lightning/graphql';
import { flushPromises } from 'test/jest-utils/flushPromises';
import northwind from './data/northwindTeam.json';

type Emitter = { emit(value: unknown): void; emitErrors(errors: unknown): void; getLastConfig(): Record<string, unknown> };
type Node = { label: string; name: string; metatext: string; items: Node[] };
const adapter = graphql as unknown as Emitter;
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;

async function render(data: unknown): Promise<HTMLElement> {
  const element = createElement('c-plan-team', { is: PlanTeam }) as HTMLElement & { recordId?: string };
  element.recordId = '001000000000001AAA';
  document.body.appendChild(element);
  adapter.emit(data);
  await flushPromises();
  return element;
}
const tree = (element: HTMLElement, side: string): Node[] => (root(element).querySelector(`section.${side} lightning-tree`) as HTMLElement & { items: Node[] }).items;
const count = (nodes: Node[]): number => nodes.reduce((n, node) => n + 1 + count(node.items), 0);

function bigTeam(people: number): unknown {
  const edges = Array.from({ length: people }, (_, i) => ({
    node: { Id: `a02${String(i).padStart(12, '0')}AAA`, Side__c: { value: i % 2 ? 'Customer' : 'Seller' }, Role__c: { value: 'Influencer' }, C_Level__c: { value: i < 2 }, Influence__c: { value: 'Medium' }, Relationship_Strength__c: { value: 'Neutral' }, Committed__c: { value: false }, Reports_To__c: { value: i >= 2 ? `a02${String(i % 2 ? 1 : 0).padStart(12, '0')}AAA` : null }, User__r: null, Contact__r: { Name: { value: `Person ${i}` }, Title: { value: null } } }
  }));
  return { uiapi: { query: { Account_Plan__c: { edges: [{ node: { Id: 'a01000000000001AAA', Backup_Account_Lead__c: { value: '005000000000001AAA' }, Team_Roles__r: { edges } } }] } } } };
}

describe('c-plan-team', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('shows both teams side by side, the customer team as an org chart from reports-to', async () => {
    const element = await render(northwind);
    expect(adapter.getLastConfig().variables).toEqual({ accountId: '001000000000001AAA' });
    const customer = tree(element, 'customer');
    expect(customer.map((n) => n.label)).toEqual(['Olivia Hart']);
    expect(customer[0].metatext).toBe('Executive Sponsor · Chief Executive Officer · C-level · High influence · Strong relationship');
    expect(customer[0].items.map((n) => n.label)).toEqual(['Marcus Chen']);
    expect(customer[0].items[0].items.map((n) => n.label).sort()).toEqual(['Priya Nair', 'Tom Baker']);
    expect(count(tree(element, 'seller'))).toBe(3);
  });

  it('calls out the coverage gaps', async () => {
    const element = await render(northwind);
    expect(Array.from(root(element).querySelectorAll('.gaps li')).map((li) => li.getAttribute('data-gap'))).toEqual(['noBackupLead']);
  });

  it('keeps everyone in a 50-person chart', async () => {
    const element = await render(bigTeam(50));
    expect(count(tree(element, 'seller')) + count(tree(element, 'customer'))).toBe(50);
    expect(root(element).querySelector('.gaps')).not.toBeNull();
  });

  it('has no-plan and error states', async () => {
    const element = await render({ uiapi: { query: { Account_Plan__c: { edges: [] } } } });
    expect(root(element).querySelector('.no-plan')).not.toBeNull();
    adapter.emitErrors([{ message: 'boom' }]);
    await flushPromises();
    expect(root(element).querySelector('c-error-panel')).not.toBeNull();
  });

  it('is accessible: each org chart has a heading and the gaps are announced', async () => {
    const element = await render(northwind);
    for (const t of Array.from(root(element).querySelectorAll('lightning-tree')) as Array<HTMLElement & { header?: string }>) expect(t.header).toBeTruthy();
    expect(root(element).querySelector('.gaps')?.getAttribute('role')).toBe('status');
  });
});
