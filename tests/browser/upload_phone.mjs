// upload_phone.mjs BASE ARTIFACTS PDF BLANK: the office uploads its plan
// from a phone (360 px wide). PDF is another plan's PDF (the unit's plan in
// force is not this one: a long difference), BLANK an image-only blank page.
// The draft: each row a card, every cell under its column's name, no
// scrolling sideways; the indicator's name in the page's font (not the
// admin pages' monospace); where a row stands in the PDF without a row
// number the reader does not know ("hàng 0"); the reader's warnings shown,
// not folded away; a long difference folded so that the table is near;
// a target read again as it is typed. The blank scan: a progress bar that
// does not claim a fraction before the pages are counted, then the plan's
// page with the reason in one sentence and the form to send another file.
// The bytes each page costs are printed. Screenshots kept.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, artifacts, pdf, blank] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let step = 0;
async function shot(page, name, full = false) {
  await page.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-${name}.png`, fullPage: full });
}
let failed = 0;
// A check that does not stop the others: each defect is told.
function expect(fn, what) {
  try { fn(); } catch (e) { failed = 1; console.error(`FAIL: ${what}: ${e.message}`); }
}
try {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let bytes = 0;
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('vanphong');
  await page.getByLabel('Mật khẩu').fill('matkhau-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/don-vi\//);
  const unit = new URL(page.url()).pathname.split('/')[2];
  bytes = 0;
  await page.goto(`${base}/don-vi/${unit}/ke-hoach`);
  await page.waitForLoadState('networkidle');
  console.log(`the plan's page: ${bytes} bytes on the wire (the style and script cached since signing in)`);
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await wide() <= 360, 'the plan\'s page fits 360 px');

  await page.locator('input[name="file"]').setInputFiles(pdf);
  bytes = 0;
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForURL(/draft=\d+/);
  await page.waitForLoadState('networkidle');
  console.log(`the draft of ${pdf.split('/').pop()}: ${bytes} bytes on the wire`);
  const table = page.locator('table.draft:not(.tasks)');
  const pageWidth = await wide(), tableWidth = await table.evaluate((t) => t.scrollWidth),
    room = await table.evaluate((t) => t.parentElement.clientWidth);
  expect(() => assert.ok(pageWidth <= 360, `${pageWidth} px`), 'the draft\'s page fits 360 px');
  expect(() => assert.ok(tableWidth <= room, `${tableWidth} px in ${room}`), 'the draft\'s table does not scroll sideways');
  const first = table.locator('tbody tr:not(.group):not(.new)').first();
  const name = first.locator('textarea.name');
  const nameBox = await name.boundingBox(), font = await name.evaluate((e) => getComputedStyle(e).fontFamily);
  expect(() => assert.ok(nameBox.width >= 300, `${nameBox.width} px`), 'the name as wide as the screen');
  expect(() => assert.doesNotMatch(font, /monospace/), 'the name in the page\'s font');
  // Each cell says what it is: the column's name shown above it.
  const label = await first.locator('td', { has: page.locator('input.code') })
    .evaluate((td) => getComputedStyle(td, '::before').content);
  expect(() => assert.equal(label, '"Mã"'), 'the code cell says it is the code');
  const target = first.locator('td', { has: page.locator('input.target') }).first();
  const tlabel = await target.evaluate((td) => getComputedStyle(td, '::before').content);
  expect(() => assert.match(tlabel, /^"Năm 20\d\d"$/), 'a target cell says its year');
  // Where each row stands in the PDF: its page and table, no "hàng 0".
  const srcs = await table.locator('tbody tr:not(.group):not(.new) td.src').allTextContents();
  assert.ok(srcs.length >= 8, `rows: ${srcs.length}`); // the PDF's 8 indicators
  expect(() => { for (const s of srcs) { assert.match(s, /^trang \d+, bảng \d+/, s); assert.doesNotMatch(s, /hàng 0\b/, s); } },
    'where each row stands');
  // The reader's warnings in sight, not folded.
  const warns = page.locator('details.warnings');
  assert.equal(await warns.count(), 1, 'the reader\'s warnings');
  const warnShown = await warns.locator('li').first().isVisible();
  expect(() => assert.ok(warnShown), 'the warnings are shown, not folded');
  // Another plan's file: a long difference, folded; the table near the top.
  const diff = page.locator('section.diff');
  assert.match(await diff.locator('p').first().textContent(), /bỏ (\d{2,})/);
  const listShown = await diff.locator('li.removed').first().isVisible();
  expect(() => assert.equal(listShown, false), 'the long list folded');
  const top = await table.evaluate((t) => t.getBoundingClientRect().top + scrollY);
  expect(() => assert.ok(top < 3000, `${top} px`), 'the table near the top');
  await shot(page, 'draft');
  await name.scrollIntoViewIfNeeded();
  await shot(page, 'draft-card');
  // A target read again as it is typed, on the phone too.
  const input = target.locator('input.target');
  await input.fill('từ 80 đến 90');
  await target.locator('small.tk', { hasText: 'khoảng 80–90' }).waitFor();
  await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await page.waitForURL(/\/ke-hoach$/);

  // A blank scan: read by OCR, refused; the reason above the form.
  await page.locator('input[name="file"]').setInputFiles(blank);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForLoadState('load');
  if (/job=/.test(page.url()) && await page.locator('#upload-bar').count()) {
    const bar = page.locator('#upload-bar');
    const pages = await page.locator('#upload-progress').textContent();
    const value = await bar.getAttribute('value');
    if (/Đang đọc tệp…/.test(pages))
      expect(() => assert.equal(value, null), 'no fraction before the pages are counted');
    await shot(page, 'blank-reading');
  }
  const err = page.locator('p.error[role="alert"]');
  await err.waitFor({ timeout: 120000 });
  const said = await err.textContent(), forms = await page.locator('input[name="file"]').count(),
    bars = await page.locator('#upload-bar').count();
  expect(() => assert.match(said, /^Ảnh quét quá mờ.*; chưa lưu gì\.$/), 'the reason in one sentence');
  expect(() => assert.equal(forms, 1), 'the form to send another file');
  expect(() => assert.equal(bars, 0), 'no progress bar left');
  await shot(page, 'blank-refused');
  assert.deepEqual(errors, [], 'no script errors');
} catch (e) {
  failed = 1;
  console.error('FAIL:', e.message);
}
await browser.close();
process.exit(failed);
