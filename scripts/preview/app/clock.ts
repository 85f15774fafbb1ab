// The page's clock runs from the day the sample data was made for (?today=YYYY-MM-DD to change it,
// ?today=real for the machine's day), so "days late" and "no review in N days" read as in the
// fixtures. Imported first, before any component computes a date.
import { SAMPLE_TODAY } from '../catalog.js';

const requested = new URLSearchParams(globalThis.location?.search ?? '').get('today') ?? SAMPLE_TODAY;

if (requested !== 'real' && /^\d{4}-\d{2}-\d{2}$/.test(requested)) {
  const RealDate = Date;
  const offset = new RealDate(`${requested}T12:00:00Z`).getTime() - RealDate.now();
  class PreviewDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = PreviewDate as DateConstructor;
}
