// Finds and launches a headless Chromium for the browser tests and the screenshots:
// CHROMIUM_PATH, else the one @sparticuz/chromium (a dev dependency) unpacks, else /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { chromium as playwright, type Browser } from 'playwright-core';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const HOW_TO_GET_CHROMIUM =
  'No Chromium found. Run `npm ci` (it installs @sparticuz/chromium), or install one (`apt-get install chromium`), or set CHROMIUM_PATH to a Chromium/Chrome executable.';

type Found = { executablePath: string; args: string[]; source: string };

async function findChromium(): Promise<Found> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${HOW_TO_GET_CHROMIUM}`);
    return { executablePath: fromEnv, args: FLAGS, source: 'CHROMIUM_PATH' };
  }
  const errors: string[] = [];
  try {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    const executablePath = await sparticuz.executablePath();
    if (executablePath && existsSync(executablePath)) {
      // Its --single-process suits one-page serverless runs; here a closed context would take the browser down.
      const args = sparticuz.args.filter((arg) => arg !== '--single-process');
      return { executablePath, args: [...new Set([...args, ...FLAGS])], source: '@sparticuz/chromium' };
    }
  } catch (error) {
    errors.push(`@sparticuz/chromium: ${(error as Error).message}`);
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(path)) return { executablePath: path, args: FLAGS, source: path };
  }
  throw new Error(`${HOW_TO_GET_CHROMIUM}${errors.length ? ` (${errors.join('; ')})` : ''}`);
}

/** Launches the headless Chromium; fails with how to get one when there is none. */
export async function launchChromium(): Promise<Browser> {
  const found = await findChromium();
  return playwright.launch({ executablePath: found.executablePath, args: found.args, headless: true });
}
