// upload.mjs BASE ARTIFACTS DOCX CHANGED_DOCX SCAN: the office uploads its
// plan as a Word file, checks it beside the document's rows, corrects a
// target (read again as it is typed), renames a group and corrects a
// monitoring agency, saves it as the new plan version (checked through the
// API); uploads a changed version, sees the difference (a changed target, a
// dropped indicator, the group's name), confirms and saves; a scan shows
// its reading progress page by page, then its draft with the cells read
// with low confidence marked one by one (the cell, not the row) and
// counted, a group's name too (its heading read with low confidence); a
// cell corrected or said right is no longer marked, as typed and once saved;
// a plan's text whose task rows have cells run together shows its tasks'
// list open with those cells marked, the cell, not the row. Screenshots kept.
import assert from 'node:assert/strict';
import { launch, scriptErrors, shooter, signIn } from './kit.mjs';

const [base, artifacts, docx, changed, scan, tasks] = process.argv.slice(2);
const browser = await launch();
const shot = shooter(artifacts);
let failed = 0;
try {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  const errors = scriptErrors(page);
  await signIn(page, base, 'vanphong');
  await page.getByRole('link', { name: 'Kế hoạch' }).click();
  await page.waitForURL(/\/ke-hoach$/);
  assert.match(await page.locator('main').textContent(), /Đang dùng phiên bản 1/);
  await shot(page, 'plan-page');

  // Upload the Word file: the draft beside the document's rows.
  await page.locator('input[name="file"]').setInputFiles(docx);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForURL(/draft=\d+/);
  const row = (code) => page.locator('table.draft:not(.tasks) tbody tr').filter({ has: page.locator(`input.code[value="${code}"]`) });
  const i1 = row('I.1');
  assert.equal(await i1.count(), 1, 'I.1 in the draft');
  assert.match(await i1.locator('td.src').textContent(), /bảng 1, hàng \d+/, 'where the row stands in the document');
  const t2025 = i1.locator('input.target').first();
  assert.equal(await t2025.inputValue(), '≥ 70');
  assert.match(await i1.locator('small.tk').first().textContent(), /số ≥ 70/);
  assert.ok(await page.locator('table.draft:not(.tasks) tr.flag').count() >= 1, 'a flagged row (V.34 repeats V.31)');
  assert.match(await page.locator('section.diff').textContent(), /Thêm 0, bỏ 0, đổi 0/);
  await shot(page, 'draft');

  // Correct a target: read again as it is typed.
  await t2025.fill('từ 80 đến 90');
  await i1.locator('small.tk').first().filter({ hasText: 'khoảng 80–90' }).waitFor();
  await t2025.fill('≥ 95');
  await i1.locator('small.tk').first().filter({ hasText: 'số ≥ 95' }).waitFor();
  // A group's name, corrected once for all its rows; a monitoring agency.
  const gI = page.getByRole('textbox', { name: 'Tên nhóm I', exact: true });
  assert.equal(await gI.count(), 1, 'group I\'s name to correct, once');
  assert.equal(await gI.inputValue(), 'Phát triển hạ tầng');
  await gI.fill('Hạ tầng số');
  const m1 = i1.locator('input.monitor');
  assert.equal(await m1.inputValue(), 'Phòng Văn hóa – Xã hội');
  await m1.fill('Phòng Kinh tế');
  await shot(page, 'draft-corrected');
  await page.getByRole('button', { name: 'Lưu thành kế hoạch mới' }).click();
  await page.waitForURL(/published=2/);
  assert.match(await page.locator('main').textContent(), /phiên bản 2/);
  await shot(page, 'published-2');
  const unit = new URL(page.url()).pathname.split('/')[2];
  const saved = await (await page.request.get(`${base}/api/v1/units/${unit}/plan`)).json();
  assert.equal(saved.plan.groups.find((g) => g.code === 'I').name, 'Hạ tầng số', 'group I renamed in the saved plan');
  const s1 = saved.plan.indicators.find((x) => x.code === 'I.1');
  assert.equal(s1.monitor, 'Phòng Kinh tế', 'I.1\'s monitoring agency saved');
  assert.equal(s1.targets['2025'].text, '≥ 95');
  assert.ok(saved.plan.indicators.filter((x) => x.group === 'I').length >= 2, 'group I\'s rows kept');

  // A changed version: the difference shown before saving.
  await page.locator('input[name="file"]').setInputFiles(changed);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForURL(/draft=\d+/);
  const diff = await page.locator('section.diff').textContent();
  assert.match(diff, /Thêm 0, bỏ 1, đổi 1/, diff);
  assert.match(await page.locator('li.changed').first().textContent(), /I\.1.*năm 2025 «≥ 95» → «≥ 85»/);
  assert.match(await page.locator('li.removed').first().textContent(), /I\.2/);
  assert.match(await page.locator('li.group').textContent(), /Nhóm I:.*«Hạ tầng số» → «Phát triển hạ tầng»/);
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
  assert.ok(await page.locator('table.draft:not(.tasks) tbody tr').count() >= 9, 'the scan\'s indicators');
  // Cells read with low confidence: each marked, with why, and counted.
  const count = page.locator('#lowconf-count');
  const n0 = Number((await count.textContent()).match(/^(\d+) ô cần kiểm tra/)[1]);
  assert.ok(n0 >= 3, `cells to check: ${n0}`);
  assert.equal(await page.locator('table.draft:not(.tasks) td.lowconf').count(), n0, 'as many cells marked as counted');
  const h7 = row('II.7');
  assert.equal(await h7.count(), 1, 'II.7 in the scan\'s draft');
  const lead7 = h7.locator('td', { has: page.locator('input.lead') });
  assert.match(await lead7.getAttribute('class'), /lowconf/, 'its lead agency cell marked');
  // its lead as the scan reads it ("Phòng Kinh tỀ" or "Phòng Kinh tế", unsure):
  // a reading is not the test's; that it is marked and corrected is
  const read7 = await lead7.locator('input.lead').inputValue();
  assert.match(read7, /^Phòng Kinh t/);
  const title7 = await lead7.getAttribute('title');
  assert.match(title7, /độ tin cậy thấp/);
  assert.ok(title7.includes(read7), `the cell's title names its reading: ${title7}`);
  assert.match(await lead7.locator('small.lowconf').textContent(), /cần kiểm tra/);
  assert.equal(await h7.locator('td.lowconf').count(), 1, 'only that cell of the row');
  // the cell's doubt shown on the cell, not among the row's notes (the row
  // has a note of its own: its number "H.7" read and put right as "II.7")
  assert.equal(await h7.locator('small.warn', { hasText: read7 }).count(), 0, 'the cell, not the row');
  // Group I's heading row, its number read at 79 %: the group's name marked.
  const gcell = () => page.locator('tr.group td', { has: page.getByRole('textbox', { name: 'Tên nhóm I', exact: true }) });
  assert.match((await gcell().getAttribute('class')) || '', /lowconf/, 'group I\'s name marked');
  assert.match(await gcell().getAttribute('title'), /độ tin cậy thấp.*đọc được "I"/);
  await shot(page, 'scan-draft');
  // Said right: no longer marked nor counted.
  await gcell().getByRole('checkbox', { name: 'đúng' }).check();
  assert.doesNotMatch(await gcell().getAttribute('class'), /lowconf/);
  assert.match(await count.textContent(), new RegExp(`^${n0 - 1} ô cần kiểm tra`));
  // Corrected: no longer marked, as typed and once saved.
  await lead7.locator('input.lead').fill('Phòng Kinh tế - Hạ tầng');
  assert.doesNotMatch(await lead7.getAttribute('class'), /lowconf/);
  assert.match(await count.textContent(), new RegExp(`^${n0 - 2} ô cần kiểm tra`));
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/saved=1/);
  assert.equal(await row('II.7').locator('td.lowconf').count(), 0, 'saved: II.7 no longer flagged');
  assert.equal(await row('II.7').locator('input.lead').inputValue(), 'Phòng Kinh tế - Hạ tầng');
  assert.doesNotMatch((await gcell().getAttribute('class')) || '', /lowconf/, 'saved: group I no longer flagged');
  assert.match(await page.locator('#lowconf-count').textContent(), new RegExp(`^${n0 - 2} ô cần kiểm tra`));
  await shot(page, 'scan-corrected');
  await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await page.waitForURL(/\/ke-hoach$/);

  // Task rows with cells run together: each such cell marked in the tasks' list.
  await page.locator('input[name="file"]').setInputFiles(tasks);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForURL(/draft=\d+/, { timeout: 90000 });
  const list = page.locator('details.tasks');
  const nt = Number((await list.locator('summary').textContent()).match(/; (\d+) ô cần kiểm tra/)[1]);
  assert.ok(nt >= 1, `task cells to check: ${nt}`);
  assert.equal(await list.getAttribute('open'), '', 'the tasks\' list open');
  const marked = list.locator('tbody td.lowconf');
  assert.equal(await marked.count(), nt, 'as many task cells marked as counted');
  await marked.first().scrollIntoViewIfNeeded();
  assert.ok(await marked.first().isVisible(), 'a marked task cell in sight');
  assert.equal(await marked.first().evaluate((td) => getComputedStyle(td).outlineStyle), 'solid', 'outlined');
  const trow = marked.first().locator('xpath=..');
  assert.ok(await trow.locator('td').count() > await trow.locator('td.lowconf').count(), 'the cell, not the row');
  await shot(page, 'task-cells');
  // Corrected in its field and saved: no longer marked nor counted.
  const tfield = marked.first().locator('input:not([type=checkbox]), textarea');
  const tname = await tfield.getAttribute('name');
  await tfield.fill(`${await tfield.inputValue()} (đã sửa)`);
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/saved=1/);
  const tsaved = page.locator(`details.tasks [name="${tname}"]`);
  assert.match(await tsaved.inputValue(), /\(đã sửa\)$/, 'the task cell saved as typed');
  assert.doesNotMatch((await tsaved.locator('xpath=..').getAttribute('class')) || '', /lowconf/, 'saved: the task cell no longer marked');
  assert.equal(await list.locator('tbody td.lowconf').count(), nt - 1, 'one task cell fewer marked');
  assert.match(await list.locator('summary').textContent(), new RegExp(`; ${nt - 1} ô cần kiểm tra`));
  await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await page.waitForURL(/\/ke-hoach$/);
  assert.deepEqual(errors, [], 'no script errors or CSP violations');
} catch (e) {
  failed = 1;
  console.error('FAIL:', e.message);
}
await browser.close();
process.exit(failed);
