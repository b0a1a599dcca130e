import { chromium } from 'playwright-core';
const base = process.argv[2];
const paths = process.argv.slice(3);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const p of paths) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const msgs = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') msgs.push(m.type() + ': ' + m.text().slice(0, 300)); });
  page.on('pageerror', (e) => msgs.push('pageerror: ' + e.message));
  const reqs = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) reqs.push(r.url()); });
  await page.goto(base + p);
  await page.waitForTimeout(2500);
  const cls = await page.evaluate(() => new Promise((res) => { let v = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) v += e.value; }).observe({ type: 'layout-shift', buffered: true }); setTimeout(() => res(v), 100); }));
  console.log(p, 'title=', await page.title(), 'cls=', cls, 'api=', reqs.length, reqs.slice(0,3), msgs);
  await ctx.close();
}
await browser.close();
