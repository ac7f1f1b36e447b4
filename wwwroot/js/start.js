// Starts Blazor. On a wall (/wall/...) a lost connection never shows Blazor's own dialog: the wall keeps its last
// data under a small banner, waits until the server answers /healthz, then rejoins its circuit or, when the server
// no longer knows it (a restart), reloads the page. The same happens when the live connection cannot start at all,
// and when the server stops drawing the wall (its clock, redrawn every second) for a while without closing the
// connection. Nobody has to touch the screen.
(() => {
  if (!location.pathname.startsWith('/wall/')) {
    Blazor.start();
    return;
  }
  const delay = ms => new Promise(resolve => setTimeout(resolve, ms));
  const banner = visible => { const b = document.getElementById('wall-offline'); if (b) b.hidden = !visible; };
  let recovering = false;

  async function serverAnswers() {
    try {
      const answer = await fetch('/healthz', { cache: 'no-store' });
      return answer.ok;
    } catch {
      return false;
    }
  }

  async function recover() {
    if (recovering) return;
    recovering = true;
    banner(true);
    for (;;) {
      await delay(2000);
      if (!(await serverAnswers())) continue;
      try {
        if (await Blazor.reconnect()) {
          banner(false);
          recovering = false;
          return;
        }
      } catch {
        // no circuit to rejoin (it never started), or the server went again: reload if it still answers
        if (!(await serverAnswers())) continue;
      }
      location.reload(); // the server is back but has forgotten this circuit
      return;
    }
  }

  // The watchdog: from the first paint (the pre-rendered wall), so a wall whose connection never starts recovers too.
  const QUIET_MS = 15000;
  let lastServerNow = null, lastChange = Date.now();
  setInterval(() => {
    const wall = document.getElementById('wall');
    if (!wall || recovering) return;
    if (wall.dataset.serverNow !== lastServerNow) {
      lastServerNow = wall.dataset.serverNow;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > QUIET_MS) {
      lastChange = Date.now();
      recover();
    }
  }, 1000);

  Blazor.start({
    circuit: {
      reconnectionHandler: {
        onConnectionDown: () => { recover(); },
        onConnectionUp: () => banner(false),
      },
    },
  }).catch(() => recover());
})();
