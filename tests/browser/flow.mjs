// flow.mjs BASE ARTIFACTS: a reporter signs in, enters a figure (first a
// wrong one, refused next to its field), submits; the office approves; the
// badge on the public page changes from grey to green; a viewer cannot
// edit; an API token is made, used and revoked on the account page; the
// province office confirms one proposed link and rejects another, and the
// province page counts one more indicator of the commune.
// Debian's chromium, driven by playwright-core; screenshots kept.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, artifacts] = process.argv.slice(2);
const period = '2025-12';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let step = 0;
async function shot(page, name) {
  await page.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-${name}.png`, fullPage: true });
}
async function signIn(login) {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await ctx.newPage();
  const errors = [];
  // Script errors and CSP violations; a refused form (422, 403) is expected.
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused/.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(`${base}/don-vi/DEMO-A`);
  assert.match(page.url(), /\/dang-nhap$/, 'signed out: sent to the sign-in page');
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill('matkhau-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/don-vi\//);
  return page;
}
async function publicBadge(page) {
  await page.goto(`${base}/cong-khai/DEMO-A?period=${period}`);
  return (await page.locator('tr', { hasText: 'IV.2' }).first().locator('.badge').textContent()).trim();
}

let failed = 0;
try {
  // Before: IV.2 has no figure.
  const anon = await (await browser.newContext()).newPage();
  const before = await publicBadge(anon);
  assert.match(before, /XÁM/, `IV.2 before: ${before}`);

  // The reporter: a wrong figure is refused beside its field; a right one
  // is saved and submitted.
  const rep = await signIn('baocao');
  await shot(rep, 'reporter-overview');
  await rep.goto(`${base}/don-vi/DEMO-A/nhap-lieu?period=${period}`);
  assert.equal(await rep.locator('input[name="v.I.3"]').count(), 0, 'I.3 is not the reporter agency\'s');
  await rep.locator('input[name="v.IV.2"]').fill('-3');
  await rep.getByRole('button', { name: 'Lưu và gửi duyệt' }).first().click();
  const err = rep.locator('tr', { hasText: 'IV.2' }).first().locator('.error');
  await err.waitFor();
  const msg = await err.textContent();
  assert.ok(/âm|không/.test(msg), `a Vietnamese message beside the field: ${msg}`);
  await shot(rep, 'reporter-refused');
  await rep.locator('input[name="v.IV.2"]').fill('2');
  await rep.locator('input[name="e.IV.2"]').fill('https://example.gov.vn/bien-ban-iv2.pdf');
  await rep.getByRole('button', { name: 'Lưu và gửi duyệt' }).first().click();
  await rep.getByText('Đã lưu 1 số liệu và gửi duyệt').waitFor();
  assert.match(await rep.locator('tr', { hasText: 'IV.2' }).first().textContent(), /đã gửi duyệt/);
  await shot(rep, 'reporter-submitted');
  assert.equal(await publicBadge(anon), before, 'not public before approval');

  // The office approves.
  const office = await signIn('vanphong');
  await office.goto(`${base}/don-vi/DEMO-A/duyet`);
  const row = office.locator('tr', { hasText: 'IV.2' }).first();
  await shot(office, 'office-queue');
  await row.getByRole('button', { name: 'Duyệt' }).click();
  await office.getByText(`Đã duyệt IV.2 kỳ ${period}`).waitFor();
  await shot(office, 'office-approved');

  // The indicator page links the evidence and shows who did what.
  await office.goto(`${base}/don-vi/DEMO-A/chi-tieu/IV.2?period=${period}`);
  assert.equal(await office.locator('a[href="https://example.gov.vn/bien-ban-iv2.pdf"]').count(), 1, 'evidence link');
  assert.match(await office.locator('main').textContent(), /baocao/);
  assert.equal(await office.locator('svg.chart').count(), 1, 'the chart');
  await shot(office, 'indicator');

  // The report button gives a Word file.
  await office.goto(`${base}/don-vi/DEMO-A?period=${period}`);
  const [dl] = await Promise.all([
    office.waitForEvent('download'),
    office.locator('p.reports a', { hasText: 'docx' }).click(),
  ]);
  assert.equal(dl.suggestedFilename(), `bao-cao-DEMO-A-${period}.docx`);
  await dl.saveAs(`${artifacts}/bao-cao.docx`);

  // On a phone: nothing wider than the screen.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const pp = await phone.newPage();
  await pp.goto(`${base}/cong-khai/DEMO-A?period=${period}`);
  const over = await pp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 1, `the public page on a phone is ${over}px too wide`);
  await pp.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-phone-public.png` });
  await pp.goto(`${base}/dang-nhap`);
  await pp.getByLabel('Tên đăng nhập').fill('baocao');
  await pp.getByLabel('Mật khẩu').fill('matkhau-demo');
  await pp.getByRole('button', { name: 'Đăng nhập' }).click();
  await pp.goto(`${base}/don-vi/DEMO-A/nhap-lieu?period=2025-11`);
  const over2 = await pp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over2 <= 1, `data entry on a phone is ${over2}px too wide`);
  await pp.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-phone-entry.png` });

  // The badge has changed.
  const after = await publicBadge(anon);
  assert.match(after, /XANH/, `IV.2 after approval: ${after}`);
  await shot(anon, 'public-after');

  // A viewer reads but cannot edit.
  const viewer = await signIn('lanhdao');
  await viewer.goto(`${base}/don-vi/DEMO-A?period=${period}`);
  // (the period picker is a GET form that changes nothing)
  assert.equal(await viewer.locator('main input:not(.picker *), main select:not(.picker *)').count(), 0, 'no inputs on the overview');
  assert.equal(await viewer.locator('main form[method="post"]').count(), 0, 'no forms that write on the overview');
  const resp = await viewer.goto(`${base}/don-vi/DEMO-A/nhap-lieu`);
  assert.equal(resp.status(), 403, 'the viewer may not open data entry');
  await shot(viewer, 'viewer-refused');

  // API tokens on the account page: made there (shown once), used with the
  // API, safe from another account, revoked there after a confirmation.
  const api = (tok) => fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${tok}` } });
  await rep.getByRole('link', { name: 'Tài khoản của tôi' }).click();
  await rep.waitForURL(/\/tai-khoan$/);
  await rep.getByLabel(/^Nhãn/).fill('Phần mềm của tỉnh');
  await rep.getByLabel(/^Số ngày hiệu lực/).fill('30');
  await rep.getByLabel(/^Phạm vi/).selectOption('read');
  await rep.getByRole('button', { name: 'Tạo mã truy cập' }).click();
  await rep.getByText('Hãy sao chép mã truy cập này ngay bây giờ').waitFor();
  const secret = await rep.getByLabel(/^Mã truy cập mới/).inputValue();
  assert.match(secret, /^[0-9a-f]{64}$/, 'the new token is shown');
  await shot(rep, 'token-created');
  assert.equal((await api(secret)).status, 200, 'the token made on the page works with the API');
  const tokRow = rep.locator('table.tokens tr', { hasText: 'Phần mềm của tỉnh' });
  assert.match(await tokRow.textContent(), /chỉ đọc.*còn hiệu lực/);
  const tokId = (await tokRow.locator('td').first().textContent()).trim();
  await rep.goto(`${base}/tai-khoan`); // the page again: the token is not shown
  assert.equal((await rep.content()).includes(secret), false, 'the token shown a second time');
  // Another account (the office, not an admin) cannot revoke it.
  await office.goto(`${base}/tai-khoan`);
  const officeCsrf = await office.locator('input[name="csrf"]').first().getAttribute('value');
  const foreign = await office.request.post(`${base}/tai-khoan`, { form: { csrf: officeCsrf, action: 'revoke', id: tokId } });
  assert.equal(foreign.status(), 403, 'another account revokes the token');
  assert.equal((await api(secret)).status, 200, 'still valid after the refused revocation');
  // The owner revokes it, after a confirmation.
  await rep.locator('table.tokens tr', { hasText: 'Phần mềm của tỉnh' }).getByRole('link', { name: /Thu hồi/ }).click();
  await rep.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
  await rep.getByText(`Đã thu hồi mã truy cập số ${tokId}`).waitFor();
  assert.match(await rep.locator('table.tokens tr', { hasText: 'Phần mềm của tỉnh' }).textContent(), /đã thu hồi/);
  await shot(rep, 'token-revoked');
  assert.equal((await api(secret)).status, 401, 'a token revoked on the page still works');

  // The province page sorts by a column with the one script (no CSP errors).
  const prov = await signIn('tinh');
  await prov.goto(`${base}/don-vi/DEMO/tinh?period=${period}`);
  const first = async () => (await prov.locator('table.sortable').first().locator('tbody tr td').nth(1).textContent()).trim();
  const top = await first();
  await prov.locator('table.sortable').first().locator('th', { hasText: 'Hạng' }).click();
  await prov.locator('table.sortable').first().locator('th', { hasText: 'Hạng' }).click();
  assert.notEqual(await first(), top, 'sorting by rank, descending, changes the first row');
  await shot(prov, 'province');

  // The province office reviews the proposed links ("Đối chiếu chỉ tiêu"):
  // confirming DEMO-C's V.23 (people with a digital signature) as the
  // province's V.20 counts one more indicator of DEMO-C on the province
  // page; rejecting DEMO-C's IV.10 takes it off the proposals.
  const counted = async () => {
    await prov.goto(`${base}/don-vi/DEMO/tinh?period=${period}`);
    const cell = prov.locator('table.sortable').first().locator('tr', { hasText: 'Cát Tiên' }).locator('td').nth(3);
    const m = (await cell.textContent()).trim().match(/^(\d+)\/(\d+)$/);
    assert.ok(m, `DEMO-C's "Đạt/có mục tiêu" cell: ${await cell.textContent()}`);
    return Number(m[2]);
  };
  const countedBefore = await counted();
  await prov.getByRole('link', { name: 'Đối chiếu chỉ tiêu' }).first().click();
  await prov.waitForURL(/\/don-vi\/DEMO\/doi-chieu$/);
  const proposal = (code) => prov.locator('tbody tr').filter({ hasText: 'DEMO-C' }).filter({ has: prov.locator('td:nth-child(2)', { hasText: new RegExp(`^${code.replace('.', '\\.')} `) }) });
  assert.equal(await proposal('V.23').count(), 1, 'DEMO-C V.23 is proposed');
  assert.equal(await proposal('IV.10').count(), 1, 'DEMO-C IV.10 is proposed');
  assert.match(await proposal('V.23').textContent(), /V\.20/, 'V.23 proposed as the province\'s V.20');
  await shot(prov, 'links-proposed');
  await proposal('V.23').getByRole('button', { name: 'Xác nhận' }).click();
  await prov.getByText('Đã xác nhận liên kết DEMO-C V.23').waitFor();
  await proposal('IV.10').getByRole('button', { name: 'Bác' }).click();
  await prov.getByText('Đã bác liên kết DEMO-C IV.10').waitFor();
  await prov.goto(`${base}/don-vi/DEMO/doi-chieu`);
  assert.equal(await proposal('V.23').count(), 0, 'the confirmed link is still proposed');
  assert.equal(await proposal('IV.10').count(), 0, 'the rejected link is still proposed');
  await shot(prov, 'links-decided');
  const countedAfter = await counted();
  assert.equal(countedAfter, countedBefore + 1, `DEMO-C counted on ${countedBefore} then ${countedAfter} indicators`);
  await shot(prov, 'province-after-links');
  for (const p of [rep, office, viewer, prov])
    assert.deepEqual(p.errors, [], 'no console errors (CSP)');
  console.log(`browser: ${step} screenshots in ${artifacts}; all steps passed`);
} catch (e) {
  failed = 1;
  console.error('FAIL:', e.message);
}
await browser.close();
process.exit(failed);
