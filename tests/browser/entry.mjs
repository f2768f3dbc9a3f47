// entry.mjs BASE ARTIFACTS: issue 14, entry that never loses work and review
// that closes the loop, at a desktop (1366×768) and a phone (390×844) size,
// each on a period of its own:
//  - the reporter types nine fields of every kind with one bad value; the
//    form comes back with every field as typed, the error summary linking
//    the field; a draft is kept as a field is left (app.js); fixed, all six
//    figures are saved and sent;
//  - the province office returns one (a reason needed), from its queue of a
//    commune's figures; the reporter sees the unread count in the header,
//    the reason in the inbox ("Thông báo") and beside the figure, fixes and
//    resubmits, and the reason is gone;
//  - the office approves all; the queue is empty;
//  - every page visited: one h1, every input labelled, no CSP error, no
//    wider than the screen. Screenshots kept.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, artifacts] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let step = 0;
let checked = 0;
async function shot(page, name) {
  await page.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-${name}.png`, fullPage: true });
}
async function signIn(login, size) {
  const ctx = await browser.newContext({ viewport: size, isMobile: size.width < 500 });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill('matkhau-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
  return page;
}
// One h1; every visible input, select and textarea has a label (label for=,
// a wrapping label, or aria-label); not wider than the screen.
async function accessible(page, what) {
  const width = page.viewportSize().width;
  assert.equal(await page.locator('h1').count(), 1, `${what}: one h1`);
  const unlabelled = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
      .map((el) => el.name || el.id));
  assert.deepEqual(unlabelled, [], `${what}: inputs without a label`);
  // A phone lays out wider than its screen when something does not fit:
  // compare with the screen's width, not the window's.
  const over = (await page.evaluate(() => document.documentElement.scrollWidth)) - width;
  assert.ok(over <= 1, `${what}: ${over}px wider than the screen`);
  checked++;
}
const field = (page, name) => page.locator(`[name="${name}"]`);

async function run(size, period, tag) {
  // ---- the reporter: one bad value, nothing lost ------------------------------
  const rep = await signIn('baocao', size);
  await rep.goto(`${base}/don-vi/DEMO-A/nhap-lieu?period=${period}`);
  await accessible(rep, `${tag} entry form`);
  assert.equal(await rep.locator(`#period option[value="${period}"][selected]`).count(), 1, 'the period chosen from the list');
  assert.ok(await rep.locator('h2').count() >= 2, 'group headings');
  assert.match(await rep.locator('tr#r-II\\.1 .ctx').textContent(), /Mục tiêu 2030/, 'the target beside the input');
  const typed = {
    'v.II.1': '-5', 'n.II.2': '3', 'd.II.2': '10', 'e.II.2': 'https://so.example.vn/bb-ii2.pdf',
    'v.II.3': '4', 't.II.3': 'ghi chú: số liệu ước tính', 'y.II.9': 'có', 'l.II.11': 'Khá', 'v.II.14': '0,7',
  };
  for (const [name, value] of Object.entries(typed)) {
    const el = field(rep, name);
    if (name[0] === 'y' || name[0] === 'l') await el.selectOption(value);
    else await el.fill(value);
  }
  // Leaving a field keeps the indicator's draft (app.js, the drafts API).
  await field(rep, 'v.II.14').blur();
  await rep.locator('tr#r-II\\.14 .saved', { hasText: 'Đã lưu nháp' }).waitFor();
  await shot(rep, `${tag}-typed`);
  await rep.getByRole('button', { name: 'Lưu và gửi duyệt' }).first().click();
  await rep.locator('#loi').waitFor();
  for (const [name, value] of Object.entries(typed))
    assert.equal(await field(rep, name).inputValue(), value, `${name} after the error`);
  assert.match(await rep.locator('tr#r-II\\.1 .error').textContent(), /âm|không hợp lệ/, 'the message beside the field');
  await accessible(rep, `${tag} entry form with an error`);
  await shot(rep, `${tag}-refused`);
  await rep.locator('#loi a[href="#v-II.1"]').click();
  assert.match(rep.url(), /#v-II\.1$/, 'the summary links to the field');
  assert.equal(await rep.evaluate(() => document.activeElement && document.activeElement.name), 'v.II.1', 'the field has the focus');
  await field(rep, 'v.II.1').fill('5');
  await rep.getByRole('button', { name: 'Lưu và gửi duyệt' }).last().click();
  await rep.getByText('Đã lưu 6 số liệu và gửi duyệt 6 số liệu.').waitFor();
  for (const [name, value] of Object.entries({ ...typed, 'v.II.1': '5' }))
    assert.equal(await field(rep, name).inputValue(), value, `${name} as saved`);
  await shot(rep, `${tag}-saved`);

  // ---- the province office returns one, with a reason ---------------------------------
  const office = await signIn('tinh', size);
  await office.goto(`${base}/don-vi/DEMO/duyet`);
  await accessible(office, `${tag} approvals`);
  const row = office.locator('tr', { has: office.locator(`input[type=hidden][value="DEMO-A|II.1|${period}"]`) });
  assert.equal(await row.count(), 1, "the commune's figure in the province's queue");
  assert.match(await row.textContent(), /Tỷ lệ chi ngân sách.*5.*2030.*baocao/s, 'name, value, target, who');
  await row.getByRole('button', { name: 'Trả lại' }).click();
  await office.getByText('Cần ghi lý do khi trả lại số liệu').waitFor();
  const reason = `Kiểm tra lại tỷ lệ chi (${tag})`;
  await office.locator('tr', { has: office.locator(`input[type=hidden][value="DEMO-A|II.1|${period}"]`) })
    .getByLabel('Lý do trả lại II.1').fill(reason);
  await office.locator('tr', { has: office.locator(`input[type=hidden][value="DEMO-A|II.1|${period}"]`) })
    .getByRole('button', { name: 'Trả lại' }).click();
  await office.getByText(`Đã trả lại II.1 kỳ ${period}`).waitFor();
  await shot(office, `${tag}-returned`);

  // ---- the reporter sees it, fixes, resubmits -----------------------------------------
  await rep.goto(`${base}/don-vi/DEMO-A`);
  const count = Number((await rep.locator('header a.inbox .count').textContent()).trim());
  assert.ok(count >= 1, `unread in the header: ${count}`);
  await rep.locator('header a.inbox').click();
  await rep.waitForURL(/\/thong-bao$/);
  await accessible(rep, `${tag} inbox`);
  const msg = rep.locator('ul.inbox li.unread', { hasText: reason });
  assert.equal(await msg.count(), 1, 'the reason in the inbox');
  await shot(rep, `${tag}-inbox`);
  await msg.locator('a').click();
  await rep.waitForURL(/nhap-lieu\?period=.*#r-II\.1$/);
  assert.equal((await rep.locator('tr#r-II\\.1 .reason').textContent()).trim(), reason, 'the reason beside the figure');
  await shot(rep, `${tag}-reason-beside`);
  await field(rep, 'v.II.1').fill('4');
  await rep.getByRole('button', { name: 'Lưu và gửi duyệt' }).first().click();
  await rep.getByText('Đã lưu 1 số liệu').waitFor();
  assert.equal(await rep.locator('tr#r-II\\.1 .reason').count(), 0, 'resubmitting clears the reason');
  assert.match(await rep.locator('tr#r-II\\.1').textContent(), /đã gửi duyệt/);
  await rep.goto(`${base}/thong-bao`);
  assert.equal(await rep.locator('ul.inbox li', { hasText: reason }).count(), 0, 'the message is gone');

  // ---- the office approves all ------------------------------------------------------------
  await office.goto(`${base}/don-vi/DEMO/duyet`);
  const waiting = await office.locator('tbody tr').count();
  assert.ok(waiting >= 6, `six or more waiting: ${waiting}`);
  await office.getByRole('button', { name: /^Duyệt tất cả/ }).first().click();
  await office.getByText(`Đã duyệt ${waiting} số liệu`).waitFor();
  await office.getByText('Không có số liệu nào chờ duyệt.').waitFor();
  await shot(office, `${tag}-approved-all`);
  await rep.goto(`${base}/don-vi/DEMO-A/nhap-lieu?period=${period}`);
  assert.match(await rep.locator('tr#r-II\\.1').textContent(), /đã duyệt/, 'approved, locked on the form');
  for (const p of [rep, office])
    assert.deepEqual(p.errors, [], `${tag}: no script or CSP errors`);
  await rep.context().close();
  await office.context().close();
}

let failed = 0;
try {
  await run({ width: 1366, height: 768 }, '2029-Q3', 'desktop');
  await run({ width: 390, height: 844 }, '2029-Q4', 'phone');
  console.log(`browser entry: ${step} screenshots in ${artifacts}; ${checked} pages checked; all steps passed`);
} catch (e) {
  failed = 1;
  console.error('FAIL:', e.message);
}
await browser.close();
process.exit(failed);
