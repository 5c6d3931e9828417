/**
 * 连接到政务公开办: server address, user, password → a CouchDB cookie session. The password lives
 * in this form's input only while it is typed; after the attempt the input is emptied, and it is
 * never stored, put in a URL or logged.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseServerUrl, sameOriginServer, signIn, SUPERVISOR_ROLE, type SignInError } from '../../sync/session.ts';
import { rememberConnection, type Connection } from '../../sync/connection.ts';

type FormError = SignInError | 'badUrl' | 'empty' | 'wrongRole' | 'wrongRoleUnit';

export function ConnectForm({ role, onConnected, onCancel }: { role: Connection['role']; onConnected: (connection: Connection) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const password = useRef<HTMLInputElement>(null);
  const address = useRef<HTMLInputElement>(null);

  // Served by the area's server, the app knows its server: the field starts with it (the clerk may type another).
  useEffect(() => {
    let live = true;
    void sameOriginServer().then((url) => {
      if (!live || !url || !address.current || address.current.value) return;
      address.current.value = url;
      setSameOrigin(true);
    });
    return () => {
      live = false;
    };
  }, []);
  const [error, setError] = useState<FormError | undefined>();
  const [busy, setBusy] = useState(false);
  const [sameOrigin, setSameOrigin] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = normaliseServerUrl(String(form.get('url') ?? ''));
    const user = String(form.get('user') ?? '').trim();
    const secret = password.current?.value ?? '';
    if (!url) return setError('badUrl');
    if (!user || !secret) return setError('empty');
    setBusy(true);
    const result = await signIn(url, user, secret);
    if (password.current) password.current.value = '';
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const isSupervisor = result.session.roles.includes(SUPERVISOR_ROLE);
    if (role === 'supervisor' && !isSupervisor) return setError('wrongRole');
    if (role === 'unit' && isSupervisor) return setError('wrongRoleUnit');
    const connection: Connection = { url, user: result.session.user, role };
    rememberConnection(connection);
    setError(undefined);
    onConnected(connection);
  };

  return (
    <form className="sharing-connect" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t(role === 'unit' ? 'sharing.connect.heading' : 'sharing.connect.headingSupervisor')}</h2>
      <p className="sharing-help">{t('sharing.connect.help')}</p>
      <label>
        {t('sharing.connect.url')}
        <input ref={address} name="url" type="url" required placeholder="http://127.0.0.1:5984/couchdb" autoComplete="url" aria-describedby={sameOrigin ? `${id}-same` : undefined} />
      </label>
      {sameOrigin && (
        <p id={`${id}-same`} className="sharing-help">
          {t('sharing.connect.sameOrigin')}
        </p>
      )}
      <label>
        {t('sharing.connect.user')}
        <input name="user" required autoComplete="username" spellCheck={false} />
      </label>
      <label>
        {t('sharing.connect.password')}
        {/* No name: the password is read from the input, never part of form data that could be kept. */}
        <input ref={password} type="password" required autoComplete="current-password" />
      </label>
      {error && (
        <p role="alert" className="sharing-error">
          {t(`sharing.connect.errors.${error}`)}
        </p>
      )}
      <div className="sharing-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('sharing.connect.connecting') : t('sharing.connect.submit')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('sharing.connect.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
