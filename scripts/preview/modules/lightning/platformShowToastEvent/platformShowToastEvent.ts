// Stand-in for lightning/platformShowToastEvent: the event bubbles to the page, which shows the
// toast as Lightning Experience would (scripts/preview/app/toasts.ts).
export type ToastDetail = { title?: string; message?: string; variant?: 'info' | 'success' | 'warning' | 'error'; mode?: string; messageData?: unknown[] };

export class ShowToastEvent extends CustomEvent<ToastDetail> {
  constructor(detail: ToastDetail) {
    super('lightning__showtoast', { detail, bubbles: true, composed: true, cancelable: true });
  }
}
