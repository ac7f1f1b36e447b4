// Times that tick in the browser, inside one element (the parent of the marker attach is given): time in status ([data-since], epoch ms its status began),
// instants ([data-epoch]) and the wall's clock ([data-clock]). The element's [data-server-now] is the server's
// clock at its last render, which corrects for a browser clock that is off. So the server re-renders only what changed.

// 5:09, 1:05:09, and from a day on days and hours (3d 14h), which a glance can read.
function format(ms) {
  if (!(ms >= 0)) return '—';
  const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  const two = n => String(n).padStart(2, '0');
  if (h >= 24) return `${Math.floor(h / 24)}d ${h % 24}h`;
  return h >= 1 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
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

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

export function attach(marker) {
  const root = marker.parentElement;
  const find = selector => (root.matches(selector) ? root : root.querySelector(selector));
  let offset = 0, lastServerNow = null, thresholdsText = null, thresholds = {};

  function serverNow() {
    const holder = find('[data-server-now]');
    if (holder && holder.dataset.serverNow !== lastServerNow) {
      lastServerNow = holder.dataset.serverNow;
      offset = Number(lastServerNow) - Date.now();
    }
    return Date.now() + offset;
  }

  // Per status name, [warning ms, alert ms]: rendered once on the grid, not on every row.
  function thresholdsFor(status) {
    const holder = find('[data-thresholds]');
    const text = holder?.dataset.thresholds || '{}';
    if (text !== thresholdsText) { thresholdsText = text; thresholds = JSON.parse(text); }
    return (status && thresholds[status]) || [0, 0];
  }

  function tick() {
    const now = serverNow();
    for (const el of root.querySelectorAll('[data-epoch]')) setText(el, instant(el));
    for (const el of root.querySelectorAll('[data-clock]')) {
      setText(el, new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    }
    for (const el of root.querySelectorAll('[data-since]')) {
      const elapsed = now - Number(el.dataset.since);
      // data-before: the status began before data-since, so the time is a lower bound, never a duration of its own.
      setText(el, el.hasAttribute('data-before') && elapsed >= 0 ? 'over ' + format(elapsed) : format(elapsed));
      const agent = el.closest('[data-agent]');
      if (!agent) continue;
      const [warn, alert] = thresholdsFor(agent.dataset.status);
      agent.classList.toggle('over-alert', alert > 0 && elapsed >= alert);
      agent.classList.toggle('over-warning', warn > 0 && elapsed >= warn && !(alert > 0 && elapsed >= alert));
      const flag = agent.querySelector('[data-flag]');
      if (flag) flag.hidden = !(warn > 0 && elapsed >= warn);
    }
  }

  // At once when the server draws something new (new rows, a changed start), at most once a frame; else every second.
  let scheduled = false;
  const soon = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; tick(); });
  };
  const observer = new MutationObserver(soon);
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-since', 'data-epoch', 'class'] });
  const timer = setInterval(tick, 1000);
  tick();
  return { dispose: () => { observer.disconnect(); clearInterval(timer); } };
}
