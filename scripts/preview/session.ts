// One browser on the preview server, shared by the browser tests and the screenshots: opens a
// view, records console errors and page errors, and waits until the components have settled.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startPreviewServer, type PreviewServer } from './server.js';
import { PAGE_WIDTH, previewPath, type PageName, type PreviewState } from './catalog.js';

export type PreviewSession = {
  server: PreviewServer;
  browser: Browser;
  /** Opens a component or page in a state in a fresh page; `errors` collects what the console and the page report. */
  open(target: { component: string } | { page: PageName }, state?: PreviewState): Promise<{ page: Page; errors: string[] }>;
  /** A blank page in the session's browser context. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

/** Waits until no spinner is left and the icons are drawn (two quiet animation frames after). */
export async function settle(page: Page): Promise<void> {
  await page.waitForSelector('body[data-preview-ready]');
  await page.locator('lightning-spinner').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function startSession(options: { height?: number } = {}): Promise<PreviewSession> {
  const server = await startPreviewServer();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const context = await browser.newContext({ viewport: { width: PAGE_WIDTH, height: options.height ?? 900 } });
  // A component that does not render fails fast rather than after playwright's 30 s.
  context.setDefaultTimeout(10_000);
  return {
    server,
    browser,
    async open(target, state = 'data') {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      await page.goto(new URL(previewPath(target, state), server.url).href);
      await settle(page);
      return { page, errors };
    },
    newPage: () => context.newPage(),
    async close() {
      await browser.close();
      await server.close();
    }
  };
}
