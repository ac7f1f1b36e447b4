// Time in status ticks in the browser, so the server re-renders only the agents that changed.
// Each [data-since] element holds the epoch ms its status began; the grid's data-server-now is the server's
// clock at its last render, which corrects for a browser clock that is off.
(() => {
  let offset = null; // server time minus browser time
  let lastServerNow = null;

  function serverNow() {
    const grid = document.querySelector('[data-server-now]');
    if (grid && grid.dataset.serverNow !== lastServerNow) {
      lastServerNow = grid.dataset.serverNow;
      offset = Number(lastServerNow) - Date.now();
    }
    return Date.now() + (offset ?? 0);
  }

  function format(ms) {
    if (!(ms >= 0)) return '—';
    const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    const two = n => String(n).padStart(2, '0');
    return h >= 1 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
  }

  function tick() {
    const now = serverNow();
    for (const el of document.querySelectorAll('[data-since]')) {
      const elapsed = now - Number(el.dataset.since);
      el.textContent = format(elapsed);
      const agent = el.closest('[data-agent]');
      if (!agent) continue;
      const warn = Number(agent.dataset.warnMs || 0), alert = Number(agent.dataset.alertMs || 0);
      agent.classList.toggle('over-alert', alert > 0 && elapsed >= alert);
      agent.classList.toggle('over-warning', warn > 0 && elapsed >= warn && !(alert > 0 && elapsed >= alert));
      const flag = agent.querySelector('[data-flag]');
      if (flag) flag.hidden = !(warn > 0 && elapsed >= warn);
    }
  }

  setInterval(tick, 1000);
  document.addEventListener('DOMContentLoaded', tick);
})();
