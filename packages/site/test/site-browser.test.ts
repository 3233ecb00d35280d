import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, screenshot, seriousAxeViolations } from './browser.js';
import { serveMhhsSite } from './mhhs-site.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveMhhsSite>>;
let page: Page;

beforeAll(async () => {
  site = await serveMhhsSite();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const text = (p: Page, selector: string) => p.$eval(selector, (e) => e.textContent ?? '');

describe('the participants site, in Chromium', () => {
  test('the home page shows what the design holds, as charts', async () => {
    await page.goto(site.url, { waitUntil: 'load' });
    expect(await text(page, 'h1')).toBe('MHHS design');
    const captions = await page.$$eval('figure.chart figcaption', (es) => es.map((e) => e.textContent));
    expect(captions).toEqual(expect.arrayContaining(['Elements by kind', 'Findings by severity']));
    // The kind chart has a bar per kind, drawn in SVG on the server.
    expect((await page.$$('figure.chart svg rect')).length).toBeGreaterThan(10);
    await screenshot(page, 'dashboard');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('an element page lists its relations, and following one reaches the far end', async () => {
    await page.goto(`${site.url}e/IF-021.html`, { waitUntil: 'load' });
    expect(await text(page, 'h1')).toContain('IF-021');
    const groups = await page.$$eval('.relation-group h3', (es) =>
      es.map((e) => e.textContent?.split(' ')[0]),
    );
    expect(groups.length).toBeGreaterThan(1);
    await screenshot(page, 'element');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const link = await page.$('.relation-group a.id');
    const target = await link!.evaluate((a) => a.textContent);
    await Promise.all([page.waitForNavigation(), link!.click()]);
    expect(await text(page, 'h1')).toContain(target!);
  });
});
