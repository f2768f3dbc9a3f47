// upload_tasks.mjs BASE ARTIFACTS TEXT: a plan's tasks on the draft page
// (issue 12). The count at the top counts the task cells to check, and
// goes down as one is said right; a task cell edited, or said right, is
// saved into the draft when the clerk leaves it (no button), also after a
// change of title that changes the tasks the page was made from (the
// form's button waits for a save under way); when the
// tasks changed meanwhile elsewhere, the save is refused (409), the clerk
// is told, the typed cell stays on the page and the earlier saves stay in
// the draft. Screenshots kept.
import assert from 'node:assert/strict';
import { launch, scriptErrors, shooter, signIn } from './kit.mjs';

const [base, artifacts, text] = process.argv.slice(2);
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
  await page.locator('input[name="file"]').setInputFiles(text);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.waitForURL(/draft=\d+/, { timeout: 90000 });
  const url = new URL(page.url());
  const api = `${base}/api/v1/units/${url.pathname.split('/')[2]}/plan/drafts/${url.searchParams.get('draft')}`;
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const draft = async () => (await page.request.get(api)).json();

  // The count at the top: every marked cell, the tasks' among them.
  const count = page.locator('#lowconf-count strong');
  const n0 = Number((await count.textContent()).match(/^(\d+) ô cần kiểm tra/)[1]);
  assert.equal(n0, await page.locator('td.lowconf').count(), 'the top count: every cell marked');
  const list = page.locator('details.tasks');
  const nt = Number((await list.locator('summary').textContent()).match(/; (\d+) ô cần kiểm tra/)[1]);
  assert.ok(nt >= 2 && nt <= n0, `task cells to check: ${nt} of ${n0}`);
  await shot(page, 'draft');

  // A task cell said right: one less at the top and in the tasks' list, and
  // saved at once (the draft flags it no more).
  const cell = list.locator('tbody td.lowconf').first();
  const box = cell.locator('input[type=checkbox]');
  const [, field, at] = (await box.getAttribute('name')).match(/^ok\.task\.([a-z]+)\.(\d+)$/);
  const status = page.locator('#autosave');
  await box.check();
  await status.filter({ hasText: 'Đã lưu' }).waitFor();
  assert.match(await count.textContent(), new RegExp(`^${n0 - 1} ô cần kiểm tra`), 'the top count goes down');
  assert.match(await list.locator('summary').textContent(), new RegExp(`; ${nt - 1} ô cần kiểm tra`));
  assert.equal(((await draft()).task_flags[at] || {})[field], undefined, 'said right: saved in the draft');

  // A task cell edited and left: saved without the form's button.
  const lead = list.locator(`[name="task.lead.${at}"]`);
  await lead.fill('Phòng Văn hóa và Thông tin (tự lưu)');
  await lead.press('Tab');
  await expectSaved(() => draft(), (d) => d.plan.tasks[at].lead === 'Phòng Văn hóa và Thông tin (tự lưu)', 'the lead saved as it was left');
  // A title changed (the tasks the page was made from change with it),
  // then another cell: both saved, the second not refused.
  const title = list.locator(`[name="task.title.${at}"]`);
  await title.fill('Nhiệm vụ đặt lại tên (tự lưu)');
  await title.press('Tab');
  const tf = list.locator(`[name="task.timeframe.${at}"]`);
  await tf.fill('Tháng 10/2026');
  await tf.press('Tab');
  await expectSaved(() => draft(), (d) => d.plan.tasks[at].title === 'Nhiệm vụ đặt lại tên (tự lưu)' && d.plan.tasks[at].timeframe === 'Tháng 10/2026', 'title then timeframe saved');
  assert.equal(await status.getAttribute('role'), 'status', 'no refusal after a title change');
  // Left and opened again: all there.
  await page.goto(`${base}${url.pathname}`);
  await page.goto(url.href);
  assert.equal(await list.locator(`[name="task.lead.${at}"]`).inputValue(), 'Phòng Văn hóa và Thông tin (tự lưu)');
  assert.equal(await list.locator(`[name="task.timeframe.${at}"]`).inputValue(), 'Tháng 10/2026');
  await shot(page, 'autosaved');
  // A title typed then the form's button at once: the button waits for the
  // cell's save, and the form goes through (not refused as stale).
  const title2 = list.locator(`[name="task.title.${at}"]`);
  await title2.fill('Nhiệm vụ đặt lại tên lần hai');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/saved=1/);
  assert.equal((await draft()).plan.tasks[at].title, 'Nhiệm vụ đặt lại tên lần hai', 'saved through the form after the cell');

  // Meanwhile, another window removes the last task: this page's places are
  // stale, its next save refused and said, the typed cell kept.
  const before = await draft();
  const last = before.plan.tasks.length - 1;
  const r = await page.request.patch(api, { headers: { 'X-CSRF-Token': csrf }, data: { remove_tasks: [last] } });
  assert.equal(r.status(), 200, 'removed in another window');
  const other = list.locator('[name="task.lead.0"]');
  await other.fill('Ô gõ khi bản nháp đã đổi');
  await other.press('Tab');
  await page.locator('#autosave[role=alert]').waitFor();
  assert.match(await status.textContent(), /đã đổi từ khi trang này được mở/, 'the clerk is told');
  assert.equal(await other.inputValue(), 'Ô gõ khi bản nháp đã đổi', 'the typed cell stays on the page');
  const after = await draft();
  assert.notEqual(after.plan.tasks[0].lead, 'Ô gõ khi bản nháp đã đổi', 'the stale save not applied');
  assert.equal(after.plan.tasks[at].lead, 'Phòng Văn hóa và Thông tin (tự lưu)', 'the earlier saves kept');
  assert.equal(after.plan.tasks.length, last, 'the other window\'s removal kept');
  await shot(page, 'stale');
  assert.deepEqual(errors, [], 'no script errors or CSP violations');
} catch (e) {
  failed = 1;
  console.error('FAIL:', e.message);
}
await browser.close();
process.exit(failed);

// Poll the draft (the saves run one after another) until want holds, 10 s at most.
async function expectSaved(get, want, what) {
  for (let i = 0; i < 50; i++) {
    if (want(await get())) return;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  assert.fail(what);
}
