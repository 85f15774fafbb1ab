// Stand-in for lightning/navigation: there is no app to navigate in, so a navigation is announced
// on the page (as a toast) with the page reference, and GenerateUrl gives a link to nowhere.
type PageReference = { type: string; attributes?: Record<string, unknown>; state?: Record<string, unknown> };
// TypeScript's mixin rule asks for exactly `any[]` here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => HTMLElement;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function describe(pageReference: PageReference): string {
  const attributes = pageReference.attributes ?? {};
  const target = [attributes.objectApiName, attributes.recordId, attributes.actionName].filter(Boolean).join(' ');
  return `${pageReference.type}${target ? `: ${target}` : ''}`;
}

export const NavigationMixin = Object.assign(
  <T extends Constructor>(Base: T) =>
    class extends Base {
      [Navigate](pageReference: PageReference): void {
        this.dispatchEvent(
          new CustomEvent('lightning__showtoast', {
            detail: { title: 'Navigation', message: `Would open ${describe(pageReference)}`, variant: 'info' },
            bubbles: true,
            composed: true
          })
        );
      }

      [GenerateUrl](pageReference: PageReference): Promise<string> {
        const id = pageReference.attributes?.recordId;
        return Promise.resolve(typeof id === 'string' ? `#/r/${id}` : '#');
      }
    },
  { Navigate, GenerateUrl }
);

export class CurrentPageReference {
  constructor(private readonly provision: (value: PageReference) => void) {}
  connect(): void {
    this.provision({ type: 'standard__recordPage', attributes: {}, state: {} });
  }
  disconnect(): void {}
  update(): void {}
}
