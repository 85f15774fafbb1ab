/**
 * One error path for every component: turns what Lightning Data Service, the UI API or plain
 * JavaScript throws into messages a user can read.
 */
type ErrorLike = {
  body?: { message?: string; output?: { errors?: Array<{ message: string }>; fieldErrors?: Record<string, Array<{ message: string }>> } } | Array<{ message?: string }>;
  message?: string;
  statusText?: string;
};

export function reduceErrors(errors: unknown): string[] {
  const list = (Array.isArray(errors) ? errors : [errors]) as ErrorLike[];
  return list
    .filter((error) => Boolean(error))
    .flatMap((error): string[] => {
      const body = error.body;
      if (Array.isArray(body)) return body.map((e) => e.message ?? '').filter(Boolean);
      if (body?.output) {
        const fieldErrors = Object.values(body.output.fieldErrors ?? {}).flat().map((e) => e.message);
        const pageErrors = (body.output.errors ?? []).map((e) => e.message);
        if (fieldErrors.length || pageErrors.length) return [...pageErrors, ...fieldErrors];
      }
      if (body?.message) return [body.message];
      if (error.message) return [error.message];
      return error.statusText ? [error.statusText] : [];
    })
    .filter((message, index, all) => all.indexOf(message) === index);
}

export type ObjectAccess = { create: boolean; edit: boolean; remove: boolean };
type ObjectInfoNode = { ApiName: string; createable?: boolean; updateable?: boolean; deletable?: boolean };

/**
 * What the user may do with an object, from the objectInfos a GraphQL query returned with its data
 * (so the component still makes one request). Without the information, actions stay offered and
 * the platform decides.
 */
export function objectAccess(data: unknown, apiName: string): ObjectAccess {
  const infos = (data as { uiapi?: { objectInfos?: ObjectInfoNode[] } } | undefined)?.uiapi?.objectInfos ?? [];
  // In a subscriber org the answer names the object with the package namespace (ns__Plan__c).
  const info = infos.find((i) => i.ApiName === apiName || i.ApiName.endsWith(`__${apiName}`));
  if (!info) return { create: true, edit: true, remove: true };
  return { create: info.createable === true, edit: info.updateable === true, remove: info.deletable === true };
}

/**
 * Today as the user's calendar shows it (YYYY-MM-DD), in the time zone of their Salesforce user —
 * not UTC, which is already tomorrow on a late afternoon in Los Angeles.
 */
export function userToday(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Fills a Custom Label's {0}, {1}… placeholders, so translators keep the sentence whole. */
export function formatLabel(label: string, ...values: Array<string | number>): string {
  return label.replace(/\{(\d+)\}/g, (match, index: string) => {
    const at = Number(index);
    return at < values.length ? String(values[at]) : match;
  });
}
