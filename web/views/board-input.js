// Input on a race card's board: a click, or the keyboard cursor (arrows move it, Enter or Space
// adds a point at it), both reported as fractions of the board's width and height.
const KEY_STEP = 1 / 40;  // keyboard cursor step, as a share of the domain (Shift: 5x)

/**
 * Clicks and the keyboard cursor on the board: emit(fx, fy) with fractions of its width and height
 * (0, 0 the top left). Arrows move the cursor (Shift: 5x), Enter or Space adds at it. Returns {detach()}.
 */
export function attachBoardInput(canvas, cursor, emit) {
  const onClick = (event) => {
    const r = canvas.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return;
    emit(clamp01((event.clientX - r.left) / r.width), clamp01((event.clientY - r.top) / r.height));
  };
  const keyCursor = { fx: 0.5, fy: 0.5 };
  const placeCursor = () => {
    cursor.hidden = false;
    cursor.style.left = `${keyCursor.fx * 100}%`;
    cursor.style.top = `${keyCursor.fy * 100}%`;
  };
  const onKey = (event) => {
    const step = KEY_STEP * (event.shiftKey ? 5 : 1);
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      keyCursor.fx = clamp01(keyCursor.fx + moves[event.key][0]);
      keyCursor.fy = clamp01(keyCursor.fy + moves[event.key][1]);
      placeCursor();
    } else if (event.key === 'Enter' || event.key === ' ') {
      placeCursor();
      emit(keyCursor.fx, keyCursor.fy);
    } else {
      return;
    }
    event.preventDefault();  // arrows and space would otherwise scroll the page
  };
  // Keyboard focus shows where Enter would add a point; a mouse click needs no cursor.
  const onFocus = () => { if (canvas.matches(':focus-visible')) placeCursor(); };
  const onBlur = () => { cursor.hidden = true; };
  const listeners = { click: onClick, keydown: onKey, focus: onFocus, blur: onBlur };
  for (const [type, listener] of Object.entries(listeners)) canvas.addEventListener(type, listener);
  return { detach: () => { for (const [type, listener] of Object.entries(listeners)) canvas.removeEventListener(type, listener); } };
}

function clamp01(v) {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
