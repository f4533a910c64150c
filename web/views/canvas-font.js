// The font stack of every figure's canvas text: the page's (web/styles/cjk.css --al-font-sans),
// written out because ctx.font cannot read a CSS custom property. Latin fonts first, so digits and
// activation names look as they do in English; Chinese characters fall through to the first CJK font
// the reader has, so canvas labels measure (measureText) and fit like Latin ones instead of
// being drawn in a fallback font the layout did not measure.
export const CANVAS_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", '
  + '"Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** A ctx.font value of `px` device pixels in that stack. */
export const canvasFont = (px) => `${px}px ${CANVAS_FONT_FAMILY}`;
