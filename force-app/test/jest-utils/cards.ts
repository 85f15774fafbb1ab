// Reach into the shared children of the Major Account cards: the card frame (c-plan-card) holds
// the loading, error and no-plan states; the record form editor (c-record-form-editor) holds the form.

/** The shadow root of the container's c-plan-card. */
export function cardFrame(root: ShadowRoot): ShadowRoot {
  const frame = root.querySelector('c-plan-card');
  if (!frame?.shadowRoot) throw new Error('c-plan-card not rendered');
  return frame.shadowRoot;
}

/** The open c-record-form-editor of a container, or null when no form is open. */
export function editor(root: ShadowRoot): (HTMLElement & { recordId?: string; objectApiName?: string; heading?: string }) | null {
  return root.querySelector('c-record-form-editor');
}

/** The lightning-record-edit-form inside the container's open editor, or null. */
export function editorForm(root: ShadowRoot): (HTMLElement & { recordId?: string; objectApiName?: string; submit: jest.Mock }) | null {
  return (editor(root)?.shadowRoot?.querySelector('lightning-record-edit-form') as (HTMLElement & { recordId?: string; objectApiName?: string; submit: jest.Mock }) | null | undefined) ?? null;
}

/** The field names the container's open editor shows. */
export function editorFieldNames(root: ShadowRoot): string[] {
  return Array.from(editor(root)?.shadowRoot?.querySelectorAll('lightning-input-field') ?? []).map((f) => (f as HTMLElement & { fieldName?: string }).fieldName ?? '');
}
