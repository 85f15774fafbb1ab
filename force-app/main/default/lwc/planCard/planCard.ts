import { LightningElement, api } from 'lwc';

/**
 * The frame every card of the Major Account tab shares: title, actions, and the loading, error and
 * no-active-plan states; the card's own content goes in the default slot and shows only when the
 * plan has loaded.
 */
export default class PlanCard extends LightningElement {
  /** Card title (also the spinner's alternative text). */
  @api heading: string | undefined;
  /** SLDS icon of the card, e.g. standard:goals. */
  @api iconName: string | undefined;
  /** True while the card's data is loading. */
  @api loading = false;
  /** What the data request failed with; shown in the error panel. */
  @api errors: unknown;
  /** True when the account has no active plan. */
  @api noPlan = false;
  /** What to say when the account has no active plan. */
  @api noPlanMessage: string | undefined;
}
