import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, screenshot, seriousAxeViolations } from './browser.js';
import { traceryCli } from './cli-json.js';
import { MHHS, serveMhhsSite } from './mhhs-site.js';

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

  test('searching for IF-021 finds it first, and its result opens its page', async () => {
    await page.goto(site.url, { waitUntil: 'load' });
    await page.type('#q-top', 'IF-021');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await page.waitForSelector('#results a.id');
    const first = await text(page, '#results a.id');
    expect(first).toBe('IF-021');
    await screenshot(page, 'search');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.click('#results a.id')]);
    expect(await text(page, 'h1')).toContain('IF-021');
  });

  test('BP018 shows its BPMN diagram drawn by bpmn-js, and a task opens its step page', async () => {
    await page.goto(`${site.url}e/BP018.html`, { waitUntil: 'load' });
    await page.waitForSelector('.bpmn-canvas[data-drawn="true"]', { timeout: 20_000 });
    const shapes = await page.$$eval('.bpmn-canvas .djs-element.djs-shape', (es) => es.length);
    expect(shapes).toBeGreaterThan(5);
    await screenshot(page, 'process');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // A linked task: the shape of a step of BP018 (its model id is BP018-NN).
    const task = await page.$('.bpmn-canvas .djs-element.djs-shape.linked[data-element-id^="Activity"]');
    expect(task).not.toBeNull();
    const box = await task!.boundingBox();
    await Promise.all([
      page.waitForNavigation(),
      page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2),
    ]);
    expect(page.url()).toMatch(/\/e\/BP018-\d\d\.html$/);
    expect(await text(page, '.kind')).toBe('ProcessStep');
  });

  test('the impact explorer on DI-0023 gives exactly what tracery impact --json gives', async () => {
    // --json gives the CLI's envelope; its payload is the impact itself.
    const cli = JSON.parse(await traceryCli(['impact', 'DI-0023', '--repo', MHHS, '--json'])).payload;
    await page.goto(`${site.url}impact.html`, { waitUntil: 'load' });
    await page.type('#impact-ids', 'DI-0023');
    await page.click('#impact-form button[type="submit"]');
    await page.waitForFunction(() => (document.querySelector('#impact-json')?.textContent ?? '') !== '', {
      timeout: 20_000,
    });
    const browserJson = JSON.parse(await text(page, '#impact-json'));
    expect(cli.impacted.length).toBeGreaterThan(0);
    expect(browserJson).toEqual(cli);
    await screenshot(page, 'impact');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('the trace table filters to the requirements with failing tests', async () => {
    await page.goto(`${site.url}trace.html`, { waitUntil: 'load' });
    const all = await page.$$eval('#trace-table tbody tr', (rows) => rows.length);
    await page.click('#only-failing');
    const shown = await page.$$eval('#trace-table tbody tr:not([hidden])', (rows) =>
      rows.map((r) => (r as HTMLElement).dataset.verdict),
    );
    expect(all).toBeGreaterThan(shown.length);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['failing']));
    expect(await page.$eval('#trace-table tbody tr:not([hidden])', (r) => r.textContent)).toContain('failed');
    await screenshot(page, 'trace');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test.each([
    ['services', 'v/services.html'],
    ['interfaces', 'v/interfaces.html'],
    ['data', 'v/data.html'],
    ['processes', 'v/processes.html'],
    ['change-requests', 'v/change-requests.html'],
  ])(
    'the %s view opens, every id in it links to a page, and axe finds nothing serious',
    async (name, path) => {
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      if (name === 'services')
        await page.waitForSelector('.graph-canvas[data-drawn="true"]', { timeout: 20_000 });
      const ids = await page.$$eval('main .id', (es) => es.map((e) => e.tagName));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((t) => t !== 'A' && t !== 'SPAN')).toEqual([]);
      await screenshot(page, `view-${name}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
    },
  );

  test('at phone width the dashboard and an element page fit without sideways scrolling', async () => {
    const phone = await browser.newPage();
    await phone.setViewport({ width: 375, height: 800 });
    for (const path of ['index.html', 'e/IF-021.html']) {
      await phone.goto(`${site.url}${path}`, { waitUntil: 'load' });
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await screenshot(phone, 'phone-element');
    await phone.close();
  });

  test('the keyboard reaches the skip link first and it moves focus to the content', async () => {
    await page.goto(`${site.url}index.html`, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.location.hash)).toBe('#main');
  });
});
