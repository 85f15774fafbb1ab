import { createElement } from 'lwc';
import PlanCard from 'c/planCard';
import { flushPromises } from 'test/jest-utils/flushPromises';

type Card = HTMLElement & { heading?: string; iconName?: string; loading?: boolean; errors?: unknown; noPlan?: boolean; noPlanMessage?: string };
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;

async function render(props: Partial<Card>): Promise<Card> {
  const element = createElement('c-plan-card', { is: PlanCard }) as Card;
  Object.assign(element, { heading: 'Objectives', iconName: 'standard:goals', noPlanMessage: 'No active plan yet.', ...props });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-plan-card', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('is a titled card that shows its content once the plan has loaded', async () => {
    const element = await render({});
    const card = root(element).querySelector('lightning-card') as HTMLElement & { title?: string; iconName?: string };
    expect(card.title).toBe('Objectives');
    expect(card.iconName).toBe('standard:goals');
    expect(root(element).querySelector('slot:not([name])')).not.toBeNull();
    expect(root(element).querySelector('slot[name="actions"]')).not.toBeNull();
    expect(root(element).querySelector('lightning-spinner, c-error-panel, .no-plan')).toBeNull();
  });

  it('shows a labelled spinner while loading, not the content', async () => {
    const element = await render({ loading: true });
    expect((root(element).querySelector('lightning-spinner') as HTMLElement & { alternativeText?: string }).alternativeText).toBe('Objectives');
    expect(root(element).querySelector('slot:not([name])')).toBeNull();
  });

  it('shows the error panel with the errors when loading failed', async () => {
    const errors = [{ message: 'boom' }];
    const element = await render({ errors });
    expect((root(element).querySelector('c-error-panel') as HTMLElement & { errors?: unknown }).errors).toEqual(errors);
    expect(root(element).querySelector('slot:not([name])')).toBeNull();
  });

  it('says so when the account has no active plan', async () => {
    const element = await render({ noPlan: true });
    expect(root(element).querySelector('.no-plan')?.textContent).toBe('No active plan yet.');
    expect(root(element).querySelector('slot:not([name])')).toBeNull();
  });
});
