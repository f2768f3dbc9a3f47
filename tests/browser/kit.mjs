// kit.mjs: what the plan upload's browser tests share: Debian's chromium,
// screenshots numbered in the artifacts' folder, the page's script errors
// and CSP refusals collected, an account signed in.
import { chromium } from 'playwright-core';

export const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

// shot(page, name): a full-page screenshot, numbered in order.
export function shooter(artifacts) {
  let step = 0;
  return (page, name) => page.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-${name}.png`, fullPage: true });
}

export function scriptErrors(page) {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

// Signed in as login through the sign-in page, on the unit's page.
export async function signIn(page, base, login, password = 'matkhau-demo') {
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/don-vi\//);
}
