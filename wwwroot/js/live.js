// Time in status ticks in the browser, so the server re-renders only the agents that changed.
// Each [data-since] element holds the epoch ms its status began; the grid's data-server-now is the server's
// clock at its last render, which corrects for a browser clock that is off. Instants ([data-epoch]) and the
// wall's clock ([data-clock]) are written here too, so every time on a page reads the same corrected clock.
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

  // 5:09, 1:05:09, and from a day on days and hours (3d 14h), which a glance can read.
  function format(ms) {
    if (!(ms >= 0)) return '—';
    const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    const two = n => String(n).padStart(2, '0');
    if (h >= 24) return `${Math.floor(h / 24)}d ${h % 24}h`;
    return h >= 1 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
  }

  // Per status name, [warning ms, alert ms]: rendered once on the grid, not on every row.
  function thresholdsFor(agent) {
    const grid = agent.closest('[data-thresholds]');
    if (!grid || !agent.dataset.status) return [0, 0];
    const table = JSON.parse(grid.dataset.thresholds || '{}');
    return table[agent.dataset.status] || [0, 0];
  }

  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  // Shown in the browser's own time zone: the server's is not the viewer's.
  // data-epoch-style="date" shows the day too (e.g. "23 Nov 2026, 14:05"); else the time of day to the second.
  function instant(el) {
    const ms = Number(el.dataset.epoch);
    if (!ms) return '';
    return el.dataset.epochStyle === 'date'
      ? new Date(ms).toLocaleString([], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
      : new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function times(now) {
    for (const el of document.querySelectorAll('[data-epoch]')) setText(el, instant(el));
    for (const el of document.querySelectorAll('[data-clock]')) {
      setText(el, new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    }
  }

  function tick() {
    const now = serverNow();
    times(now);
    for (const el of document.querySelectorAll('[data-since]')) {
      const elapsed = now - Number(el.dataset.since);
      // data-before: the status began before data-since, so the time is a lower bound, never a duration of its own.
      setText(el, el.hasAttribute('data-before') && elapsed >= 0 ? 'over ' + format(elapsed) : format(elapsed));
      const agent = el.closest('[data-agent]');
      if (!agent) continue;
      const [warn, alert] = thresholdsFor(agent);
      agent.classList.toggle('over-alert', alert > 0 && elapsed >= alert);
      agent.classList.toggle('over-warning', warn > 0 && elapsed >= warn && !(alert > 0 && elapsed >= alert));
      const flag = agent.querySelector('[data-flag]');
      if (flag) flag.hidden = !(warn > 0 && elapsed >= warn);
    }
  }

  // Fill at once (first paint, new rows, a changed start), at most once a frame, and then every second.
  let scheduled = false;
  function soon() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; tick(); });
  }
  new MutationObserver(soon).observe(document.documentElement,
    { childList: true, subtree: true, attributes: true, attributeFilter: ['data-since', 'data-epoch', 'class'] });
  setInterval(tick, 1000);
  tick();
})();
