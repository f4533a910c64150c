// All drawing happens here, once per animation frame: views ask for a redraw with request(key, fn),
// and several requests for the same key in one frame collapse into the last one. The main
// thread therefore does at most one draw of each view per display refresh, however fast the
// worker sends.
const pending = new Map();
let scheduled = false;

export function requestDraw(key, draw) {
  pending.set(key, draw);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(flush);
  }
}

function flush() {
  scheduled = false;
  const draws = [...pending.values()];
  pending.clear();
  for (const draw of draws) {
    try {
      draw();
    } catch (err) {
      console.error(err);  // one failing view must not stop the others
    }
  }
}
