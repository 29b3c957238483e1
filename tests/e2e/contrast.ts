// Colour arithmetic for the focus-ring checks: CSS computed colours parsed, layered, and compared by WCAG's
// contrast ratio (relative luminance of sRGB). Pure: the page reports computed styles, this reads them.

/** An sRGB colour, channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

/**
 * One colour as `getComputedStyle` writes it: `rgb(r, g, b)`, `rgba(r, g, b, a)`, the space-separated forms
 * (`rgb(r g b / a)`), `color(srgb r g b / a)` (channels 0–1), `transparent`, `#rgb`/`#rrggbb`/`#rrggbbaa`.
 * Anything else (a colour space this does not convert) is refused rather than guessed.
 */
export function parseColor(text: string): Rgba {
  const s = text.trim().toLowerCase();
  if (s === 'transparent') return TRANSPARENT;
  const hex = /^#([0-9a-f]{3,8})$/.exec(s);
  if (hex) {
    const h = hex[1]!;
    const full = h.length <= 4 ? [...h].map((c) => c + c).join('') : h;
    if (full.length !== 6 && full.length !== 8) throw new Error(`not a colour: ${text}`);
    const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(s);
  if (!fn) throw new Error(`not a colour this test reads: ${text}`);
  let body = fn[2]!.trim();
  let space = 'srgb-255';
  if (fn[1] === 'color') {
    const [name, ...rest] = body.split(/\s+/);
    if (name !== 'srgb') throw new Error(`colour space not read: ${text}`);
    space = 'srgb-1';
    body = rest.join(' ');
  }
  const [channels, alphaPart] = body.includes('/') ? body.split('/') : [body, undefined];
  const parts = channels!.split(/[\s,]+/).filter(Boolean);
  let alpha = alphaPart;
  if (parts.length === 4 && alpha === undefined) alpha = parts.pop();
  if (parts.length !== 3) throw new Error(`not a colour: ${text}`);
  const channel = (p: string) => {
    const v = p.endsWith('%') ? (parseFloat(p) / 100) * 255 : space === 'srgb-1' ? parseFloat(p) * 255 : parseFloat(p);
    if (!Number.isFinite(v)) throw new Error(`not a colour: ${text}`);
    return Math.min(255, Math.max(0, v));
  };
  const a = alpha === undefined ? 1 : alpha.trim().endsWith('%') ? parseFloat(alpha) / 100 : parseFloat(alpha);
  return { r: channel(parts[0]!), g: channel(parts[1]!), b: channel(parts[2]!), a: Math.min(1, Math.max(0, a)) };
}

/** Every colour named in a CSS value (a gradient's stops, a shadow's colour), in order. */
export function colorsIn(value: string): Rgba[] {
  const found = value.match(/(rgba?|color)\([^()]*\)|#[0-9a-f]{3,8}\b|\btransparent\b/gi) ?? [];
  return found.map(parseColor);
}

/** `top` painted over `bottom` (source-over); the result is opaque when `bottom` is. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return TRANSPARENT;
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** WCAG 2's relative luminance of an opaque sRGB colour. */
export function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2's contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** One painted layer of a box, top first as the page lists them: its background colour and its background image. */
export interface Layer {
  backgroundColor: string;
  backgroundImage: string;
}

/**
 * The colours a box can show behind its content: its own layers and its ancestors' (`layers`, the box first),
 * painted up to the first opaque colour, over white (the page's canvas) if none is. A gradient contributes each
 * of its stops, so the result is every colour some part of the box may be: a check must pass on each.
 */
export function backdrops(layers: readonly Layer[]): Rgba[] {
  // Walk up collecting what lies on top, then paint bottom-up from the first opaque layer.
  const stack: Rgba[][] = [];
  for (const layer of layers) {
    const colour = parseColor(layer.backgroundColor);
    const stops = layer.backgroundImage === 'none' ? [] : colorsIn(layer.backgroundImage);
    // A gradient's stops over the layer's own colour: each is a colour some pixel of the box shows.
    stack.push(stops.length ? stops.map((s) => over(s, colour)) : [colour]);
    if (colour.a === 1) break;
  }
  let under: Rgba[] = [{ r: 255, g: 255, b: 255, a: 1 }];
  for (const options of stack.reverse()) {
    const painted: Rgba[] = [];
    for (const top of options) for (const bottom of under) painted.push(over(top, bottom));
    under = unique(painted);
  }
  return under;
}

function unique(colours: Rgba[]): Rgba[] {
  const seen = new Map<string, Rgba>();
  for (const c of colours) seen.set([c.r, c.g, c.b].map((v) => Math.round(v)).join(','), c);
  return [...seen.values()];
}

/** `rgb(…)` for messages. */
export function formatColor({ r, g, b, a }: Rgba): string {
  const [x, y, z] = [r, g, b].map((v) => Math.round(v));
  return a === 1 ? `rgb(${x}, ${y}, ${z})` : `rgba(${x}, ${y}, ${z}, ${a.toFixed(2)})`;
}
