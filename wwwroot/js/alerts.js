// Alerts in the browser (Components/Controls/BoardAlerts.razor): a short beep made with the Web Audio API (no audio
// file) and a flash of what alerted. Browsers keep sound off until the page has had a click or a key press; while it
// is blocked the element's [data-sound-blocked] note shows, and the first click or key press on the page allows it.
// The element counts what it did in data-beeps and data-flashes, which the browser tests read.

const storageKey = 'agentdashboard.alerts';
const states = new WeakMap();

// The grid's choice, kept in this browser: 'on', or null.
export function stored() {
  try { return localStorage.getItem(storageKey); } catch { return null; }
}

export function remember(on) {
  try { on ? localStorage.setItem(storageKey, 'on') : localStorage.removeItem(storageKey); } catch { /* private mode: the choice lasts this page */ }
}

export function attach(element) {
  const state = { element, audio: null, wantSound: false, beeps: 0, flashes: 0, timers: new Set() };
  // A click or key press on the board (or, for the wall, anywhere) lets sound play; a gesture elsewhere on the page
  // counts too, from the next alert on (navigator.userActivation).
  state.area = element.closest('.live-board, .wall') ?? element.parentElement;
  state.unlock = () => { if (state.wantSound) resume(state); };
  state.area.addEventListener('pointerdown', state.unlock, true);
  state.area.addEventListener('keydown', state.unlock, true);
  states.set(element, state);
  show(state);
}

function show(state) {
  const blocked = state.wantSound && state.audio?.state !== 'running';
  const note = state.element.querySelector('[data-sound-blocked]');
  if (note) note.hidden = !blocked;
  state.element.dataset.sound = !state.wantSound ? 'off' : blocked ? 'blocked' : 'on';
}

function resume(state) {
  if (!state.audio) {
    state.audio = new AudioContext(); // suspended until the page has had a gesture, unless the browser allows autoplay
    state.audio.addEventListener('statechange', () => show(state));
  }
  if (state.audio.state !== 'running') state.audio.resume().then(() => show(state), () => show(state));
  show(state);
}

export function setSound(element, want) {
  const state = states.get(element);
  if (!state) return;
  state.wantSound = want;
  if (want) resume(state); else show(state);
}

// Two falling tones, under half a second.
function beep(state) {
  const audio = state.audio;
  if (!state.wantSound || audio?.state !== 'running') return;
  const start = audio.currentTime;
  for (const [at, frequency] of [[0, 880], [0.22, 660]]) {
    const tone = audio.createOscillator(), gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + at);
    gain.gain.exponentialRampToValueAtTime(0.25, start + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.18);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + at);
    tone.stop(start + at + 0.2);
  }
  state.element.dataset.beeps = String(++state.beeps);
}

// The agents' tiles or rows (by id) and the banner's lines flash for a few seconds (softly under reduced motion: see app.css).
function flash(state, subjects) {
  const targets = [...document.querySelectorAll('[data-agent]')].filter(el => subjects.includes(el.dataset.agent));
  targets.push(...state.element.querySelectorAll('[data-alert-key]'));
  for (const el of targets) {
    el.classList.remove('alert-flash');
    void el.offsetWidth; // starts the animation again on an element still flashing
    el.classList.add('alert-flash');
  }
  const timer = setTimeout(() => { state.timers.delete(timer); for (const el of targets) el.classList.remove('alert-flash'); }, 4000);
  state.timers.add(timer);
  state.element.dataset.flashes = String(++state.flashes);
}

export function alert(element, subjects) {
  const state = states.get(element);
  if (!state) return;
  if (state.wantSound && state.audio && state.audio.state !== 'running' && navigator.userActivation?.hasBeenActive) {
    state.audio.resume().then(() => { show(state); beep(state); }, () => show(state));
  } else {
    beep(state);
  }
  flash(state, subjects);
}

export function silence(element) {
  for (const el of document.querySelectorAll('.alert-flash')) el.classList.remove('alert-flash');
}

export function dispose(element) {
  const state = states.get(element);
  if (!state) return;
  state.area.removeEventListener('pointerdown', state.unlock, true);
  state.area.removeEventListener('keydown', state.unlock, true);
  for (const timer of state.timers) clearTimeout(timer);
  state.audio?.close();
  states.delete(element);
}
