// upload_tasks.mjs BASE ARTIFACTS TEXT: a plan's tasks on the draft page
// (issue 12). The count at the top counts the task cells to check, and
// goes down as one is said right; a task cell edited, or said right, is
// saved into the draft when the clerk leaves it (no button), also after a
// change of title that changes the tasks the page was made from (the
// form's button waits for a save under way); when the
// tasks changed meanwhile elsewhere, the save is refused (409), the clerk
// is told, the typed cell stays on the page and the earlier saves stay in
// the draft. An indicator's cells are saved so too, by the row's code
// (not refused for the tasks changed elsewhere). A row added (an indicator
// or a task the reader missed) is saved as its cells are left once it has
// its code, group and name (title), then is a row as the others, a new
// empty row below it. Screenshots kept.
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

  // An indicator's cells, as a task's (the form's button not pressed): a
  // target edited and left, a cell said right, a code changed then the
  // same row's name (saved under the new code), a group's name; all in the
  // draft, and on the page again after a reload; the form's button after.
  const ind = page.locator('table.draft:not(.tasks)');
  const byCode = (d, c) => d.plan.indicators.find((x) => x.code === c);
  const tgt = ind.locator('input.target').first();
  const [, year, row] = (await tgt.getAttribute('name')).match(/^t\.(\d{4})\.(\d+)$/);
  const code = await page.locator(`input[name="k.${row}"]`).inputValue();
  const typed = `≥ ${97 + Number(row)},5%`;
  assert.notEqual(await tgt.inputValue(), typed);
  await tgt.fill(typed);
  await tgt.press('Tab');
  await expectSaved(draft, (d) => ((byCode(d, code).targets || {})[year] || {}).text === typed, 'an indicator\'s target saved as it was left');
  await page.locator('#autosave[role=status]').waitFor();
  assert.equal(await page.locator('#autosave + div.wide > table.draft:not(.tasks)').count(), 1, 'said above the indicators\' table');
  const ibox = ind.locator('td.lowconf input[type=checkbox]:not([name^="ok.gname"])').first();
  const [, ifield, irow] = (await ibox.getAttribute('name')).match(/^ok\.(.+)\.(\d+)$/);
  const icode = await page.locator(`input[name="k.${irow}"]`).inputValue();
  assert.ok(((await draft()).cell_flags[icode] || {})[ifield], `${ifield} of ${icode} to check`);
  await ibox.check();
  await expectSaved(draft, (d) => !(d.cell_flags[icode] || {})[ifield], 'an indicator\'s cell said right: saved');
  const other2 = String((Number(row) + 1) % (await ind.locator('input[name^="k."]').count()));
  const old2 = await page.locator(`input[name="k.${other2}"]`).inputValue();
  const code2 = `${old2}b`;
  await ind.locator(`[name="code.${other2}"]`).fill(code2);
  await ind.locator(`[name="code.${other2}"]`).press('Tab');
  await ind.locator(`[name="name.${other2}"]`).fill('Chỉ tiêu đổi mã rồi đổi tên (tự lưu)');
  await ind.locator(`[name="name.${other2}"]`).press('Tab');
  await expectSaved(draft, (d) => (byCode(d, code2) || {}).name === 'Chỉ tiêu đổi mã rồi đổi tên (tự lưu)' && !byCode(d, old2), 'a code, then the name under the new code');
  const gcode = await page.locator('input[name="g.0"]').inputValue();
  await ind.locator('[name="gname.0"]').fill('Nhóm đặt lại tên (tự lưu)');
  await ind.locator('[name="gname.0"]').press('Tab');
  await expectSaved(draft, (d) => d.plan.groups.find((g) => g.code === gcode).name === 'Nhóm đặt lại tên (tự lưu)', 'a group\'s name saved');
  assert.equal(await status.getAttribute('role'), 'status', 'no refusal');
  await page.goto(url.href);
  assert.equal(await ind.locator(`[name="t.${year}.${row}"]`).inputValue(), typed, 'the target there after a reload');
  assert.equal(await ind.locator(`[name="code.${other2}"]`).inputValue(), code2);
  assert.equal(await ind.locator('[name="gname.0"]').inputValue(), 'Nhóm đặt lại tên (tự lưu)');
  await shot(page, 'indicators-autosaved');
  // A unit typed then the form's button at once: the form goes through
  // after the save, nothing undone.
  await ind.locator(`[name="unit.${row}"]`).fill('% (tự lưu)');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/saved=1/);
  const saved = await draft();
  assert.equal(byCode(saved, code).unit, '% (tự lưu)', 'the unit saved');
  assert.equal(byCode(saved, code).targets[year].text, typed, 'the target kept through the form');
  assert.equal((byCode(saved, code2) || {}).name, 'Chỉ tiêu đổi mã rồi đổi tên (tự lưu)', 'the new code kept through the form');

  // A row added to the indicators: not saved before it has its code, group
  // and name (the clerk told), then added with its cells, once; its next
  // cell saved as the row's; an empty row to add below it.
  const nrow = ind.locator('tr.new');
  const ncode = 'Z.9', nname = 'Chỉ tiêu thêm (tự lưu)';
  const nrows = await page.locator('input[name="n"]').inputValue();
  const grp = (await draft()).plan.indicators[0].group;
  const leave = async (loc, v) => { await loc.fill(v); await loc.press('Tab'); };
  await leave(nrow.locator('[name="new.code"]'), ncode);
  await leave(nrow.locator(`[name="new.t.${year}"]`), '≥ 3');
  await status.filter({ hasText: 'khi có mã, nhóm và tên' }).waitFor();
  assert.equal(byCode(await draft(), ncode), undefined, 'not added before it has a name');
  await leave(nrow.locator('[name="new.group"]'), grp);
  await leave(nrow.locator('[name="new.name"]'), nname);
  await expectSaved(draft, (d) => (byCode(d, ncode) || {}).name === nname && byCode(d, ncode).targets[year].text === '≥ 3', 'an added row saved with its cells');
  await leave(ind.locator(`[name="unit.${nrows}"]`), 'điểm');
  await expectSaved(draft, (d) => byCode(d, ncode).unit === 'điểm', 'the added row\'s next cell saved as the row\'s');
  assert.equal((await draft()).plan.indicators.filter((x) => x.code === ncode).length, 1, 'added once');
  assert.equal(await ind.locator('tr.new [name="new.code"]').inputValue(), '', 'an empty row to add below');
  // A task added so too, by its place then (the tasks the page has move on).
  const tn0 = Number(await page.locator('input[name="tn"]').inputValue());
  const tnew = list.locator('tr.new'), ttitle = 'Nhiệm vụ thêm (tự lưu)';
  await leave(tnew.locator('[name="new.task.code"]'), 'NV.99');
  await leave(tnew.locator('[name="new.task.group"]'), (await draft()).plan.tasks[0].group);
  await leave(tnew.locator('[name="new.task.title"]'), ttitle);
  await expectSaved(draft, (d) => d.plan.tasks.length === tn0 + 1 && d.plan.tasks[tn0].title === ttitle, 'an added task saved');
  await leave(list.locator(`[name="task.lead.${tn0}"]`), 'Phòng Nội vụ (tự lưu)');
  await expectSaved(draft, (d) => d.plan.tasks[tn0].lead === 'Phòng Nội vụ (tự lưu)' && d.plan.tasks.length === tn0 + 1, 'the added task\'s next cell saved by its place');
  assert.equal(await status.getAttribute('role'), 'status', 'the added task\'s cell not refused');
  await shot(page, 'rows-added');
  // There after a reload, and the form's button adds them no more.
  await page.goto(url.href);
  assert.equal(await ind.locator(`[name="unit.${nrows}"]`).inputValue(), 'điểm');
  assert.equal(await list.locator(`[name="task.title.${tn0}"]`).inputValue(), ttitle);
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/saved=1/);
  const kept = await draft();
  assert.equal(kept.plan.indicators.filter((x) => x.code === ncode).length, 1, 'the added row once after the form');
  assert.equal(kept.plan.tasks.filter((x) => x.title === ttitle).length, 1, 'the added task once after the form');

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
  // An indicator's cell is saved by its code, not refused for the tasks
  // changed elsewhere, and leaves this page's tasks stale: a task's cell
  // after it still refused.
  const lead2 = ind.locator(`[name="lead.${row}"]`);
  await lead2.fill('Phòng Kinh tế (tự lưu)');
  await lead2.press('Tab');
  await expectSaved(draft, (d) => byCode(d, code).lead === 'Phòng Kinh tế (tự lưu)', 'an indicator saved with the tasks stale');
  await page.locator('#autosave[role=status]').waitFor();
  await list.locator('[name="task.lead.1"]').fill('Ô gõ lần nữa khi bản nháp đã đổi');
  await list.locator('[name="task.lead.1"]').press('Tab');
  await page.locator('#autosave[role=alert]').waitFor();
  assert.notEqual((await draft()).plan.tasks[1].lead, 'Ô gõ lần nữa khi bản nháp đã đổi', 'still refused');
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
