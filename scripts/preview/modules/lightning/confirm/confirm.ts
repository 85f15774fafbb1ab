// Stand-in for lightning/confirm: an SLDS prompt on the page (LightningConfirm needs the Lightning
// modal service). Resolves true on OK, false on Cancel or Escape.
type ConfirmOptions = { message?: string; label?: string; variant?: 'header' | 'headerless'; theme?: string };

function button(text: string, brand: boolean): HTMLButtonElement {
  const b = document.createElement('button');
  b.className = `slds-button ${brand ? 'slds-button_brand' : 'slds-button_neutral'}`;
  b.textContent = text;
  return b;
}

export default class LightningConfirm {
  static open(options: ConfirmOptions = {}): Promise<boolean> {
    return new Promise((resolve) => {
      const host = document.createElement('div');
      host.className = 'preview-confirm';
      const section = document.createElement('section');
      section.className = 'slds-modal slds-fade-in-open slds-modal_prompt';
      section.setAttribute('role', 'alertdialog');
      section.setAttribute('aria-modal', 'true');
      section.setAttribute('aria-labelledby', 'preview-confirm-title');
      section.setAttribute('aria-describedby', 'preview-confirm-message');
      const container = document.createElement('div');
      container.className = 'slds-modal__container';
      const header = document.createElement('div');
      header.className = `slds-modal__header slds-theme_${options.theme ?? 'warning'} slds-theme_alert-texture`;
      const title = document.createElement('h1');
      title.id = 'preview-confirm-title';
      title.className = 'slds-text-heading_medium';
      title.textContent = options.label ?? 'Confirm';
      header.append(title);
      const body = document.createElement('div');
      body.className = 'slds-modal__content slds-p-around_medium';
      body.id = 'preview-confirm-message';
      body.textContent = options.message ?? '';
      const footer = document.createElement('div');
      footer.className = 'slds-modal__footer slds-theme_default';
      const cancel = button('Cancel', false);
      const ok = button('OK', true);
      footer.append(cancel, ok);
      container.append(header, body, footer);
      section.append(container);
      const backdrop = document.createElement('div');
      backdrop.className = 'slds-backdrop slds-backdrop_open';
      backdrop.setAttribute('role', 'presentation');
      host.append(section, backdrop);
      const close = (answer: boolean): void => {
        host.remove();
        resolve(answer);
      };
      cancel.addEventListener('click', () => close(false));
      ok.addEventListener('click', () => close(true));
      section.addEventListener('keydown', (event) => event.key === 'Escape' && close(false));
      document.body.append(host);
      ok.focus();
    });
  }
}
