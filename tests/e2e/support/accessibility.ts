import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Run axe on the page once it has finished streaming; serious and critical violations fail
 * the test. Next streams a dynamic page's metadata after its body starts, so the <title>
 * can arrive a moment after the content: wait for it (and so check it is there) first.
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  await expect(page, `a <title> on ${page.url()}`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}
