// The timeout warning (GOV.UK Design System "Timeout warning"; WCAG 2.2.1 Timing Adjustable): before the idle
// timeout ends the session, a modal dialog says when and offers "Stay signed in" (Escape does the same) and
// "Sign out". Forms never depend on this: a form sent after the timeout is kept on the server (KeptForms.cs).
const meta = document.querySelector('meta[name="nolb-session-idle-seconds"]');
const dialog = document.getElementById('nolb-timeout');

if (meta && dialog && typeof dialog.showModal === 'function') {
  const idle = Number(meta.content) * 1000;
  // Two minutes' warning, or half the timeout when it is short; never less than WCAG's 20 seconds.
  const warnBefore = Math.max(20000, Math.min(120000, idle / 2));
  const warning = dialog.querySelector('[data-timeout-warning]');
  const ended = dialog.querySelector('[data-timeout-ended]');
  const at = dialog.querySelector('[data-timeout-at]');
  const form = dialog.querySelector('[data-timeout-keep-alive]');
  const stay = dialog.querySelector('[data-timeout-stay]');
  let timers = [];
  let returnFocus = null;
  let signedOut = false;

  const close = () => {
    if (dialog.open) {
      dialog.close();
    }
    if (returnFocus && typeof returnFocus.focus === 'function') {
      returnFocus.focus();
    }
  };

  const open = () => {
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    }
  };

  const end = () => {
    signedOut = true;
    warning.hidden = true;
    ended.hidden = false;
    dialog.setAttribute('aria-labelledby', 'nolb-timeout-ended-title');
    dialog.setAttribute('aria-describedby', 'nolb-timeout-ended-text');
    open();
    ended.querySelector('[data-timeout-close]').focus();
  };

  const warn = (expiresAt) => {
    at.textContent = new Date(expiresAt).toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit' });
    open();
    stay.focus();
  };

  const schedule = () => {
    timers.forEach(clearTimeout);
    const expiresAt = Date.now() + idle;
    timers = [setTimeout(() => warn(expiresAt), idle - warnBefore), setTimeout(end, idle)];
  };

  const keepAlive = async () => {
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { 'X-Nolb-Keep-Alive': '1' },
        credentials: 'same-origin',
        redirect: 'manual',
      });
      if (response.status === 204) {
        close();
        schedule();
        return;
      }
    } catch {
      // Offline: fall through and say so as if signed out; the form on the page is still kept when sent.
    }
    end();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    keepAlive();
  });

  // Escape: the dialog's cancel. Before the timeout it means "stay signed in", as in the GOV.UK pattern.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (signedOut) {
      close();
    } else {
      keepAlive();
    }
  });

  ended.querySelector('[data-timeout-close]').addEventListener('click', close);
  schedule();
}
