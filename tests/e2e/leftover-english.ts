// The check that a French screen holds no English of ours: every text, accessible name, placeholder and
// option inside a part of the page, scanned for the English catalogue's words. A message's words are its
// literal pieces (its placeholders, the user's name or a code, left out); pieces the French catalogue
// has too (SMS, OK, Secure Login System) and the product names, which stay in every language, are not English.
import { expect, type Locator } from '@playwright/test';
import { loadCatalogues } from '../../scripts/catalogues.js';

/** Names no language translates: they may appear on a French screen. */
const PRODUCT_NAMES = ['IBKR Mobile', 'IB Key', 'Trader Workstation', 'Digital Security Card+', 'Secure Login System', 'IBKR'];
/** The catalogues of the windows this check covers (the phones are checked by their own). */
const SURFACES = ['login.', 'messages.', 'devices.', 'stage.', 'portal.'];

/** The literal text of a compiled message, at its placeholders cut in pieces (plural branches included). */
function pieces(compiled: unknown, out: string[] = []): string[] {
  if (typeof compiled === 'string') out.push(compiled);
  else if (Array.isArray(compiled)) {
    let run = '';
    for (const part of compiled) {
      if (typeof part === 'string') run += part;
      else {
        out.push(run);
        run = '';
        if (Array.isArray(part) && part[2] && typeof part[2] === 'object') for (const branch of Object.values(part[2])) pieces(branch, out);
      }
    }
    out.push(run);
  }
  // A plural's # is the number.
  return out.map((p) => p.replace(/#/g, ' ').trim()).filter((p) => /\p{L}{2,}/u.test(p));
}

/** Every English piece that must not show in French, each with the key it comes from. */
function englishPieces(): { key: string; text: string }[] {
  const { compiled } = loadCatalogues();
  const en = compiled.en ?? {};
  const fr = compiled.fr ?? {};
  const french = new Set(Object.values(fr).flatMap((m) => pieces(m)));
  const found: { key: string; text: string }[] = [];
  for (const [key, message] of Object.entries(en)) {
    if (!SURFACES.some((s) => key.startsWith(s))) continue;
    for (const text of pieces(message)) {
      if (french.has(text) || PRODUCT_NAMES.includes(text)) continue;
      found.push({ key, text });
    }
  }
  return found;
}

const ENGLISH = englishPieces();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = ENGLISH.map(({ key, text }) => ({ key, text, pattern: new RegExp(`(?<!\\p{L})${escape(text)}(?!\\p{L})`, 'u') }));

/** All the words a person or a screen reader meets inside `part`: text (hidden text too), names, placeholders, titles. */
async function wordsIn(part: Locator): Promise<string[]> {
  return part.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) out.push(node.textContent.trim());
    for (const element of [root, ...root.querySelectorAll('*')]) {
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt', 'aria-valuetext']) {
        const value = element.getAttribute(attribute);
        if (value?.trim()) out.push(value.trim());
      }
    }
    return out;
  });
}

/** Fails, naming each piece and its catalogue key, if `part` shows English from the catalogues. */
export async function expectNoEnglish(part: Locator, screen: string): Promise<void> {
  // A product name is no English word of ours, even with one inside ("Login" in Secure Login System).
  const words = (await wordsIn(part)).map((w) => PRODUCT_NAMES.reduce((text, name) => text.split(name).join(' | '), w));
  expect(words.length, `${screen}: words found`).toBeGreaterThan(0);
  const leftovers = PATTERNS.filter(({ pattern }) => words.some((w) => pattern.test(w))).map(({ key, text }) => `${key}: "${text}"`);
  expect(leftovers, `${screen}: English left on a French screen`).toEqual([]);
}

/** How many English pieces the check looks for (a test makes sure the list is not empty by mistake). */
export const englishPieceCount = ENGLISH.length;
