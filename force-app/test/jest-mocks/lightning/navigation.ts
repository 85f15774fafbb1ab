// Shared mock of lightning/navigation that records where a component navigated
// (sfdx-lwc-jest's own stub discards it).
type PageReference = { type: string; attributes: Record<string, unknown>; state?: Record<string, unknown> };

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');
let lastPageReference: PageReference | undefined;

type Constructor = new (...args: never[]) => object;
export const NavigationMixin = Object.assign(
  <T extends Constructor>(Base: T) =>
    class extends Base {
      [Navigate](pageReference: PageReference): void {
        lastPageReference = pageReference;
      }

      [GenerateUrl](): Promise<string> {
        return Promise.resolve('https://example.invalid');
      }
    },
  { Navigate, GenerateUrl }
);

/** The page reference of the last navigation, or undefined. */
export function getNavigateCalledWith(): PageReference | undefined {
  return lastPageReference;
}

export function resetNavigation(): void {
  lastPageReference = undefined;
}
