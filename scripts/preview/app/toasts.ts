// Shows the toasts components raise (ShowToastEvent bubbles to the document) the way Lightning
// Experience does: SLDS toasts at the top of the page, closed by the user or after a while.
type ToastDetail = { title?: string; message?: string; variant?: string; mode?: string; messageData?: unknown[] };

const VARIANTS: Record<string, { theme: string; icon: string; label: string }> = {
  success: { theme: 'slds-theme_success', icon: 'success', label: 'Success' },
  error: { theme: 'slds-theme_error', icon: 'error', label: 'Error' },
  warning: { theme: 'slds-theme_warning', icon: 'warning', label: 'Warning' },
  info: { theme: 'slds-theme_info', icon: 'info', label: 'Info' }
};
const STAY_MS = 10000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgIcon(sprite: string, name: string, className: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', `/assets/icons/${sprite}-sprite/svg/symbols.svg#${name}`);
  svg.append(use);
  return svg;
}

function fill(text: string, data: unknown[] | undefined): string {
  return text.replace(/\{(\d+)\}/g, (match, i: string) => {
    const item = data?.[Number(i)];
    if (item === undefined) return match;
    return typeof item === 'object' && item !== null && 'label' in item ? String((item as { label: unknown }).label) : String(item);
  });
}

/** Listens for toasts on the document and shows them in a region at the top of the page. */
export function showToasts(): void {
  const region = el('div', 'slds-notify_container slds-is-fixed preview-toasts');
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Notifications');
  document.body.append(region);
  document.addEventListener('lightning__showtoast', (event) => {
    const detail = (event as CustomEvent<ToastDetail>).detail ?? {};
    const variant = VARIANTS[detail.variant ?? 'info'] ?? VARIANTS.info;
    const toast = el('div', `slds-notify slds-notify_toast ${variant.theme}`);
    toast.setAttribute('role', detail.variant === 'error' ? 'alert' : 'status');
    toast.dataset.variant = detail.variant ?? 'info';
    const assistive = el('span', 'slds-assistive-text', variant.label);
    const iconWrap = el('span', `slds-icon_container slds-icon-utility-${variant.icon} slds-m-right_small slds-no-flex slds-align-top`);
    iconWrap.append(svgIcon('utility', variant.icon, 'slds-icon slds-icon_small'));
    const content = el('div', 'slds-notify__content');
    if (detail.title) content.append(el('h2', 'slds-text-heading_small', fill(detail.title, detail.messageData)));
    if (detail.message) content.append(el('p', '', fill(detail.message, detail.messageData)));
    const close = el('button', 'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close');
    close.title = 'Close';
    close.append(svgIcon('utility', 'close', 'slds-button__icon slds-button__icon_large'), el('span', 'slds-assistive-text', 'Close'));
    close.addEventListener('click', () => toast.remove());
    toast.append(assistive, iconWrap, content, close);
    region.append(toast);
    if (detail.mode !== 'sticky') setTimeout(() => toast.remove(), STAY_MS);
  });
}
