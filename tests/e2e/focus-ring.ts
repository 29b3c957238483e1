// Is the focused control's focus ring there for a person to see? Read from the page's computed styles
// (document.activeElement, or the element that draws its ring), then judged in Node (./contrast.ts):
// - a band of the ring (the outline, or a box-shadow ring) at least 2 CSS pixels wide as drawn (Chromium rounds an
//   outline down to whole device pixels: under a 0.85 zoom a 2 px outline is drawn, and reported, 1.18 px wide);
// - against every colour the ring paints over (the parent's background outside the control, the control's own
//   inside it; each stop of a gradient), some band reaches 3:1 (WCAG 2.2 2.4.13: focused against unfocused);
// - against the control's own background too, some band reaches 3:1;
// - no box that clips its overflow (a scrolling list, a rounded card) cuts the ring off.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';
import { backdrops, contrast, formatColor, over, parseColor, type Layer, type Rgba } from './contrast.js';

/** The ring's geometry and colours and what lies under it, as the page computes them. */
interface RingReading {
  /** The focused element, as a person would name it. */
  focused: string;
  /** The element drawing the ring, when not the focused one (a switch's track for its hidden checkbox). */
  carrier: string | null;
  outline: { style: string; width: number; color: string; offset: number };
  boxShadow: string;
  borderWidth: number;
  /** The carrier's layers and its ancestors', the carrier first. */
  own: Layer[];
  /** The parent's layers and its ancestors', the parent first. */
  parent: Layer[];
  /** Boxes that clip their overflow and do not hold the ring's outer edge (their description). */
  clippedBy: string[];
}

/** A band of the ring: its colour, its width in CSS pixels as drawn, and whether it lies outside the control's edge. */
interface Band {
  what: string;
  color: Rgba;
  width: number;
  outside: boolean;
}

/** What is wrong with the focused control's ring (nothing: an empty list). */
export async function focusRingProblems(page: Page): Promise<{ focused: string; problems: string[] }> {
  const reading = await page.evaluate(readRing);
  if (typeof reading === 'string') return { focused: reading, problems: [reading] };
  return { focused: reading.focused, problems: judge(reading) };
}

/** Asserts the focused control shows a ring a person can see; `what` names it in the failure. */
export async function expectFocusRing(page: Page, what: string): Promise<void> {
  const { focused, problems } = await focusRingProblems(page);
  expect(problems, `focus ring of ${what} (focused: ${focused})`).toEqual([]);
}

function judge(r: RingReading): string[] {
  const problems: string[] = [];
  const bands = ringBands(r);
  const wide = bands.filter((b) => b.width >= 2 - 0.01);
  if (wide.length === 0) {
    problems.push(`no band of the ring is 2 px wide: ${bands.map((b) => `${b.what} ${b.width.toFixed(2)} px`).join(', ') || 'no ring'}`);
    return problems;
  }
  // What each band paints over: outside the edge the parent's backdrop, inside it the control's own.
  const parentColours = backdrops(r.parent);
  const ownColours = backdrops(r.own);
  const check = (label: string, colours: Rgba[], candidates: Band[]) => {
    for (const c of colours) {
      const best = Math.max(0, ...candidates.map((b) => contrast(over(b.color, c), c)));
      if (best < 3) problems.push(`${label} ${formatColor(c)}: the ring's best band reaches ${best.toFixed(2)}:1, under 3:1 (${candidates.map((b) => `${b.what} ${formatColor(b.color)}`).join(', ')})`);
    }
  };
  const outside = wide.filter((b) => b.outside);
  if (outside.length) check('against the parent background', parentColours, outside);
  check("against the control's background", ownColours, wide);
  for (const box of r.clippedBy) problems.push(`the ring is clipped by ${box}`);
  return problems;
}

/**
 * The ring's bands: the outline (unless transparent) and each box-shadow ring (no offset, no blur), each where the
 * layers painted over it leave it showing (the outline is painted over the shadows, a list's first shadow over the
 * next); widths in CSS pixels as drawn (Chromium reports an outline already rounded to device pixels).
 */
function ringBands(r: RingReading): Band[] {
  // Spans are distances outward from the border edge (negative: inside), topmost layer first.
  const layers: { what: string; color: Rgba; span: [number, number] }[] = [];
  const outlineColour = parseColor(r.outline.color);
  if (r.outline.style !== 'none' && r.outline.width > 0 && outlineColour.a > 0) {
    layers.push({ what: 'outline', color: outlineColour, span: [r.outline.offset, r.outline.offset + r.outline.width] });
  }
  for (const shadow of splitShadows(r.boxShadow)) {
    const s = parseShadow(shadow);
    if (!s || s.x !== 0 || s.y !== 0 || s.blur !== 0 || s.spread <= 0 || s.color.a === 0) continue;
    layers.push({ what: s.inset ? 'inset box-shadow' : 'box-shadow', color: s.color, span: s.inset ? [-(r.borderWidth + s.spread), -r.borderWidth] : [0, s.spread] });
  }
  return layers.map((layer, i) => {
    let pieces: [number, number][] = [layer.span];
    for (const above of layers.slice(0, i)) pieces = pieces.flatMap((p) => subtract(p, above.span));
    const widest = pieces.reduce((best, p) => (p[1] - p[0] > best[1] - best[0] ? p : best), [0, 0] as [number, number]);
    return { what: layer.what, color: layer.color, width: widest[1] - widest[0], outside: widest[0] >= 0 };
  });
}

function subtract([a, b]: [number, number], [c, d]: [number, number]): [number, number][] {
  const out: [number, number][] = [];
  if (c > a) out.push([a, Math.min(b, c)]);
  if (d < b) out.push([Math.max(a, d), b]);
  return out.filter(([x, y]) => y > x);
}

/** A computed box-shadow list, split at the commas between shadows (not those inside a colour's parentheses). */
function splitShadows(value: string): string[] {
  if (value === 'none') return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** One computed shadow: Chromium writes the colour first, then x y blur spread, then `inset`. */
function parseShadow(text: string): { color: Rgba; x: number; y: number; blur: number; spread: number; inset: boolean } | null {
  const colour = /(rgba?|color)\([^()]*\)/.exec(text);
  if (!colour) return null;
  const rest = text.replace(colour[0], ' ');
  const lengths = [...rest.matchAll(/(-?[\d.]+)px/g)].map((m) => Number(m[1]));
  const [x = 0, y = 0, blur = 0, spread = 0] = lengths;
  return { color: parseColor(colour[0]), x, y, blur, spread, inset: /\binset\b/.test(rest) };
}

/** Runs in the page: the focused element's ring and its surroundings, or a sentence when there is nothing to read. */
function readRing(): RingReading | string {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return 'nothing is focused';
  const describe = (el: Element) => {
    const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.trim().slice(0, 40) ?? '';
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    return `${role}${name ? ` "${name.replace(/\s+/g, ' ')}"` : ''}`;
  };
  const ringOf = (el: Element) => {
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  };
  // The ring is the focused element's, or, when that is hidden (a switch's checkbox), the nearest ancestor's that draws one.
  const rect = active.getBoundingClientRect();
  let carrier: HTMLElement = active;
  if (!(ringOf(active) && rect.width > 2 && rect.height > 2)) {
    let el = active.parentElement;
    while (el && !(ringOf(el) && el.matches(':has(:focus-visible)'))) el = el.parentElement;
    if (!el) return `${describe(active)} draws no focus ring, nor does anything around it`;
    carrier = el;
  }
  const style = getComputedStyle(carrier);
  const layers = (from: Element | null): { backgroundColor: string; backgroundImage: string }[] => {
    const out = [];
    for (let el = from; el; el = el.parentElement) {
      const s = getComputedStyle(el);
      out.push({ backgroundColor: s.backgroundColor, backgroundImage: s.backgroundImage });
      if (s.backgroundColor.startsWith('rgb(')) break;
    }
    return out;
  };
  const zoom = (carrier as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  // The ring's outer edge on screen.
  const outlineWidth = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  const offset = parseFloat(style.outlineOffset);
  const spreads = [...style.boxShadow.matchAll(/(-?[\d.]+)px(?![^(]*\))/g)].map((m) => Number(m[1]));
  const reach = Math.max(0, outlineWidth > 0 ? offset + outlineWidth : 0, style.boxShadow.includes('inset') ? 0 : Math.max(0, ...spreads)) * zoom;
  const box = carrier.getBoundingClientRect();
  const ring = { left: box.left - reach, top: box.top - reach, right: box.right + reach, bottom: box.bottom + reach };
  const clippedBy: string[] = [];
  for (let el = carrier.parentElement; el && el !== document.documentElement; el = el.parentElement) {
    const s = getComputedStyle(el);
    if ([s.overflowX, s.overflowY].every((o) => o === 'visible')) continue;
    const r = el.getBoundingClientRect();
    const z = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    // The padding box (what the box clips to), from its border edge.
    const inner = { left: r.left + el.clientLeft * z, top: r.top + el.clientTop * z, right: r.left + (el.clientLeft + el.clientWidth) * z, bottom: r.top + (el.clientTop + el.clientHeight) * z };
    const tolerance = 0.5;
    const cut = ring.left < inner.left - tolerance || ring.top < inner.top - tolerance || ring.right > inner.right + tolerance || ring.bottom > inner.bottom + tolerance;
    if (cut) clippedBy.push(`${describe(el).slice(0, 60)} (overflow ${s.overflowX}/${s.overflowY})`);
  }
  return {
    focused: describe(active),
    carrier: carrier === active ? null : describe(carrier),
    outline: { style: style.outlineStyle, width: outlineWidth, color: style.outlineColor, offset },
    boxShadow: style.boxShadow,
    borderWidth: parseFloat(style.borderTopWidth),
    own: layers(carrier),
    parent: layers(carrier.parentElement),
    clippedBy,
  };
}
