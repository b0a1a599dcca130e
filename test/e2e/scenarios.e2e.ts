/**
 * Mock API scenarios in the built app, in a real browser: `?scenario=` switches the
 * in-process mock API, the choice survives client-side navigation and reloads without
 * the parameter, and `?scenario=default` goes back.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { browserForFile, openPage, poll, serverForFile, waitForSettled, type OpenedPage } from './browser.ts';

const ctx = browserForFile();
const http = serverForFile();

let opened: OpenedPage | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

describe('mock API scenarios in the browser', () => {
  test('?scenario= applies, is kept across navigation and reloads, and can be switched back', async () => {
    opened = await openPage(ctx.browser, http.url);
    const { page, expectNoProblems } = opened;
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const main = page.locator('main');

    await page.goto('/?scenario=empty');
    await main.getByText('No stories here yet.').first().waitFor();

    // Client-side navigation: the URL loses the parameter, the scenario stays.
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Latest', exact: true }).click();
    await page.waitForURL('**/latest');
    await main.getByRole('heading', { level: 1, name: 'Latest News' }).waitFor();
    await main.getByText('No stories here yet.').first().waitFor();

    await page.goto('/article/malformed-story?scenario=malformed');
    await main.getByRole('heading', { level: 1, name: 'This story could not be read' }).waitFor();
    await main.getByRole('button', { name: 'Try again' }).waitFor();

    // A full reload without the parameter keeps the stored scenario. (Each step opens a
    // feed not loaded before, so the persisted query cache cannot answer for it.)
    warnings.length = 0;
    await page.goto('/opinion');
    const opinion = main.getByRole('list', { name: 'Opinion / Blog / Interview' });
    const brokenStoryLink = opinion.getByRole('link', {
      name: 'A story that breaks the contract (malformed scenario)',
    });
    await brokenStoryLink.waitFor();
    expect(await opinion.locator('a[href^="/article/"]').count()).toBeGreaterThan(1);
    await expect(main.locator('a[href="/article/malformed-feed-item"]').count()).resolves.toBe(0);
    await waitForSettled(page);
    expect(warnings.filter((text) => text.includes('malformed-feed-item'))).toHaveLength(1);

    await page.goto('/devshots?scenario=default');
    const devshots = main.getByRole('list', { name: 'DevShots' });
    await devshots.locator('a[href^="/article/"]').first().waitFor();
    await expect(devshots.locator('a[href="/article/malformed-story"]').count()).resolves.toBe(0);
    await poll(() => page.evaluate(() => sessionStorage.getItem('mock-api-scenario')), 'stored scenario').toBe(
      JSON.stringify({ name: 'default', endpoint: 'trending' }),
    );
    await expectNoProblems();
  });
});
