// Starts Blazor. On a wall (/wall/...) a lost connection never shows Blazor's own dialog: the wall keeps its last
// data under a small banner, waits until the server answers /healthz, then rejoins its circuit or, when the server
// no longer knows it (a restart), reloads the page. Nobody has to touch the screen.
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
        continue; // not reachable after all: wait and ask again
      }
      location.reload(); // the server is back but has forgotten this circuit
      return;
    }
  }

  window.agentDashboardWall = { recover };
  Blazor.start({
    circuit: {
      reconnectionHandler: {
        onConnectionDown: () => { recover(); },
        onConnectionUp: () => banner(false),
      },
    },
  });
})();
