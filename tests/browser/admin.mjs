// admin.mjs BASE ARTIFACTS: at a desktop (1366×768) and a phone (390×844)
// width: the administrator adds a commune under the demo province and makes
// an account, whose one-time password signs in; a public visitor opens
// /cong-khai, goes to a commune and one of its indicators (chart, approved
// figures) and downloads its CSV, whose content is checked. Nothing wider
// than the screen; no console errors; screenshots kept.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const [base, artifacts] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let step = 0;
async function shot(page, name) {
  await page.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-${name}.png`, fullPage: true });
}
async function notWider(page, what) {
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 1, `${what} is ${over}px wider than the screen`);
}
async function newPage(size) {
  const ctx = await browser.newContext({ viewport: size, acceptDownloads: true, isMobile: size.width < 500 });
  const page = await ctx.newPage();
  page.errors = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()) && page.errors.push(m.text()));
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}
async function signIn(page, login, password) {
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

let failed = 0;
try {
  for (const [tag, size] of [['desktop', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }]]) {
    // The administrator: a commune under the province, then an account.
    const adm = await newPage(size);
    await signIn(adm, 'admin', 'matkhau-demo');
    await adm.goto(`${base}/don-vi/DEMO/quan-tri`);
    assert.equal(await adm.locator('h1').count(), 1, 'one h1');
    const code = `DEMO-X${tag === 'desktop' ? 1 : 2}`;
    const unitForm = adm.locator('form', { hasText: 'Thêm xã/phường trực thuộc' });
    await unitForm.getByLabel('Mã đơn vị').fill(code);
    await unitForm.getByLabel('Tên đơn vị').fill(`Xã Thử ${tag} (demo)`);
    await unitForm.getByLabel('Loại').selectOption('commune');
    await unitForm.getByLabel('Dân số').fill('7000');
    await unitForm.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await adm.getByText(`Đã thêm đơn vị ${code}`).waitFor();
    assert.equal(await adm.locator(`.tree a[href="/don-vi/${code}"]`).count(), 1, 'the new commune in the tree');
    await shot(adm, `${tag}-admin-unit-added`);
    const login = `thu.${tag}`;
    const userForm = adm.locator('form', { hasText: 'Tạo tài khoản' });
    await userForm.getByLabel('Tên đăng nhập').fill(login);
    await userForm.getByLabel('Họ tên').fill(`Người thử ${tag}`);
    await userForm.getByLabel('Vai trò').selectOption('viewer');
    await userForm.getByLabel('Đơn vị (mã)').fill(code);
    await userForm.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await adm.getByText(`Đã tạo tài khoản ${login}`).waitFor();
    const otp = await adm.getByLabel('Mật khẩu một lần').inputValue();
    assert.match(otp, /^[0-9a-f]{16}$/, 'the one-time password is shown');
    assert.match(await adm.locator('table.accounts').textContent(), new RegExp(login.replace('.', '\\.')), 'the account listed');
    await notWider(adm, `the administration page (${tag})`);
    await shot(adm, `${tag}-admin-account-made`);
    const user = await newPage(size);
    await signIn(user, login, otp);
    assert.match(user.url(), new RegExp(`/don-vi/${code}(/[a-z-]+)?$`), `the new account lands on its unit: ${user.url()}`);

    // The public: the portal, a commune, an indicator, its CSV.
    const pub = await newPage(size);
    await pub.goto(`${base}/cong-khai`);
    assert.equal(await pub.locator('h1').count(), 1, 'one h1');
    await notWider(pub, `the portal (${tag})`);
    await shot(pub, `${tag}-public-portal`);
    await pub.getByRole('link', { name: 'Xã Đồng Tâm (demo)' }).click();
    await pub.waitForURL(/\/cong-khai\/DEMO-D$/);
    assert.match(await pub.locator('p.updated').textContent(), /Cập nhật lần cuối: \d\d\/\d\d\/\d{4}/);
    await notWider(pub, `a commune's public page (${tag})`);
    await shot(pub, `${tag}-public-commune`);
    // The first indicator with an approved figure.
    const rows = pub.locator('table.status tbody tr');
    let row = null;
    for (let i = 0; i < await rows.count(); i++)
      if ((await rows.nth(i).locator('td').nth(2).textContent()).trim() !== '–') { row = rows.nth(i); break; }
    assert.ok(row, 'an indicator with an approved figure');
    const ind = (await row.locator('td').first().textContent()).trim();
    await row.locator('a').click();
    await pub.waitForURL(new RegExp(`/cong-khai/DEMO-D/chi-tieu/${ind.replace('.', '\\.')}$`));
    assert.equal(await pub.locator('svg.chart').count(), 1, 'the chart');
    assert.match(await pub.locator('dl.meta').textContent(), /Cơ quan chủ trì/);
    const shown = await pub.locator('table.figures tbody tr').count();
    assert.ok(shown > 0, 'approved figures in the table');
    await notWider(pub, `an indicator's public page (${tag})`);
    await shot(pub, `${tag}-public-indicator`);
    const [dl] = await Promise.all([pub.waitForEvent('download'), pub.getByRole('link', { name: 'Tải về CSV' }).click()]);
    assert.equal(dl.suggestedFilename(), `DEMO-D-${ind}.csv`);
    const file = `${artifacts}/${tag}-DEMO-D-${ind}.csv`;
    await dl.saveAs(file);
    const lines = (await readFile(file, 'utf8')).trim().split(/\r?\n/);
    assert.equal(lines[0], 'unit,unit_name,indicator,indicator_name,period,value,num,den,unit_of_measure,updated_at');
    assert.equal(lines.length - 1, shown, `the CSV has ${lines.length - 1} figures, the page ${shown}`);
    for (const l of lines.slice(1))
      assert.match(l, new RegExp(`^"DEMO-D","Xã Đồng Tâm \\(demo\\)","${ind.replace('.', '\\.')}",".*",20\\d\\d-(Q[1-4]|\\d\\d),[0-9.]+,`), `a CSV row: ${l}`);
    for (const p of [adm, user, pub])
      assert.deepEqual(p.errors, [], 'no console errors (CSP)');
  }
  console.log(`browser admin: ${step} screenshots in ${artifacts}; all steps passed`);
} catch (e) {
  failed = 1;
  console.error('FAIL:', e.message);
}
await browser.close();
process.exit(failed);
