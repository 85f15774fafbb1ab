// Stand-in for lightning-messages: shows the errors its record-edit-form reports.
import { LightningElement, api } from 'lwc';

export default class Messages extends LightningElement {
  /** Messages to show, set by the enclosing form stand-in. */
  @api messages: string[] = [];

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }
}
