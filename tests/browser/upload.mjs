// upload.mjs BASE ARTIFACTS DOCX CHANGED_DOCX SCAN: the office uploads its
// plan as a Word file, checks it beside the document's rows, corrects a
// target (read again as it is typed), saves it as the new plan version;
// uploads a changed version, sees the difference (a changed target, a
// dropped indicator), confirms and saves; a scan shows its reading
// progress page by page, then its draft. Screenshots kept.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, artifacts, docx, changed, scan] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let step = 0;
async function shot(page, name) {
  await page.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-${name}.png`, fullPage: true });
}
let failed = 0;
try {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('vanphong');
  await page.getByLabel('Mật khẩu').fill('matkhau-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/don-vi\//);
  await page.getByRole('link', { name: 'Kế hoạch' }).click();
  await page.waitForURL(/\/ke-hoach$/);
  assert.match(await page.locator('main').textContent(), /Đang dùng phiên bản 1/);
  await shot(page, 'plan-page');

  // Upload the Word file: the draft beside the document's rows.
  await page.locator('input[name="file"]').setInputFiles(docx);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForURL(/draft=\d+/);
  const row = (code) => page.locator('table.draft tbody tr').filter({ has: page.locator(`input.code[value="${code}"]`) });
  const i1 = row('I.1');
  assert.equal(await i1.count(), 1, 'I.1 in the draft');
  assert.match(await i1.locator('td.src').textContent(), /bảng 1, hàng \d+/, 'where the row stands in the document');
  const t2025 = i1.locator('input.target').first();
  assert.equal(await t2025.inputValue(), '≥ 70');
  assert.match(await i1.locator('small.tk').first().textContent(), /số ≥ 70/);
  assert.ok(await page.locator('table.draft tr.flag').count() >= 1, 'a flagged row (V.34 repeats V.31)');
  assert.match(await page.locator('section.diff').textContent(), /Thêm 0, bỏ 0, đổi 0/);
  await shot(page, 'draft');

  // Correct a target: read again as it is typed.
  await t2025.fill('từ 80 đến 90');
  await i1.locator('small.tk').first().filter({ hasText: 'khoảng 80–90' }).waitFor();
  await t2025.fill('≥ 95');
  await i1.locator('small.tk').first().filter({ hasText: 'số ≥ 95' }).waitFor();
  await shot(page, 'draft-corrected');
  await page.getByRole('button', { name: 'Lưu thành kế hoạch mới' }).click();
  await page.waitForURL(/published=2/);
  assert.match(await page.locator('main').textContent(), /phiên bản 2/);
  await shot(page, 'published-2');

  // A changed version: the difference shown before saving.
  await page.locator('input[name="file"]').setInputFiles(changed);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForURL(/draft=\d+/);
  const diff = await page.locator('section.diff').textContent();
  assert.match(diff, /Thêm 0, bỏ 1, đổi 1/, diff);
  assert.match(await page.locator('li.changed').first().textContent(), /I\.1.*năm 2025 «≥ 95» → «≥ 85»/);
  assert.match(await page.locator('li.removed').first().textContent(), /I\.2/);
  await shot(page, 'changed-diff');
  await page.getByRole('button', { name: 'Lưu thành kế hoạch mới' }).click();
  // Dropping I.2 needs a confirmation: nothing saved yet.
  await page.locator('section.mapping.ask').waitFor();
  assert.match(await page.locator('p.error').textContent(), /chưa lưu gì/);
  assert.match(await page.locator('section.mapping').textContent(), /I\.2 → \(bỏ\)/);
  await shot(page, 'confirm');
  await page.locator('input[name="confirm"]').check();
  await page.getByRole('button', { name: 'Lưu thành kế hoạch mới' }).click();
  await page.waitForURL(/published=3/);
  await shot(page, 'published-3');

  // A scan: its progress page by page, then the draft.
  await page.locator('input[name="file"]').setInputFiles(scan);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForURL(/job=|draft=/);
  if (/job=/.test(page.url())) {
    await page.locator('#upload-progress', { hasText: /Đang đọc trang \d+\/\d+/ }).waitFor({ timeout: 60000 });
    await shot(page, 'scan-progress');
  }
  await page.waitForURL(/draft=\d+/, { timeout: 90000 });
  assert.ok(await page.locator('table.draft tbody tr').count() >= 9, 'the scan\'s indicators');
  await shot(page, 'scan-draft');
  await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await page.waitForURL(/\/ke-hoach$/);
  assert.deepEqual(errors, [], 'no script errors or CSP violations');
} catch (e) {
  failed = 1;
  console.error('FAIL:', e.message);
}
await browser.close();
process.exit(failed);
