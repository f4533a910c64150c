// The one way the views create elements: attributes by setAttribute, text by textContent, never
// markup from strings, so a label or number from a URL or the module can never become HTML.

/** A new element with a class and attributes (values are set as attribute text, not parsed). */
export function el(tag, className, attrs = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}
