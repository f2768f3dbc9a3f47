// capture-blind10f.mjs: Chrome's "Webpage, Single File" (MHTML) of blind
// pages, by Debian's chromium through playwright-core: CDP
// Page.captureSnapshot {format: 'mhtml'}. A page that links a stylesheet
// gets it from `sheets` below (the portal's sheet, which the saved page
// lacked), so the snapshot holds it as a part of its own, as Chrome does
// for a page read from its site.
// Usage: node tests/browser/capture-blind10f.mjs DATA OUT [NAME...] (after
// npm ci in tests/browser): every page, or only those saved as NAME. The
// page is served as its bytes, its <meta> naming its charset.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [data, out, ...only] = process.argv.slice(2);
const sheets = {
  'vanban.min.css': '.vb-table{display:table;border-collapse:collapse;width:100%}' +
    '.vb-row{display:table-row}.vb-head{font-weight:700}' +
    '.vb-cell{display:table-cell;border:1px solid #000;padding:3px}.vb-group .vb-cell{font-weight:700}',
  'bootstrap.min.css': 'body{margin:0;font-family:"Times New Roman",serif}.header{padding:4px}',
};
const pages = [
  ['blind9/phuong-an-binh-tay.link.html', 'phuong-an-binh-tay.chrome.mhtml'],
  ['blind5/huyen-duc-lap.html', 'huyen-duc-lap.chrome.mhtml'],
  ['blind8/phuong-tan-phong.grid.html', 'phuong-tan-phong.chrome.mhtml'],
  ['web3/phuong-hoa-lac.html', 'phuong-hoa-lac.chrome.mhtml'],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.route('**/*.css*', (route) => {
  const name = new URL(route.request().url()).pathname.split('/').pop();
  route.fulfill({ contentType: 'text/css', body: sheets[name] ?? '' });
});
const cdp = await page.context().newCDPSession(page);
for (const [src, dst] of pages.filter(([, d]) => !only.length || only.includes(d))) {
  // served from the portal's address, so the stylesheets' links resolve
  const html = readFileSync(resolve(data, src));
  await page.route('https://portal.example.vn/page.html', (r) => r.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('https://portal.example.vn/page.html');
  const { data: mhtml } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
  writeFileSync(resolve(out, dst), mhtml);
  await page.unroute('https://portal.example.vn/page.html');
}
await browser.close();
