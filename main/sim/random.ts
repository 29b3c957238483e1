// Seeded randomness: the same seed gives the same codes, challenges and cards on every take.

/** cyrb128: spreads a text seed over four 32-bit words for sfc32. */
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044813);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044813);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export interface Random {
  readonly seed: string;
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform integer in [0, max). */
  int(max: number): number;
  /** `count` uniform decimal digits, leading zeros kept. */
  digits(count: number): string;
  /** A uniform pick from `alphabet`. */
  chars(count: number, alphabet: string): string;
}

/** sfc32 (Small Fast Counter): good statistical quality, tiny state, reproducible everywhere. */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = hashSeed(seed);
  const uint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up: the first outputs of a fresh sfc32 state are correlated with the seed.
  for (let i = 0; i < 15; i++) uint32();

  const int = (max: number): number => {
    if (!Number.isInteger(max) || max <= 0 || max > 2 ** 32) throw new RangeError(`bad range ${max}`);
    // Rejection sampling keeps every value equally likely (no modulo bias).
    const limit = 2 ** 32 - (2 ** 32 % max);
    for (;;) {
      const x = uint32();
      if (x < limit) return x % max;
    }
  };
  return {
    seed,
    uint32,
    int,
    digits: (count) => {
      let out = '';
      for (let i = 0; i < count; i++) out += String(int(10));
      return out;
    },
    chars: (count, alphabet) => {
      let out = '';
      for (let i = 0; i < count; i++) out += alphabet[int(alphabet.length)];
      return out;
    },
  };
}

/**
 * A random source of its own for one purpose: the scenario's seed and what the values are for
 * (e.g. "sms-code", the user, their login number, the code's number in that login). Each flow then
 * shows values of its own, and every take of the same flow shows the same ones, whatever happened
 * before it in the world.
 */
export function deriveRandom(seed: string, ...purpose: (string | number)[]): Random {
  // NUL cannot occur in a YAML seed or a username, so distinct purposes never give the same text.
  return createRandom([seed, ...purpose.map(String)].join('\u0000'));
}
