import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';

/**
 * What every card with add and edit forms shares (Objectives, Milestones, Both Teams, Understand
 * the Customer): which record the form is open on, focus back to the button that opened it when
 * it closes, and after a save a success toast and the card's query refreshed.
 */
export class EditableCard extends LightningElement {
  /** Id of the record in the form, 'new' while adding one, null when no form is open. */
  editing: string | null = null;
  private returnFocusTo: string | null = null;

  /** The card's query result; refreshed after a save. */
  result: { refresh?: () => Promise<void> } = {};
  /** Each card's words for its form: the headings for adding and editing, and the toast after a save. */
  protected formLabels = { add: '', edit: '', saved: '' };

  get formHeading(): string {
    return this.editing === 'new' ? this.formLabels.add : this.formLabels.edit;
  }

  get showForm(): boolean {
    return this.editing !== null;
  }

  get editRecordId(): string | undefined {
    return this.editing && this.editing !== 'new' ? this.editing : undefined;
  }

  handleAdd(): void {
    this.editing = 'new';
  }

  handleEdit(event: Event): void {
    this.editing = (event.currentTarget as HTMLElement).dataset.id ?? null;
  }

  handleCancel(): void {
    this.closeForm();
  }

  /** Closes the form and gives focus back to the button that opened it. */
  protected closeForm(): void {
    this.returnFocusTo = this.editing;
    this.editing = null;
  }

  renderedCallback(): void {
    if (!this.returnFocusTo || this.showForm) return;
    const opener = this.returnFocusTo === 'new' ? this.refs?.add : this.template?.querySelector(`lightning-button-icon.edit[data-id="${this.returnFocusTo}"]`);
    this.returnFocusTo = null;
    (opener as HTMLElement | null | undefined)?.focus();
  }

  async handleSaved(): Promise<void> {
    this.closeForm();
    this.dispatchEvent(new ShowToastEvent({ title: this.formLabels.saved, variant: 'success' }));
    await this.result.refresh?.();
  }
}
