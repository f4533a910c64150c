// Keeps a canvas's bitmap the size of its CSS box in device pixels, so drawings are sharp on any
// screen and at any zoom, while CSS alone decides the layout (a square heatmap, a full-width chart).

/**
 * Watches `canvas` and calls `onResize(pixelRatio)` after its bitmap was resized (a resize clears it,
 * so the caller redraws). The first report comes after the next layout but before that frame is
 * painted, so a draw made before it never shows at the wrong size; measuring synchronously instead
 * would force one layout per mounted component. Prefers the exact device-pixel box where the
 * browser reports it (Chromium, Firefox), else the CSS box times devicePixelRatio.
 * Returns {pixelRatio(), disconnect()}.
 */
export function fitCanvas(canvas, onResize) {
  let ratio = globalThis.devicePixelRatio || 1;

  const apply = (w, h) => {
    w = Math.max(1, Math.round(w));
    h = Math.max(1, Math.round(h));
    if (canvas.width === w && canvas.height === h) return;
    canvas.width = w;
    canvas.height = h;
    onResize(ratio);
  };

  const observer = new ResizeObserver(([entry]) => {
    ratio = globalThis.devicePixelRatio || 1;
    const w = entry.contentRect.width * ratio, h = entry.contentRect.height * ratio;
    // The exact device box avoids a blurry half-pixel rescale, but trust it only when it agrees with
    // the CSS box: under device-scale emulation (headless tests) Chromium reports it unscaled.
    const device = entry.devicePixelContentBoxSize?.[0];
    if (device && Math.abs(device.inlineSize - w) < 2 && Math.abs(device.blockSize - h) < 2) {
      apply(device.inlineSize, device.blockSize);
    } else {
      apply(w, h);
    }
  });
  try {
    observer.observe(canvas, { box: 'device-pixel-content-box' });
  } catch {
    observer.observe(canvas);  // browsers without that box (Safari) still get content-box changes
  }

  return {
    pixelRatio: () => ratio,
    disconnect: () => observer.disconnect(),
  };
}
