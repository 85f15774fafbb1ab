import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import TITLE from '@salesforce/label/c.MAM_Error_Title';

/** Shows what went wrong when a component cannot load its data. */
export default class ErrorPanel extends LightningElement {
  /** The error or errors to show (wire errors, UI API errors, JavaScript errors). */
  @api errors: unknown;
  /** A friendly sentence shown above the details. */
  @api friendlyMessage = TITLE;

  get messages(): string[] {
    return reduceErrors(this.errors);
  }
}
