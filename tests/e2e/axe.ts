// Runs axe-core on the page as it stands and records every critical or serious WCAG 2 A/AA violation as a failure.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the project's accessibility standard. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The impacts that fail a test; moderate and minor ones are reported by axe but left to judgement. */
const FAILING = new Set(['critical', 'serious']);

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  /** The selectors of the offending elements, with axe's summary of what is wrong with each. */
  nodes: { target: string; summary: string }[];
}

/** The critical and serious violations axe finds on the page now, optionally within one part of it. */
export async function seriousViolations(page: Page, within?: string): Promise<Finding[]> {
  await transitionsDone(page);
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (within) builder = builder.include(within);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => FAILING.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: `${v.help} (${v.helpUrl})`,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' >> '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
}

/**
 * Waits for the page's finite animations (a banner sliding in, a panel fading) to end: colours read
 * mid-fade are not the ones a person reads. Endless or paused ones (a busy button's shimmer) are not waited for.
 */
async function transitionsDone(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** One finding per line group: rule, impact, help, then each target with what is wrong. */
export function describe(findings: Finding[]): string {
  return findings
    .map((f) => [`${f.rule} [${f.impact}]: ${f.help}`, ...f.nodes.map((n) => `    ${n.target} — ${n.summary}`)].join('\n'))
    .join('\n');
}

/**
 * Checks one screen: a soft assertion, so a test walking through several screens reports every screen's
 * violations (each named) rather than stopping at the first.
 */
export async function expectAccessible(page: Page, screen: string, within?: string): Promise<void> {
  const findings = await seriousViolations(page, within);
  expect.soft(findings.length === 0 ? '' : `\n${describe(findings)}\n`, `axe: critical/serious WCAG violations on "${screen}"`).toBe('');
}
