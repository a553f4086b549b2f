import { initAll } from '/govuk/govuk-frontend.min.js';
initAll();

/*
 * Idle-timeout warning (WCAG 2.2.1 Timing adjustable). The page says how long its session certainly lasts
 * and how early to warn. Every tab of the browser shares one deadline through localStorage, so activity in
 * one tab keeps the others from warning. "Stay signed in" posts to /session/keep-alive, which restarts the
 * session's idle time; Escape does the same. Without scripts nothing shows and the session simply ends.
 */
function idleTimeoutWarning(dialog) {
  const sessionSeconds = Number(dialog.dataset.sessionSeconds);
  const warnSeconds = Number(dialog.dataset.warnSeconds);
  if (!(sessionSeconds > 0) || typeof dialog.showModal !== 'function') {
    return;
  }
  const key = 'assure.session-deadline';
  const keepAlive = document.querySelector('.assure-timeout__keep-alive');
  const warning = dialog.querySelector('.assure-timeout__warning');
  const ended = dialog.querySelector('.assure-timeout__ended');
  const when = dialog.querySelector('.assure-timeout__when');
  let timer = null;

  let ownDeadline = 0;
  const storedDeadline = () => Number(window.localStorage.getItem(key)) || 0;
  const deadline = () => Math.max(storedDeadline(), ownDeadline);

  function restart() {
    ownDeadline = Date.now() + sessionSeconds * 1000;
    if (ownDeadline > storedDeadline()) {
      window.localStorage.setItem(key, String(ownDeadline));
    }
    schedule();
  }

  function schedule() {
    window.clearTimeout(timer);
    const left = deadline() - Date.now();
    if (left <= 0) {
      showEnded();
    } else if (left <= warnSeconds * 1000) {
      showWarning(left);
      timer = window.setTimeout(schedule, Math.min(left, 1000));
    } else {
      if (dialog.open && !warning.hidden) {
        dialog.close(); // another tab kept the session alive
      }
      timer = window.setTimeout(schedule, left - warnSeconds * 1000);
    }
  }

  function showWarning(left) {
    const seconds = Math.ceil(left / 1000);
    const text = seconds > 60 ? Math.ceil(seconds / 60) + ' minutes' : seconds + (seconds === 1 ? ' second' : ' seconds');
    // Announced once when the dialog opens, not every second.
    if (!dialog.open) {
      when.textContent = 'in ' + text;
      warning.hidden = false;
      ended.hidden = true;
      dialog.showModal();
    }
  }

  function showEnded() {
    warning.hidden = true;
    ended.hidden = false;
    if (!dialog.open) {
      dialog.showModal();
    }
    ended.querySelector('button').focus();
  }

  async function stay() {
    const response = await fetch(keepAlive.action, {
      method: 'POST', body: new URLSearchParams(new FormData(keepAlive)), redirect: 'manual', credentials: 'same-origin'
    }).catch(() => null);
    if (response && response.status === 204) {
      dialog.close();
      restart();
    } else {
      showEnded();
    }
  }

  dialog.querySelector('.assure-timeout__stay').addEventListener('click', stay);
  dialog.querySelector('.assure-timeout__close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('cancel', (event) => {
    if (!warning.hidden) {
      event.preventDefault();
      stay();
    }
  });
  window.addEventListener('storage', (event) => {
    if (event.key === key) {
      schedule();
    }
  });
  restart();
}

const timeoutDialog = document.getElementById('assure-timeout');
if (timeoutDialog) {
  idleTimeoutWarning(timeoutDialog);
}
