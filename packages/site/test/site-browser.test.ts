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
    // Each element shows the path that explains it, read as core's formatPath reads it: DI-0023 is partOf
    // MB-M0 (model/data/header-blocks.yaml), which IF-021 carries (model/interfaces/consumption.yaml).
    const paths = await page.$$eval('.impact-path', (divs) => divs.map((d) => d.textContent));
    expect(paths).toContain('DI-0023 -partOf-> MB-M0 <-carries- IF-021');
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

  test('the tracker page gives the numbers tracery tracker gives, with the DAG pack Tranche 1 totals', async () => {
    const printed = JSON.parse(await traceryCli(['tracker', '--repo', MHHS, '--format', 'json']));
    const cli = printed.payload ?? printed;
    await page.goto(`${site.url}tracker.html`, { waitUntil: 'load' });
    const table = (title: string) =>
      page.$$eval(`section[aria-labelledby="${title}"] tbody tr`, (rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')),
      );
    const constituencies = await table('comments-per-constituency');
    const total = constituencies.find((row) => row[0] === 'total');
    // The pack's Tranche 1: 707 comments from 15 organisations, 446 / 187 / 44 / 30.
    expect(total).toEqual(['total', '15', '446', '187', '44', '30', '0', '707']);
    expect(total?.slice(2, 7).map(Number)).toEqual(
      cli.statuses.map((s: string) => cli.totals.comments.byStatus[s]),
    );
    expect(constituencies.length - 1).toBe(cli.constituencies.length);
    const interfaces = await table('comments-per-interface');
    const if021 = interfaces.find((row) => row[0] === 'IF-021');
    expect(if021?.slice(2, 6)).toEqual(['20', '2', '1', '0']);
    expect(interfaces.length).toBe(cli.interfaces.length);
    // Artefacts and interfaces are links to their pages.
    expect(await page.$$eval('section[aria-labelledby="artefacts"] tbody a.id', (as) => as.length)).toBe(
      cli.artefacts.length,
    );
    await screenshot(page, 'tracker');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('an artefact page lists its review comments, and the dashboard counts them by status', async () => {
    const printed = JSON.parse(await traceryCli(['tracker', '--repo', MHHS, '--format', 'json']));
    const cli = printed.payload ?? printed;
    const row = cli.artefacts.find((a: { id: string }) => a.id === 'MHHSP-IF-021');
    await page.goto(`${site.url}e/MHHSP-IF-021.html`, { waitUntil: 'load' });
    const rows = await page.$$eval('section[aria-labelledby="comments"] tbody tr', (rs) => rs.length);
    expect(rows).toBe(row.comments.total);
    expect(rows).toBeGreaterThan(0);
    await screenshot(page, 'artefact-comments');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(site.url, { waitUntil: 'load' });
    const label = await page.$eval('#review-comments ~ figure svg', (svg) => svg.getAttribute('aria-label'));
    expect(label).toContain('Accepted 446');
    expect(label).toContain('Action 187');
  });

  test('every page has a "comment on this" link that opens the pre-filled e-mail of tracery.yaml', async () => {
    for (const [path, id] of [
      ['e/IF-021.html', 'IF-021'],
      ['v/services.html', 'v%2Fservices.html'],
      ['tracker.html', 'tracker.html'],
    ] as const) {
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      const href = await page.$eval('.comment-on-this a', (a) => a.getAttribute('href'));
      expect(href).toMatch(/^mailto:design-comments@example\.org\?subject=Comment%20on%20/);
      expect(href).toContain(`Comment%20on%20${id}%20(`);
    }
    await page.goto(`${site.url}e/IF-021.html`, { waitUntil: 'load' });
    const href = await page.$eval('.comment-on-this a', (a) => a.getAttribute('href'));
    const name = await page.$eval('h1', (h) => h.lastChild?.textContent?.trim() ?? '');
    expect(decodeURIComponent(new URL(href!).searchParams.get('body') ?? '')).toBe(`About ${name}: `);
  });

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
