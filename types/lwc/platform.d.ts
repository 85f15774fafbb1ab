// Types for the platform modules our components import (the platform provides them at run time;
// sfdx-lwc-jest provides test doubles).
declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';
  export const getRecord: WireAdapterConstructor;
  export function getFieldValue(record: unknown, field: unknown): unknown;
  export function updateRecord(input: { fields: Record<string, unknown> }, clientOptions?: { ifUnmodifiedSince?: string }): Promise<unknown>;
  export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
}
declare module 'lightning/uiObjectInfoApi' {
  import type { WireAdapterConstructor } from 'lwc';
  export const getObjectInfo: WireAdapterConstructor;
}
declare module 'lightning/platformShowToastEvent' {
  export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(toast: { title: string; message?: string; variant?: 'info' | 'success' | 'warning' | 'error' });
  }
}
declare module 'lightning/confirm' {
  const LightningConfirm: { open(options: { message: string; label: string; theme?: string; variant?: string }): Promise<boolean> };
  export default LightningConfirm;
}
declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}
declare module '@salesforce/schema/*' {
  const reference: { fieldApiName: string; objectApiName: string };
  export default reference;
}
declare module 'lightning/graphql' {
  import type { WireAdapterConstructor } from 'lwc';
  export const graphql: WireAdapterConstructor;
  export function gql(strings: TemplateStringsArray, ...values: unknown[]): unknown;
}
declare module '@salesforce/user/Id' {
  const id: string;
  export default id;
}
declare module 'lightning/uiRecordApi' {
  export function deleteRecord(recordId: string): Promise<void>;
}
declare module 'lightning/uiRecordApi' {
  export function createRecord(input: { apiName: string; fields: Record<string, unknown> }): Promise<{ id: string }>;
}
declare module '@salesforce/customPermission/*' {
  const granted: boolean | undefined;
  export default granted;
}
declare module 'lightning/navigation' {
  import type { LightningElement } from 'lwc';
  type PageReference = { type: string; attributes: Record<string, unknown>; state?: Record<string, unknown> };
  type Constructor<T> = new (...args: any[]) => T;
  interface NavigationMixinFn {
    <T extends Constructor<LightningElement>>(base: T): T & Constructor<{ [key: symbol]: (pageReference: PageReference, replace?: boolean) => void }>;
    readonly Navigate: unique symbol;
    readonly GenerateUrl: unique symbol;
  }
  export const NavigationMixin: NavigationMixinFn;
}
declare module '@salesforce/i18n/locale' {
  const locale: string;
  export default locale;
}
declare module '@salesforce/i18n/currency' {
  const currency: string;
  export default currency;
}
declare module '@salesforce/i18n/timeZone' {
  const timeZone: string;
  export default timeZone;
}
