// dashboard.mjs BASE ARTIFACTS: issue 14. At 1366x768 and 390x844 the
// province office signs in and lands on its dashboard (not an error page),
// finds the commune furthest behind, opens its behind indicators and one
// indicator's page with a readable chart; the comparison sorts by keyboard.
// On every page: one h1, every input labelled, badge text contrast >= 4.5:1
// from the computed styles, no script or CSP error. Screenshots kept.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, artifacts] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
let step = 0;
async function shot(page, name) {
  await page.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-${name}.png`, fullPage: true });
}

// WCAG contrast of two computed colours "rgb(r, g, b)".
function contrast(fg, bg) {
  const lum = (s) => {
    const [r, g, b] = s.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

async function accessible(page, where) {
  assert.equal(await page.locator('h1').count(), 1, `${where}: one h1`);
  const unlabelled = await page.evaluate(() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
    .map((e) => e.name || e.outerHTML.slice(0, 60)));
  assert.deepEqual(unlabelled, [], `${where}: inputs without a label`);
  const badges = await page.evaluate(() => Array.from(document.querySelectorAll('.badge, td.cell')).slice(0, 200).map((e) => {
    const s = getComputedStyle(e);
    return [s.color, s.backgroundColor, e.textContent.trim()];
  }));
  for (const [fg, bg, text] of badges)
    if (!/rgba\(0, 0, 0, 0\)/.test(bg))
      assert.ok(contrast(fg, bg) >= 4.5, `${where}: contrast of "${text}" ${contrast(fg, bg).toFixed(2)} (${fg} on ${bg})`);
  const body = await page.textContent('body');
  assert.ok(!body.includes('[E_'), `${where}: an error code on the page`);
}

let failed = 0;
try {
  for (const [w, h] of [[1366, 768], [390, 844]]) {
    const tag = `${w}`;
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused|Uncaught/.test(m.text()) && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && !/favicon/.test(r.url()) && errors.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    assert.match(page.url(), /\/dang-nhap$/, 'signed out: the sign-in page');
    await page.getByLabel('Tên đăng nhập').fill('tinh');
    await page.getByLabel('Mật khẩu').fill('matkhau-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/don-vi\/DEMO\/bang-dieu-khien/, { timeout: 10000 });
    assert.match(await page.locator('h1').textContent(), /Bảng điều khiển/);
    assert.match(await page.textContent('main'), /chỉ tiêu đạt hoặc đúng tiến độ/);
    await accessible(page, `${tag} dashboard`);
    await shot(page, `${tag}-dashboard`);

    // The commune furthest behind with indicators behind: the first such
    // row of "Đơn vị chậm nhất" (lowest share first).
    const lateRows = page.locator('table.behind tbody tr').filter({ has: page.locator('td:nth-child(3)', { hasText: /^[1-9]/ }) });
    assert.ok(await lateRows.count() >= 1, 'a commune with indicators behind');
    const behind = lateRows.first().locator('a');
    const commune = (await behind.textContent()).trim();
    await behind.click();
    await page.waitForURL(/loc=cham/);
    assert.equal((await page.locator('h1').textContent()).trim(), commune, 'the commune\'s page');
    await accessible(page, `${tag} commune`);
    await shot(page, `${tag}-commune-behind`);
    const rows = page.locator('table.status tbody tr');
    assert.ok(await rows.count() >= 1, 'the commune has indicators behind');
    for (let i = 0; i < await rows.count(); i++)
      assert.match(await rows.nth(i).locator('.badge').textContent(), /ĐỎ|VÀNG/, 'only indicators behind are listed');
    const ind = rows.first().locator('td').nth(1).locator('a');
    const code = (await rows.first().locator('td').first().textContent()).trim();
    await ind.click();
    await page.waitForURL(new RegExp(`/chi-tieu/${code.replace('.', '\\.')}`));
    assert.match(await page.locator('h1').textContent(), new RegExp(`^${code.replace('.', '\\.')}\\. `));
    await accessible(page, `${tag} indicator`);
    // The chart: its labels at least 10 px on screen.
    const small = await page.evaluate(() => {
      const svg = document.querySelector('svg.chart');
      if (!svg) return ['no chart'];
      const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Array.from(svg.querySelectorAll('text'))
        .map((t) => parseFloat(getComputedStyle(t).fontSize) * k)
        .filter((px) => px < 10).map((px) => px.toFixed(1));
    });
    assert.deepEqual(small, [], `${tag}: chart labels under 10 px`);
    const years = await page.locator('svg.chart text').allTextContents();
    assert.ok(!years.includes('2045'), 'the axis does not run to 2045');
    await shot(page, `${tag}-indicator`);

    // The comparison from the menu, sorted by keyboard.
    await page.goto(`${base}/don-vi/DEMO/bang-dieu-khien`);
    await page.getByRole('link', { name: 'So sánh các đơn vị theo từng chỉ tiêu' }).click();
    await page.waitForURL(/\/don-vi\/DEMO\/tinh/);
    await accessible(page, `${tag} comparison`);
    const th = page.locator('table.compare thead th').nth(2);
    const firstRow = async () => (await page.locator('table.compare tbody tr').first().locator('th').textContent()).trim();
    const before = await firstRow();
    await th.locator('button').focus();
    await page.keyboard.press('Enter');
    assert.equal(await th.getAttribute('aria-sort'), 'ascending');
    await page.keyboard.press('Enter');
    assert.equal(await th.getAttribute('aria-sort'), 'descending');
    assert.notEqual(await firstRow(), before, 'sorting by a commune changes the first row');
    const cell = page.locator('table.compare td.cell a').first();
    assert.match(await cell.getAttribute('href'), /^\/don-vi\/DEMO-[ABC]\/chi-tieu\//);
    await shot(page, `${tag}-comparison`);
    assert.deepEqual(errors, [], `${tag}: no console errors`);
    await ctx.close();
  }
  console.log(`browser: ${step} screenshots in ${artifacts}; all steps passed`);
} catch (e) {
  failed = 1;
  console.error('FAIL:', e.message);
}
await browser.close();
process.exit(failed);
