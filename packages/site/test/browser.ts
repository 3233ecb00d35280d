import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const require = createRequire(import.meta.url);

/** Where the browser tests look for Chromium: TRACERY_CHROMIUM, else Debian's package. */
export const CHROMIUM = process.env.TRACERY_CHROMIUM ?? '/usr/bin/chromium';

/** Where screenshots go (gitignored): one per page type, to look at. */
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/** Starts the system's Chromium headless. A missing Chromium fails the tests: it is never downloaded. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install Debian's "chromium" package (.ci/run does) or set TRACERY_CHROMIUM.`,
    );
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** Saves a screenshot of the page as `<name>.png` in the screenshots folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A violation axe-core reports, as much of it as a failing test should print. */
export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

/** Runs axe-core (its own file, evaluated through the debugger, so the page's CSP stays on) and returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run();
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
}
