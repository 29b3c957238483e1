// The reason catalogue's citations, held to the broker's articles: every title is an article's title
// and every step the beginning of one of its headings or notes, word for word (tests/unit/fixtures/kb-articles.ts).
import { describe, expect, it } from 'vitest';
import { reasonCatalog, reasonList, type DeliveryReason } from '../../../main/api/reasons.js';
import { REGIONS } from '../../../main/api/vocabulary.js';
import { ARTICLES } from '../fixtures/kb-articles.js';

const titles = ARTICLES.map((a) => a.title);
const passagesOf = (title: string) => ARTICLES.find((a) => a.title === title)?.passages ?? [];

/** A step is the beginning of a passage, cut at a word's end ("2. Restart your phone" of "2. Restart your phone:"). */
function begins(passage: string, step: string): boolean {
  return passage.startsWith(step) && (passage.length === step.length || !/[\p{L}\p{N}]/u.test(passage[step.length]!));
}

describe('the reason catalogue cites the articles word for word', () => {
  it.each(Object.keys(reasonCatalog) as DeliveryReason[])('%s: its article is a real title and its steps are that article\'s', (reason) => {
    const { article, step } = reasonCatalog[reason];
    expect(titles).toContain(article);
    for (const part of step.split('; ')) {
      expect(passagesOf(article).some((p) => begins(p, part)), `"${part}" in "${article}"`).toBe(true);
    }
  });

  it('fixes the three citations that were wrong: notifications disabled, IB Key not active, airplane ("Flight")', () => {
    expect(reasonCatalog.notifications_disabled).toMatchObject({
      article: 'I am not receiving IBKR Mobile notifications.',
      step: '5. Make sure the notifications are enabled for the IBKR Mobile app',
    });
    // Its fix names the article with the step-by-step settings, which exists too.
    expect(reasonCatalog.notifications_disabled.fix).toContain('"How do I enable the Notifications for the IBKR Mobile app"');
    expect(titles).toContain('How do I enable the Notifications for the IBKR Mobile app');
    // The migration article has no "Activation" step: the notifications prerequisites say installed and activated.
    expect(reasonCatalog.ibkey_not_active).toMatchObject({
      article: 'I am not receiving IBKR Mobile notifications.',
      step: 'What are the prerequisites for receiving IBKR Mobile notifications?',
    });
    expect(reasonCatalog.ibkey_locked.article).toBe('Secure Login with IBKR Mobile - FAQ');
    expect(reasonCatalog.airplane_mode.step).toBe('3. Check whether your phone is currently in "Airplane," "Flight," or "Do not Disturb" mode');
  });
});

describe('carrier blocking by region (the SMS article, step 4)', () => {
  const byRegion = reasonList().find((r) => r.reason === 'carrier_blocked')!.byRegion!;
  const sms = passagesOf('I am not receiving text messages (SMS) from IBKR on my mobile phone');

  it('gives China the article\'s own words', () => {
    expect(sms).toContain('In China:');
    expect(sms).toContain('Call your phone carrier directly to check whether they are blocking IBKR messages');
    expect(byRegion.CN).toBe('In China: Call your phone carrier directly to check whether they are blocking IBKR messages.');
  });

  it('says plainly that the article names no service for the US and India, and nothing for other regions', () => {
    expect(sms).toEqual(expect.arrayContaining(['In the US:', 'In India:']));
    expect(byRegion.US).toBe('In the US: the article lists the services to contact here, but its text names none.');
    expect(byRegion.IN).toBe('In India: the article lists the services to contact here, but its text names none.');
    for (const region of REGIONS.filter((r) => !['US', 'IN', 'CN'].includes(r))) {
      expect(byRegion[region], region).toBe('The article gives regional advice for the US, India and China only; none for this region.');
    }
  });

  it('is the only reason with regional advice', () => {
    expect(reasonList().filter((r) => r.byRegion !== null).map((r) => r.reason)).toEqual(['carrier_blocked']);
  });
});
