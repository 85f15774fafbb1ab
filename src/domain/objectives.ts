// How an objective's target and actual read: money, a percentage or a count in the measure's own
// unit. Pure: the Objectives card formats with it, and the CLI can use the same rule.

export type MeasureFormat =
  | { style: 'currency'; currency: string | null; scale: number }
  | { style: 'percent' }
  | { style: 'number'; unit: string | null };

// Common ISO 4217 codes a rep writes into a measure ("Revenue (GBP)"); other three-letter words
// (KPI, NPS, SLA) are units, not currencies.
const CURRENCIES = new Set(
  'USD EUR GBP JPY CHF CAD AUD NZD SEK NOK DKK ISK PLN CZK HUF RON BGN TRY CNY HKD SGD INR KRW TWD THB MYR IDR PHP VND AED SAR QAR ILS ZAR BRL MXN ARS CLP COP PEN'.split(' ')
);
const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', $: 'USD' };
const REVENUE_TYPES = new Set(['Revenue Growth']);

/**
 * The format of an objective's numbers: percent when the measure says so ("%", "percent"); currency
 * when the measure names one ("Revenue (NOK, thousands)", "€ saved") or when a revenue objective
 * measures revenue without naming the currency (null: the user's currency); otherwise a number in
 * the measure's unit.
 */
export function measureFormat(type: string | null | undefined, measure: string | null | undefined): MeasureFormat {
  const text = (measure ?? '').trim();
  if (/%|\bper ?cent/i.test(text)) return { style: 'percent' };
  const code = (text.match(/\b[A-Z]{3}\b/g) ?? []).find((word) => CURRENCIES.has(word));
  const symbol = Object.keys(SYMBOLS).find((s) => text.includes(s));
  const scale = /\bthousands?\b|\b000s\b|'000/i.test(text) ? 1_000 : /\bmillions?\b/i.test(text) ? 1_000_000 : 1;
  if (code) return { style: 'currency', currency: code, scale };
  if (symbol) return { style: 'currency', currency: SYMBOLS[symbol], scale };
  if (REVENUE_TYPES.has(type ?? '') && (text === '' || /\brevenue\b/i.test(text))) return { style: 'currency', currency: null, scale };
  return { style: 'number', unit: text || null };
}
