import { expect, type Page } from "@playwright/test";

/** The page, as it is now, at a laptop's and a phone's width: nothing may scroll sideways. */
export async function expectNoSidewaysScroll(page: Page) {
  const original = page.viewportSize();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scroll at ${width} px on ${page.url()}`).toBeLessThanOrEqual(0);
  }
  if (original) await page.setViewportSize(original);
}
