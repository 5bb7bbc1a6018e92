// Who is signed in: the header's "Sign in" control (name, password) or "Signed in as ana (editor) · Sign out", the
// first run's "Set the admin's password" dialog (opened by a #setup=TOKEN link), and what the signed-in user may
// change. The session itself rides in an HttpOnly cookie the page never sees; the page keeps only its CSRF token,
// which api.js sends with every change. A 401 from any route shows the sign-in.
import {call, get, useCsrfToken, whenUnauthenticated} from './api.js';
import {byId} from './dom.js';

const WRITERS = ['editor', 'admin'];

/**
 * @param onChange called with the user ({name, role, catalogs}) or null whenever that changes
 */
export function createSession(onChange) {
  let user = null;
  const panel = byId('sign-in');
  const form = byId('sign-in-form');
  const error = byId('sign-in-error');
  const signedIn = byId('signed-in');

  function use(answer) {
    const now = answer?.signedIn ? answer.user : null;
    useCsrfToken(now ? answer.csrfToken : null);
    const changed = JSON.stringify(now) !== JSON.stringify(user);
    user = now;
    panel.hidden = user !== null;
    signedIn.hidden = user === null;
    byId('signed-in-as').textContent = user ? `Signed in as ${user.name} (${user.role})` : '';
    document.body.dataset.user = user ? user.name : '';
    if (changed) onChange(user);
  }

  async function refresh() {
    const answer = await get('/api/v1/session');
    use(answer.status === 200 ? answer.body : null);
  }

  /** Opens the sign-in control with a line saying why. */
  function ask(message) {
    panel.hidden = false;
    panel.open = true;
    error.textContent = message ?? '';
    byId('sign-in-name').focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const name = byId('sign-in-name').value.trim();
    const password = byId('sign-in-password').value;
    if (!name || !password) {
      error.textContent = 'Enter your name and password.';
      return;
    }
    const answer = await call('POST', '/api/v1/session', {body: {name, password}});
    byId('sign-in-password').value = '';
    if (answer.status === 200) {
      panel.open = false;
      use(answer.body);
    } else if (answer.status === 401) {
      error.textContent = 'That name and password do not match a user.';
    } else {
      error.textContent = answer.body?.message ?? `The service answered ${answer.status}.`;
    }
  });

  byId('sign-out').addEventListener('click', async () => {
    await call('DELETE', '/api/v1/session');
    use(null);
  });

  whenUnauthenticated(async () => {
    const had = user;
    await refresh(); // forgets an ended session's cookie: anonymous calls work again where they may
    ask(had ? 'Your session has ended: sign in again.' : 'Sign in to do that.');
  });

  // ---- the first run: #setup=TOKEN -----------------------------------------------------------------------

  const dialog = byId('setup-dialog');
  const setupForm = byId('setup-form');
  const setupError = byId('setup-error');

  function offerSetup() {
    const match = /^#setup=([A-Za-z0-9_-]+)$/.exec(location.hash);
    if (!match) return;
    // The token leaves the address bar (and the history) at once; the dialog keeps it.
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    setupForm.dataset.token = match[1];
    dialog.showModal();
    byId('setup-password').focus();
  }

  setupForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    setupError.textContent = '';
    const body = {token: setupForm.dataset.token, name: byId('setup-name').value.trim(), password: byId('setup-password').value};
    const answer = await call('POST', '/api/v1/setup', {body});
    if (answer.status === 200) {
      byId('setup-password').value = '';
      delete setupForm.dataset.token;
      dialog.close();
      use(answer.body);
      return;
    }
    const details = (answer.body?.details ?? []).map((detail) => `${detail.field}: ${detail.message}`).join(' ');
    setupError.textContent = {
      401: 'This setup link is used up or has expired: restart the service for a new one.',
      409: 'The admin has been set up already: sign in instead.',
    }[answer.status] ?? (details || answer.body?.message || `The service answered ${answer.status}.`);
  });
  byId('setup-cancel').addEventListener('click', () => dialog.close());

  return {
    refresh,
    offerSetup,
    user: () => user,
    /** True when the signed-in user may change this catalog: an editor (of it, or of all) or an admin. */
    mayWrite(catalog) {
      return user !== null && WRITERS.includes(user.role) && (user.catalogs.length === 0 || user.catalogs.includes(catalog));
    },
    /** True when the signed-in user may create catalogs: a credential limited to named catalogs creates none. */
    mayCreate: () => user !== null && WRITERS.includes(user.role) && user.catalogs.length === 0,
  };
}
