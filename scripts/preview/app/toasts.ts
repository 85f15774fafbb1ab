// Shows the toasts components raise (ShowToastEvent bubbles to the document) the way Lightning
// Experience does: SLDS toasts at the top of the page, closed by the user or after a while.
import { h, spriteIcon } from './dom.js';

type ToastDetail = { title?: string; message?: string; variant?: string; mode?: string; messageData?: unknown[] };

const VARIANTS: Record<string, { theme: string; icon: string; label: string }> = {
  success: { theme: 'slds-theme_success', icon: 'success', label: 'Success' },
  error: { theme: 'slds-theme_error', icon: 'error', label: 'Error' },
  warning: { theme: 'slds-theme_warning', icon: 'warning', label: 'Warning' },
  info: { theme: 'slds-theme_info', icon: 'info', label: 'Info' }
};
const STAY_MS = 10000;

function fill(text: string, data: unknown[] | undefined): string {
  return text.replace(/\{(\d+)\}/g, (match, i: string) => {
    const item = data?.[Number(i)];
    if (item === undefined) return match;
    return typeof item === 'object' && item !== null && 'label' in item ? String((item as { label: unknown }).label) : String(item);
  });
}

/** Listens for toasts on the document and shows them in a region at the top of the page. */
export function showToasts(): void {
  const region = h('div', { class: 'slds-notify_container slds-is-fixed preview-toasts', role: 'region', 'aria-label': 'Notifications' });
  document.body.append(region);
  document.addEventListener('lightning__showtoast', (event) => {
    const detail = (event as CustomEvent<ToastDetail>).detail ?? {};
    const variant = VARIANTS[detail.variant ?? 'info'] ?? VARIANTS.info;
    const toast = h('div', { class: `slds-notify slds-notify_toast ${variant.theme}`, role: detail.variant === 'error' ? 'alert' : 'status', 'data-variant': detail.variant ?? 'info' });
    const assistive = h('span', { class: 'slds-assistive-text' }, variant.label);
    const iconWrap = h('span', { class: `slds-icon_container slds-icon-utility-${variant.icon} slds-m-right_small slds-no-flex slds-align-top` });
    iconWrap.append(spriteIcon('utility', variant.icon, 'slds-icon slds-icon_small'));
    const content = h('div', { class: 'slds-notify__content' });
    if (detail.title) content.append(h('h2', { class: 'slds-text-heading_small' }, fill(detail.title, detail.messageData)));
    if (detail.message) content.append(h('p', {}, fill(detail.message, detail.messageData)));
    const close = h('button', { class: 'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close', title: 'Close' });
    close.append(spriteIcon('utility', 'close', 'slds-button__icon slds-button__icon_large'), h('span', { class: 'slds-assistive-text' }, 'Close'));
    close.addEventListener('click', () => toast.remove());
    toast.append(assistive, iconWrap, content, close);
    region.append(toast);
    if (detail.mode !== 'sticky') setTimeout(() => toast.remove(), STAY_MS);
  });
}
