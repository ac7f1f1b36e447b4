// A wall (the parent of the marker attach is given): its times ticking (clock.js), and its tiles fitted to the
// screen: they shrink to a readable minimum, then the wall pages through them every 10 s. (Recovering a wall whose
// connection is lost is start.js's.)
import { attach as tick } from './clock.js';

const MIN_W = 230, MIN_H = 118, GAP = 10, PAGE_MS = 10000;

// Columns and tile height that show every tile as large as possible; null when even the minimum does not fit.
function layout(n, width, height) {
  let best = null;
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const w = (width - GAP * (cols - 1)) / cols, h = (height - GAP * (rows - 1)) / rows;
    if (w < MIN_W) break;
    const tileH = Math.min(h, w / 2);
    if (tileH >= MIN_H && (!best || tileH > best.h)) best = { cols, h: tileH, perPage: n };
  }
  return best;
}

export function attach(marker) {
  const wall = marker.parentElement;
  const box = wall?.querySelector('#wall-tiles');
  if (!box) return { dispose: () => {} };
  const clock = tick(marker);
  const indicator = wall.querySelector('#wall-pages');
  let page = 0, pages = 1;

  function fit() {
    const tiles = [...box.children];
    const width = box.clientWidth, height = window.innerHeight - box.getBoundingClientRect().top - 36;
    let plan = layout(tiles.length, width, height);
    if (!plan) {
      const cols = Math.max(1, Math.floor((width + GAP) / (MIN_W + GAP)));
      const rows = Math.max(1, Math.floor((height + GAP) / (MIN_H + GAP)));
      const w = (width - GAP * (cols - 1)) / cols;
      plan = { cols, h: Math.min((height - GAP * (rows - 1)) / rows, w / 1.6), perPage: cols * rows }; // type no wider than the tile
    }
    pages = Math.max(1, Math.ceil(tiles.length / plan.perPage));
    page = page % pages;
    box.style.gridTemplateColumns = `repeat(${plan.cols}, minmax(0, 1fr))`;
    box.style.setProperty('--tile-h', `${Math.floor(plan.h)}px`);
    tiles.forEach((tile, i) => { tile.style.display = Math.floor(i / plan.perPage) === page ? '' : 'none'; });
    if (indicator) indicator.textContent = pages > 1 ? `Page ${page + 1} of ${pages}` : '';
  }

  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; fit(); });
  }

  // Tiles come and go with the agents (a queue rotated in, a board's first data), and a banner, a longer title or
  // another counter above them moves them down: fit again. Only the wall's own parts are watched.
  const tilesChanged = new MutationObserver(schedule);
  tilesChanged.observe(box, { childList: true });
  tilesChanged.observe(wall, { childList: true });
  const headResized = new ResizeObserver(schedule);
  for (const part of wall.querySelectorAll('.wall-head, .wall-counters')) headResized.observe(part);
  window.addEventListener('resize', schedule);
  const paging = setInterval(() => { if (pages > 1) { page = (page + 1) % pages; fit(); } }, PAGE_MS);
  schedule();
  return {
    dispose: () => {
      clock.dispose();
      tilesChanged.disconnect();
      headResized.disconnect();
      window.removeEventListener('resize', schedule);
      clearInterval(paging);
    },
  };
}
