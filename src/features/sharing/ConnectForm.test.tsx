/**
 * 连接到政务公开办 against the real embedded server (in memory, a free port): a wrong password is
 * refused and said; the right one signs in as the unit; the supervisor is sent to the workspace;
 * the password is in no storage afterwards and the input is emptied.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { initI18n } from '../../i18n/index.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../../server/embedded.ts';
import { setupArea } from '../../server/setup.ts';
import { ConnectForm } from './ConnectForm.tsx';
import './strings.ts';

vi.setConfig({ testTimeout: 30_000 });

let server: EmbeddedServer;
const admin = { name: 'admin', password: 'admin-password-1' };

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: [] });
  await setupArea(server.url, admin, [{ agency: '平罗县民政局', user: 'plmzj', password: 'plmzj-password-1' }], { name: 'zwgk', password: 'zwgk-password-1' });
  void initI18n('zh-CN');
});
afterAll(() => server.close());

async function fill(user: string, password: string) {
  const u = userEvent.setup();
  await u.type(screen.getByLabelText('服务器地址'), server.url);
  await u.type(screen.getByLabelText('用户名'), user);
  await u.type(screen.getByLabelText('密码'), password);
  await u.click(screen.getByRole('button', { name: '连接' }));
}

describe('ConnectForm', () => {
  test('a wrong password is refused; the right one connects as the unit, and the password is kept nowhere', async () => {
    localStorage.clear();
    const onConnected = vi.fn();
    render(
      <I18nextProvider i18n={i18next}>
        <ConnectForm role="unit" onConnected={onConnected} />
      </I18nextProvider>,
    );
    await fill('plmzj', 'not-the-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确。');
    expect(onConnected).not.toHaveBeenCalled();
    expect(screen.getByLabelText('密码')).toHaveValue('');

    await userEvent.setup().type(screen.getByLabelText('密码'), 'plmzj-password-1');
    await userEvent.setup().click(screen.getByRole('button', { name: '连接' }));
    await vi.waitFor(() => expect(onConnected).toHaveBeenCalledWith({ url: server.url, user: 'plmzj', role: 'unit' }));
    expect(screen.getByLabelText('密码')).toHaveValue('');
    expect(JSON.stringify({ ...localStorage })).not.toContain('plmzj-password-1');
    expect(JSON.parse(localStorage.getItem('nianbao.sharing')!)).toEqual({ url: server.url, user: 'plmzj', role: 'unit' });
  });

  test('the supervisor signs in at the workspace, not as a clerk; an address with a password in it is refused', async () => {
    localStorage.clear();
    const onConnected = vi.fn();
    render(
      <I18nextProvider i18n={i18next}>
        <ConnectForm role="unit" onConnected={onConnected} />
      </I18nextProvider>,
    );
    await fill('zwgk', 'zwgk-password-1');
    expect(await screen.findByRole('alert')).toHaveTextContent('这个用户是政务公开办的审核用户，请在审核工作台中连接。');
    const u = userEvent.setup();
    await u.clear(screen.getByLabelText('服务器地址'));
    await u.type(screen.getByLabelText('服务器地址'), server.url.replace('http://', 'http://zwgk:secret@'));
    await u.type(screen.getByLabelText('密码'), 'x');
    await u.click(screen.getByRole('button', { name: '连接' }));
    expect(await screen.findByText(/不含用户名和密码/)).toBeInTheDocument();
    expect(onConnected).not.toHaveBeenCalled();
    expect(localStorage.getItem('nianbao.sharing')).toBeNull();
  });
});
