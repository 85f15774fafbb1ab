/** Waits for pending promises and re-renders (one shared helper for every component test). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
