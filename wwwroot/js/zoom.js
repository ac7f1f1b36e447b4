// Zooming the timeline's lanes by dragging across them or their axis: a rectangle shows the stretch while the
// pointer moves, and letting go puts the stretch in the URL (span=HH:mm:ss-HH:mm:ss, clock times of the page's zone),
// which the page reads, tidies and draws. Keys and buttons are the page's own. Only the timeline is listened to.

export function attach(marker) {
  const root = marker.parentElement;
  let drag = null; // { track, rect, x0, x, id, box }

  function timeline() { return root.querySelector('#timeline'); }

  // The stretch shown now, in seconds from local midnight, as the page wrote it on the timeline.
  function shown() {
    const d = timeline()?.dataset;
    return d ? [Number(d.spanStart), Number(d.spanEnd)] : [0, 86400];
  }

  function share(x) { return Math.min(1, Math.max(0, (x - drag.rect.left) / drag.rect.width)); }

  function draw() {
    const t = timeline().getBoundingClientRect();
    const left = Math.min(drag.x0, drag.x), right = Math.max(drag.x0, drag.x);
    const from = Math.max(left, drag.rect.left), to = Math.min(right, drag.rect.right);
    Object.assign(drag.box.style, {
      left: `${window.scrollX + from}px`, width: `${Math.max(0, to - from)}px`,
      top: `${window.scrollY + t.top}px`, height: `${t.height}px`,
    });
    drag.box.hidden = false;
  }

  function clock(seconds) {
    const s = Math.round(seconds);
    const pad = n => String(n).padStart(2, '0');
    return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  }

  function finish() {
    if (!drag) return;
    drag.box.remove();
    drag = null;
  }

  function down(e) {
    finish(); // a drag whose pointer was let go outside the timeline
    if (e.button !== 0) return;
    const track = e.target.closest && e.target.closest('#timeline .lane-track, #timeline .axis');
    if (!track) return;
    const box = document.createElement('div');
    box.className = 'zoom-select';
    box.hidden = true;
    box.setAttribute('aria-hidden', 'true');
    root.appendChild(box);
    drag = { track, rect: track.getBoundingClientRect(), x0: e.clientX, x: e.clientX, id: e.pointerId, box, moved: false };
  }

  function move(e) {
    if (!drag || e.pointerId !== drag.id) return;
    if (e.buttons === 0) { finish(); return; }
    drag.x = e.clientX;
    if (!drag.moved && Math.abs(drag.x - drag.x0) < 5) return; // a click or tap on a segment, not a drag
    if (!drag.moved) {
      drag.moved = true;
      drag.track.setPointerCapture?.(e.pointerId);
    }
    e.preventDefault();
    draw();
  }

  function up(e) {
    if (!drag || e.pointerId !== drag.id) return;
    const { moved, x0 } = drag;
    const a = share(x0), b = share(e.clientX);
    finish();
    if (!moved) return;
    // The click that ends a drag is not a click on a segment.
    root.addEventListener('click', swallow, true);
    setTimeout(() => root.removeEventListener('click', swallow, true), 0);
    const [start, end] = shown();
    const length = end - start;
    const from = start + Math.min(a, b) * length, to = start + Math.max(a, b) * length;
    const url = new URL(location.href);
    url.searchParams.set('span', `${clock(from)}-${clock(to)}`);
    const address = url.pathname + url.search;
    if (window.Blazor?.navigateTo) Blazor.navigateTo(address); else location.href = address;
  }

  function swallow(e) { e.stopPropagation(); e.preventDefault(); }

  const listeners = [['pointerdown', down], ['pointermove', move], ['pointerup', up], ['pointercancel', finish]];
  for (const [type, handler] of listeners) root.addEventListener(type, handler);

  return {
    dispose: () => {
      finish();
      root.removeEventListener('click', swallow, true);
      for (const [type, handler] of listeners) root.removeEventListener(type, handler);
    },
  };
}
