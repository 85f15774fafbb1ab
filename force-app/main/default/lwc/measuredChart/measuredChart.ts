import { LightningElement } from 'lwc';

/** Width a chart is drawn for until its card has been measured (and in tests, which have no layout). */
export const DEFAULT_WIDTH = 320;

/**
 * A chart drawn at the width its card really has: the SVG's viewBox is the measured width, so
 * nothing is scaled and 12px text stays 12px. The template marks the measured element lwc:ref="card".
 */
export class MeasuredChart extends LightningElement {
  /** Measured width of the card's content, in CSS pixels. */
  width = DEFAULT_WIDTH;
  private observer: ResizeObserver | undefined;

  renderedCallback(): void {
    const card = this.refs?.card as HTMLElement | undefined;
    if (this.observer || !card || typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (measured > 0 && measured !== this.width) this.width = measured;
    });
    this.observer.observe(card);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
