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
