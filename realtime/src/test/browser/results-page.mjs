// Drives results.html in headless Chromium for BrowserIT: waits for the first tally to show, prints READY
// (the IT then publishes new tallies to Kafka), waits for the bars to show them, takes a screenshot.
// Usage: node results-page.mjs <page url> <screenshot.png> <expected votes of option a> <expected total>
import { chromium } from 'playwright-core';

const [url, screenshot, expectedA, expectedTotal] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 640 } });
  page.on('console', (m) => console.log('[page] ' + m.type() + ': ' + m.text()));
  await page.goto(url);
  await page.waitForSelector('[data-option="a"] .votes', { timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('state').textContent === 'live', null, { timeout: 15000 });
  const before = await page.textContent('[data-option="a"] .votes');
  const widthBefore = await page.$eval('[data-option="a"] .bar-fill', (el) => el.style.width);
  console.log('BEFORE votes=' + before + ' width=' + widthBefore);
  console.log('READY');
  await page.waitForFunction(([a, total]) =>
      document.querySelector('[data-option="a"] .votes').textContent.replace(/\D/g, '') === a &&
      document.getElementById('total').textContent.replace(/\D/g, '') === total,
    [expectedA, expectedTotal], { timeout: 20000 });
  await page.waitForFunction(() => document.getElementById('state').textContent === 'final', null, { timeout: 10000 });
  await page.waitForTimeout(600); // let the bar transition finish before the picture
  const after = await page.textContent('[data-option="a"] .votes');
  const pct = await page.textContent('[data-option="a"] .pct');
  const widthAfter = await page.$eval('[data-option="a"] .bar-fill', (el) => el.style.width);
  const rate = await page.textContent('#rate');
  console.log('AFTER votes=' + after + ' pct=' + pct + ' width=' + widthAfter + ' rate=' + rate);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log('SCREENSHOT ' + screenshot);
} catch (e) {
  failed = true;
  console.log('FAILED ' + e.message);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
