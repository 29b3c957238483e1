// The app's and the login screens' words that the broker's articles name, held to the articles' text
// (tests/unit/fixtures/kb-articles.ts): the Authenticate button per platform, and the two links that
// open the challenge when no notification arrives (the login window's, and the Client Portal's of the
// notifications article's step 9, the re-sync).
import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../../../scripts/catalogues.ts';
import { ARTICLES } from '../fixtures/kb-articles.js';

const { sources } = loadCatalogues();
const english = (id: string): string => {
  const text = sources.en?.[id];
  if (typeof text !== 'string') throw new Error(`no English "${id}"`);
  return text;
};
const passages = (title: string): readonly string[] => {
  const article = ARTICLES.find((a) => a.title === title);
  if (!article) throw new Error(`no article "${title}"`);
  return article.passages;
};
const FAQ = 'Secure Login with IBKR Mobile - FAQ';
const NOTIFICATIONS = 'I am not receiving IBKR Mobile notifications.';
const OTHER_PHONE = 'How to Log in to IBKR Mobile when IBKR Mobile Authentication (IB Key) is Enabled on Another Phone';

describe("the articles' words on screen", () => {
  it('Authenticate: "Generate Passcode" on Android, as the FAQ\'s Android steps have it', () => {
    expect(english('ibkr.generate.android')).toBe('Generate Passcode');
    expect(passages(FAQ)).toContainEqual(expect.stringContaining(`Tap ${english('ibkr.generate.android')}.`));
    expect(english('ibkr.auth.leadPin')).toContain(english('ibkr.generate.android'));
    expect(english('ibkr.challengeHint.appAndroid')).toContain(english('ibkr.generate.android'));
  });

  it('Authenticate: "Generate Response" on iOS, as the other-phone article and the notifications article\'s step 9 f have it', () => {
    expect(english('ibkr.generate.ios')).toBe('Generate Response');
    expect(passages(OTHER_PHONE)).toContainEqual(expect.stringContaining(`Then tap ${english('ibkr.generate.ios')} (Figure 8)`));
    expect(passages(NOTIFICATIONS)).toContainEqual(expect.stringMatching(/^f\. .*tap Generate Response\./));
    expect(english('ibkr.auth.lead')).toContain(english('ibkr.generate.ios'));
  });

  it('the links to the challenge read as the articles quote them: the login window\'s (FAQ), the Client Portal\'s (the re-sync, step 9 d)', () => {
    expect(passages(FAQ)).toContainEqual(expect.stringContaining(`click the link "${english('login.push.fallback')}"`));
    expect(passages(NOTIFICATIONS)).toContainEqual(expect.stringContaining(`click the link "${english('login.push.fallbackPortal')}"`));
  });
});
