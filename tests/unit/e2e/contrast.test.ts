// The colour arithmetic the e2e focus-ring checks rest on (tests/e2e/contrast.ts), against WCAG's own figures.
import { describe, expect, it } from 'vitest';
import { backdrops, colorsIn, contrast, formatColor, luminance, over, parseColor } from '../../e2e/contrast.js';

const hex = (h: string) => parseColor(h);

describe('parseColor', () => {
  it('reads the forms getComputedStyle writes', () => {
    expect(parseColor('rgb(10, 42, 122)')).toEqual({ r: 10, g: 42, b: 122, a: 1 });
    expect(parseColor('rgba(255, 255, 255, 0.22)')).toEqual({ r: 255, g: 255, b: 255, a: 0.22 });
    expect(parseColor('rgb(255 0 0 / 50%)')).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(parseColor('color(srgb 1 0.5 0 / 0.25)')).toEqual({ r: 255, g: 127.5, b: 0, a: 0.25 });
    expect(parseColor('transparent').a).toBe(0);
    expect(parseColor('#0a2a7a')).toEqual({ r: 10, g: 42, b: 122, a: 1 });
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
  });

  it('refuses what it cannot convert rather than guessing', () => {
    expect(() => parseColor('oklch(0.5 0.1 200)')).toThrow(/not a colour/);
    expect(() => parseColor('color(display-p3 1 0 0)')).toThrow(/colour space/);
    expect(() => parseColor('rgb(1, 2)')).toThrow(/not a colour/);
  });

  it('finds every colour of a gradient or a shadow list', () => {
    const stops = colorsIn('radial-gradient(120% 80% at 20% 0%, rgb(75, 95, 158) 0%, rgba(0, 0, 0, 0) 60%), linear-gradient(rgb(29, 35, 64), #fff)');
    expect(stops.map(formatColor)).toEqual(['rgb(75, 95, 158)', 'rgba(0, 0, 0, 0.00)', 'rgb(29, 35, 64)', 'rgb(255, 255, 255)']);
  });
});

describe('contrast (WCAG 2 relative luminance)', () => {
  it('gives the known ratios', () => {
    expect(contrast(hex('#000'), hex('#fff'))).toBeCloseTo(21, 5);
    expect(contrast(hex('#fff'), hex('#fff'))).toBe(1);
    // WCAG's worked figure: #777 on white is 4.48:1, just under AA.
    expect(contrast(hex('#777777'), hex('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(contrast(hex('#767676'), hex('#ffffff'))).toBeCloseTo(4.54, 2);
    // Symmetric.
    expect(contrast(hex('#d0121b'), hex('#0a2a7a'))).toBe(contrast(hex('#0a2a7a'), hex('#d0121b')));
  });

  it('uses the sRGB transfer function, linear below 0.04045', () => {
    expect(luminance(hex('#010101'))).toBeCloseTo(1 / 255 / 12.92, 8);
    expect(luminance(hex('#808080'))).toBeCloseTo(0.2158605, 6);
  });

  it('the ring: one of its two bands reaches 3.6:1 against any grey, and each colour of the stage', () => {
    const [navy, white] = [hex('#0a2a7a'), hex('#ffffff')];
    for (let v = 0; v <= 255; v++) {
      const grey = { r: v, g: v, b: v, a: 1 };
      expect(Math.max(contrast(navy, grey), contrast(white, grey))).toBeGreaterThanOrEqual(3.5);
    }
    for (const surface of ['#f4f5f7', '#c3cad3', '#d0121b', '#007aff', '#34c759', '#1d2340', '#b5487a', '#000000']) {
      expect(Math.max(contrast(navy, hex(surface)), contrast(white, hex(surface))), surface).toBeGreaterThanOrEqual(3.5);
    }
  });
});

describe('over and backdrops', () => {
  it('paints a translucent colour over an opaque one', () => {
    expect(over({ r: 255, g: 255, b: 255, a: 0.5 }, hex('#000000'))).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    expect(over(hex('#123456'), hex('#ffffff'))).toEqual(hex('#123456'));
    expect(over(parseColor('transparent'), parseColor('transparent')).a).toBe(0);
  });

  it('stacks layers up to the first opaque colour, over white when none is', () => {
    expect(backdrops([{ backgroundColor: 'rgba(0, 0, 0, 0)', backgroundImage: 'none' }, { backgroundColor: 'rgb(0, 0, 0)', backgroundImage: 'none' }]).map(formatColor)).toEqual(['rgb(0, 0, 0)']);
    expect(backdrops([{ backgroundColor: 'rgba(255, 255, 255, 0.22)', backgroundImage: 'none' }, { backgroundColor: 'rgb(0, 0, 0)', backgroundImage: 'none' }]).map(formatColor)).toEqual(['rgb(56, 56, 56)']);
    expect(backdrops([{ backgroundColor: 'rgba(0, 0, 0, 0.5)', backgroundImage: 'none' }]).map(formatColor)).toEqual(['rgb(128, 128, 128)']);
  });

  it('gives each stop of a gradient, over the colour beneath it', () => {
    const colours = backdrops([{ backgroundColor: 'rgb(29, 35, 64)', backgroundImage: 'radial-gradient(rgb(75, 95, 158) 0%, rgba(0, 0, 0, 0) 60%)' }]);
    expect(colours.map(formatColor)).toEqual(['rgb(75, 95, 158)', 'rgb(29, 35, 64)']);
  });
});
