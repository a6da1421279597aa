// Small DOM helpers shared by every module of the page.

export const $ = (id) => document.getElementById(id);

export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

/** flash shows text on a button for a moment, then its own label again. */
export function flash(btn, text) {
  const old = btn.textContent;
  btn.textContent = text;
  setTimeout(() => (btn.textContent = old), 1600);
}

/** afterPaint resolves once what was drawn so far has been painted (the
 * frame after the next one starts), or after 100 ms in a tab that paints
 * nothing (a background tab runs no animation frames). Work that can wait
 * (side panels, the list around a shown packet) goes after it, so the first
 * paint is not held up by it (README, "Start-up"). */
export function afterPaint() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0)
    );
  });
}
