// The details of a timeline segment, a heatmap cell or a call's ring, on hover, focus or tap, inside one element
// (the parent of the marker attach is given: a page's lanes or grid, with its .seg-tip box). A heatmap cell opens its agent's day on click or Enter.

export function attach(marker) {
  const root = marker.parentElement;
  const listeners = [];
  const on = (type, handler) => { root.addEventListener(type, handler); listeners.push([type, handler]); };

  let pinned = null; // a tapped or clicked segment keeps its details open (so the call link can be followed)

  // While a tip is pinned, a click elsewhere on the page or Escape closes it; nothing is listened for otherwise.
  function outside(e) {
    if (e.type === 'keydown' ? e.key === 'Escape' : !root.contains(e.target)) unpin();
  }
  function pin(target) {
    if (!pinned) { window.addEventListener('pointerdown', outside, true); window.addEventListener('keydown', outside, true); }
    pinned = target;
  }
  function unpin() {
    window.removeEventListener('pointerdown', outside, true);
    window.removeEventListener('keydown', outside, true);
    pinned = null;
    hide();
  }

  function tip() { return root.querySelector('.seg-tip'); }

  function row(label, value) {
    if (!value) return '';
    const dt = document.createElement('dt'); dt.textContent = label;
    const dd = document.createElement('dd'); dd.textContent = value;
    return dt.outerHTML + dd.outerHTML;
  }

  function show(seg) {
    const box = tip();
    if (!box) return;
    const d = seg.dataset;
    const when = d.to ? `${d.from} – ${d.to}` : d.from;
    const lane = seg.closest('svg').dataset;
    let html = `<strong>${escapeText(d.status)}</strong> <span class="tip-who">${escapeText(lane.agentName)} · ${escapeText(lane.date)}</span><dl>` + row('Time', when) + row('Duration', d.dur) + row('Began', d.began)
      + row('By', d.by) + row('Reason', d.reason) + '</dl>';
    if (d.call) {
      const zone = seg.closest('[data-zone]')?.dataset.zone || '';
      html += `<a href="/calls/${encodeURIComponent(d.call)}?at=${encodeURIComponent(d.at || '')}&tz=${encodeURIComponent(zone)}">Why this call went this way →</a>`;
    }
    box.innerHTML = html;
    place(box, seg);
  }

  // A heatmap cell: who and which day, the metric's value, and every status's figure. The figures come as whole
  // minutes in the order the grid's data-statuses names ("<1" under a minute, "-" where Zoho sent no value).
  function cellDay(cell) {
    if (cell.dataset.date) return cell.dataset.date;
    const table = cell.closest('table');
    return table?.tHead?.rows[0]?.cells[cell.cellIndex]?.dataset.date;
  }

  function cellLabel(cell) {
    if (cell.dataset.label) return cell.dataset.label;
    const name = cell.closest('tr')?.querySelector('.hm-name')?.textContent || '';
    const table = cell.closest('table');
    return `${name} · ${table?.tHead?.rows[0]?.cells[cell.cellIndex]?.title || ''}`;
  }

  // A figure from data-f, shown as the server shows totals (DurationText.HoursMinutes).
  function figure(value) {
    if (value === '-' || value === undefined) return 'no data';
    if (value === '<1') return '<0:01';
    const minutes = Number(value);
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  }

  function showHeat(cell, withLink) {
    const box = tip();
    if (!box) return;
    const d = cell.dataset;
    const holder = cell.closest('[data-statuses]');
    const metric = cell.closest('[data-metric]')?.dataset.metric || '';
    const kind = cell.classList.contains('hx') ? 'excluded day' : cell.classList.contains('hn') ? 'no data' : '';
    let html = `<strong>${escapeText(cellLabel(cell))}</strong>`;
    if (kind) html += `<div>${kind}</div>`;
    if (d.v) html += `<div>${escapeText(metric)}: <strong>${escapeText(d.v)}</strong></div>`;
    if (d.f && holder) {
      const statuses = holder.dataset.statuses.split(','), values = d.f.split(',');
      html += '<dl>' + statuses.map((s, i) => row(s, figure(values[i]))).join('') + '</dl>';
    }
    // The link holds its address, not the cell: the grid may be drawn again (and the cell replaced) before the second tap.
    const url = withLink ? dayUrl(cell) : null;
    if (url) html += `<a href="${escapeText(url)}" data-open-day>Open this day's timeline →</a>`;
    box.innerHTML = html;
    box.querySelector('[data-open-day]')?.addEventListener('click', e => { e.preventDefault(); go(url); });
    place(box, cell);
  }

  // The timeline of a cell's agent and day; null for an excluded day or the whole scope's calendar.
  function dayUrl(cell) {
    const holder = cell.closest('[data-timeline]');
    const agent = cell.closest('[data-row]')?.dataset.row;
    const day = cellDay(cell);
    if (!holder || !agent || !day || cell.classList.contains('hx')) return null;
    return `${holder.dataset.timeline}&agentIds=${encodeURIComponent(agent)}&from=${day}&to=${day}`;
  }

  function go(url) {
    if (window.Blazor?.navigateTo) Blazor.navigateTo(url); else location.href = url;
  }

  // A click (or Enter) on an agent's day opens that agent's timeline for that day.
  function openDay(cell) {
    const url = dayUrl(cell);
    if (url) go(url);
  }

  function place(box, target) {
    box.hidden = false;
    const r = target.getBoundingClientRect();
    const left = Math.min(window.scrollX + r.left + Math.max(0, r.width / 2 - 120), window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8);
    box.style.left = `${Math.max(window.scrollX + 8, left)}px`;
    box.style.top = `${window.scrollY + r.bottom + 6}px`;
  }

  function escapeText(text) { const s = document.createElement('span'); s.textContent = text || ''; return s.innerHTML; }

  function hide() { const box = tip(); if (box) box.hidden = true; }

  on('pointerover', e => {
    const seg = e.target.closest && e.target.closest('.lane [data-status]');
    if (seg && !pinned) show(seg);
    const cell = e.target.closest && e.target.closest('.hc');
    if (cell) showHeat(cell);
  });
  on('pointerout', e => {
    if (!pinned && e.target.closest && e.target.closest('.lane [data-status], .hc')) hide();
  });
  on('focusin', e => {
    const seg = e.target.closest && e.target.closest('.lane [data-status]');
    if (seg) show(seg);
    const cell = e.target.closest && e.target.closest('.hc');
    if (cell) showHeat(cell);
  });
  on('click', e => {
    const cell = e.target.closest && e.target.closest('.hc');
    // A mouse opens the day; a finger first shows the figures (there is no hover), with the way to the day in them.
    if (cell && e.pointerType === 'touch') { pin(cell); showHeat(cell, true); return; }
    if (cell) { openDay(cell); return; }
    const seg = e.target.closest && e.target.closest('.lane [data-status]');
    if (seg) { pin(seg); show(seg); return; }
    if (!(e.target.closest && e.target.closest('#seg-tip'))) unpin();
  });
  on('keydown', e => {
    if (e.key === 'Escape') unpin();
    if (e.key === 'Enter' && e.target.classList?.contains('hc')) openDay(e.target);
  });

  return { dispose: () => { unpin(); for (const [type, handler] of listeners) root.removeEventListener(type, handler); } };
}
