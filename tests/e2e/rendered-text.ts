// The size text renders at on screen, and whether a part of the page is inside the viewport and unscrolled.
//
// How Chromium reports CSS `zoom` (standardised in Chromium 128, what Debian's Chromium runs):
// `getComputedStyle(el).fontSize` is the font size as specified, before any zoom (a 15 px font in a
// `zoom: 0.5` box reads "15px"); `offsetWidth` and `clientHeight` are in the element's own unzoomed
// pixels too; `getBoundingClientRect()` is in the viewport's pixels (zoom and transforms applied); and
// `el.currentCSSZoom` is the product of the zooms of the element and all its ancestors. So the size a
// viewer sees is the computed size × `currentCSSZoom` × the scale of any ancestor's `transform` (which
// `currentCSSZoom` leaves out). `tests/e2e/stage-frame.spec.ts` checks this against a page whose answer
// is known.
import type { Locator, Page } from '@playwright/test';

export interface RenderedText {
  /** The text, trimmed and cut to 60 characters. */
  text: string;
  /** Its font size as rendered, in viewport pixels. */
  px: number;
  /** Where it is: the element's tag, classes and accessible label, and its nearest labelled region. */
  where: string;
}

/** Every text visible in the viewport (within `selector`, else the whole page), with the size it renders at. */
export async function renderedTexts(page: Page, selector = 'body'): Promise<RenderedText[]> {
  return page.evaluate((selector) => {
    const transformScale = (element: Element): number => {
      let scale = 1;
      for (let e: Element | null = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.transform && style.transform !== 'none') {
          const m = new DOMMatrix(style.transform);
          scale *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
        }
        if (style.scale && style.scale !== 'none') {
          const [x = 1, y = x] = style.scale.split(/\s+/).map(Number);
          scale *= Math.sqrt(Math.abs(x * y));
        }
      }
      return scale;
    };
    // Clipped away: an ancestor squeezed to a pixel (the visually-hidden pattern) or with nothing to show.
    const clippedAway = (element: Element): boolean => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const r = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        if ((r.width <= 1 || r.height <= 1) && style.overflow !== 'visible') return true;
        if (style.clipPath !== 'none' && style.clipPath !== '') return true;
      }
      return false;
    };
    const describe = (element: Element): string => {
      const label = element.getAttribute('aria-label');
      const region = element.closest('[aria-label]');
      const classes = [...element.classList].join('.');
      return `${element.tagName.toLowerCase()}${classes ? '.' + classes : ''}${label ? ` "${label}"` : ''} in "${region?.getAttribute('aria-label') ?? 'page'}"`;
    };
    const root = document.querySelector(selector);
    if (!root) return [];
    const out: { text: string; px: number; where: string }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      if (rect.right <= 0 || rect.bottom <= 0 || rect.left >= innerWidth || rect.top >= innerHeight) continue;
      if (clippedAway(element)) continue;
      // <option>s of a closed <select> are not drawn; the select shows its value itself. A picture drawn with
      // letters (the broker's logo on its app icon, marked data-picture) is an image, not text to read.
      if (element.closest('option, script, style, title, [data-picture]')) continue;
      const px = parseFloat(getComputedStyle(element).fontSize) * element.currentCSSZoom * transformScale(element);
      out.push({ text: text.slice(0, 60), px: Math.round(px * 100) / 100, where: describe(element) });
    }
    return out;
  }, selector);
}

/** The texts that render under `minPx`, one line each, for an assertion's message. */
export async function textsUnder(page: Page, minPx: number, selector?: string): Promise<string[]> {
  return (await renderedTexts(page, selector)).filter((t) => t.px < minPx - 0.005).map((t) => `${t.px}px "${t.text}" — ${t.where}`);
}

/** The elements within `part` that scroll: more content than room (scrollHeight > clientHeight) and a scrollbar or a scroll offset. */
export async function scrolledInside(part: Locator): Promise<string[]> {
  return part.evaluate((root) => {
    const out: string[] = [];
    for (const e of [root, ...root.querySelectorAll('*')]) {
      const style = getComputedStyle(e);
      const scrolls = /(auto|scroll)/.test(style.overflowY) || /(auto|scroll)/.test(style.overflowX);
      if (!scrolls && e.scrollTop === 0) continue;
      if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1 || e.scrollTop > 0)
        out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')}: scrollHeight ${e.scrollHeight} > clientHeight ${e.clientHeight}`);
    }
    return out;
  });
}

/** How far `part` reaches outside the viewport on each side (0 when inside), and its box. */
export async function outsideViewport(part: Locator): Promise<{ box: { x: number; y: number; width: number; height: number }; outside: number }> {
  return part.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const outside = Math.max(0, -r.left, -r.top, r.right - innerWidth, r.bottom - innerHeight);
    return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, outside: Math.round(outside * 10) / 10 };
  });
}
