/**
 * The sharing e2e tests' area: one embedded server (in memory, a free port) provisioned from a
 * two-unit roster, the people who sign in to it, and how a test reads what reached the server
 * (as the admin) or fills the app's connect form.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { baseUrl } from './browser.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded.ts';
import { setupArea } from '../../src/server/setup.ts';

export const admin = { name: 'admin', password: 'admin-e2e-password' };
export const clerk = { name: 'plzfb', password: 'plzfb-password-1' };
export const supervisor = { name: 'zwgk', password: 'zwgk-password-1' };
export const AGENCY = '平罗县人民政府办公室';
export const seedText = readFileSync('tests/fixtures/pingluo-2022.json', 'utf8');

/** The embedded server with the clerk's unit, a second unit and the supervisor, for the app's origin. */
export async function startArea(): Promise<EmbeddedServer> {
  const server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: [new URL(baseUrl()).origin] });
  await setupArea(
    server.url,
    admin,
    [
      { agency: AGENCY, user: clerk.name, password: clerk.password },
      { agency: '平罗县教育局', user: 'pljyj', password: 'pljyj-password-1' },
    ],
    supervisor,
  );
  return server;
}

/** Fills the open connect form (server, user, password) and presses 连接. */
export async function fillConnectForm(page: Page, serverUrl: string, who: { name: string; password: string }) {
  await page.getByLabel('服务器地址').fill(serverUrl);
  await page.getByLabel('用户名').fill(who.name);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '连接', exact: true }).click();
}

/** A document of the clerk's unit database as the server holds it (read as the admin); undefined when missing. */
export async function serverDoc<T>(server: EmbeddedServer, id: string, query = ''): Promise<T | undefined> {
  const response = await fetch(`${server.url}/nianbao-unit-${clerk.name}/${encodeURIComponent(id)}${query}`, {
    headers: { authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` },
  });
  return response.ok ? ((await response.json()) as T) : undefined;
}
