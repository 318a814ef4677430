import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations as expectAccessible } from "./support/accessibility";
import { signIn } from "./support/sign-in";

/*
 * Corrections in the browser (issue 10, items 2 and 3): an attribution corrected and
 * another removed, a source's details corrected and its text replaced or added (the
 * quotes that moved, changed or could not be placed listed on its page), an actor renamed
 * and a duplicate merged into it, a claim deleted by an admin (its address then shows the
 * tombstone), and the claim for a new attribution chosen by its words. Each test makes
 * its own article, so the seed data other specs read stays as it was.
 */

let counter = 0;
/** Words no other test or seed article uses, so searches and names find only this test's records. */
const tag = () => `${Date.now().toString(36)}${++counter}`.replace(/[0-9]/g, (digit) => "abcdefghij"[Number(digit)]!);

async function api<T = Record<string, unknown>>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(path, { method, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

type Story = { t: string; sourceId: number; claimId: number; text: string; mayorAttribution: number; unionAttribution: number; mayorId: number };

/** A pasted article with one claim: the mayor asserts it, the union denies it. Made through the JSON API as the signed-in user. */
async function story(page: Page): Promise<Story> {
  const t = tag();
  const text = `Harbour news ${t}.\n\nThe mayor said the ferry ${t} would sail at dawn. The union called the ferry ${t} timetable fiction.\n`;
  const source = await api<{ id: number }>(page, "POST", "/api/sources", { title: `Harbour news ${t}`, outlet: "Harbour Gazette", text });
  const claim = await api<{ id: number; attributions: { id: number; actor: { id: number; name: string } }[] }>(page, "POST", "/api/claims", {
    text: `The ferry ${t} sails at dawn`,
    topic: "diplomacy",
    attributions: [
      { sourceId: source.id, actor: `Mayor ${t}`, actorKind: "person", stance: "asserts", verb: "said", quote: `the ferry ${t} would sail at dawn` },
      { sourceId: source.id, actor: `Union ${t}`, actorKind: "organisation", stance: "denies", verb: "called", quote: `the ferry ${t} timetable fiction` },
    ],
  });
  const [mayor, union] = claim.attributions;
  return { t, sourceId: source.id, claimId: claim.id, text, mayorAttribution: mayor!.id, unionAttribution: union!.id, mayorId: mayor!.actor.id };
}

test("a fact-checker corrects an attribution, removes another, and cannot remove the last one", async ({ page }) => {
  await signIn(page, "factChecker");
  const s = await story(page);

  await page.goto(`/claims/${s.claimId}`);
  await page.locator(`#attribution-${s.mayorAttribution}`).getByRole("link", { name: "Correct or remove this attribution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Correct the attribution" })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Correct the attribution" });
  await expect(form.getByLabel(/^Who/)).toHaveValue(`Mayor ${s.t}`);
  await form.getByLabel("Stance").selectOption("reports");
  await form.getByLabel("Verb the article uses").fill("claimed");
  await form.getByLabel("Sourcing").selectOption("reportedly");
  await form.getByLabel(/^Via/).fill("Reuters");
  await form.getByLabel("Exact words quoted from the article").fill(`the ferry ${s.t} would sail`);
  await form.getByRole("button", { name: "Save the attribution" }).click();

  await expect(page).toHaveURL(new RegExp(`/claims/${s.claimId}#attribution-${s.mayorAttribution}$`));
  const card = page.locator(`#attribution-${s.mayorAttribution}`);
  await expect(card).toContainText("reports");
  await expect(card).toContainText("“claimed”");
  await expect(card).toContainText("sourcing: reportedly");
  await expect(card.getByRole("list", { name: "How the claim reached the source" })).toContainText("via Reuters");
  await expect(card.locator("blockquote mark")).toHaveText(`the ferry ${s.t} would sail`);

  // Words the article does not hold are refused next to the quote, and nothing changes.
  await card.getByRole("link", { name: "Correct or remove this attribution" }).click();
  await page.getByLabel("Exact words quoted from the article").fill(`the ferry ${s.t} will surely sail`);
  await page.getByRole("button", { name: "Save the attribution" }).click();
  await expect(page.locator(".field-error").filter({ hasText: "does not occur in the source text" })).toBeVisible();
  await expectAccessible(page);

  // Remove the union's attribution: the claim keeps one.
  await page.goto(`/attributions/${s.unionAttribution}/edit`);
  await page.getByRole("button", { name: "Remove this attribution" }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${s.claimId}#attributions-heading$`));
  await expect(page.locator(`#attribution-${s.unionAttribution}`)).toHaveCount(0);
  await expect(page.getByText(/· 1 attribution in 1 source/)).toBeVisible();

  await page.goto(`/attributions/${s.mayorAttribution}/edit`);
  await expect(page.getByText("This is the claim's only attribution, so it cannot be removed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove this attribution" })).toHaveCount(0);
});

test("a fact-checker corrects a source's details and replaces its text; the source page lists the quotes that moved or changed", async ({ page }) => {
  await signIn(page, "factChecker");
  const s = await story(page);

  await page.goto(`/sources/${s.sourceId}`);
  await page.getByRole("link", { name: "Correct this source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Correct the source" })).toBeVisible();
  await expectAccessible(page);
  const details = page.getByRole("form", { name: "Correct the source's details" });
  await expect(details.getByLabel("Headline")).toHaveValue(`Harbour news ${s.t}`);
  await details.getByLabel("Headline").fill(`Ferry timetable row ${s.t}`);
  await details.getByLabel("Author (optional)").fill("P. Harbour");
  await details.getByLabel("Published on (optional)").fill("2026-02-03");
  await details.getByRole("button", { name: "Save the details" }).click();
  await expect(page.getByText("Source details saved.")).toBeVisible();

  // A corrected copy: an editor's note moves every quote, and the union's words changed.
  const corrected = `Editor's note: corrected on 4 February.\n${s.text.replace("timetable fiction", "timetable pure fiction")}`;
  const text = page.getByRole("form", { name: "Replace the article text" });
  await text.getByLabel("Corrected full text of the article").fill(corrected);
  await text.getByRole("button", { name: "Replace the text and re-anchor the quotes" }).click();

  await expect(page).toHaveURL(new RegExp(`/sources/${s.sourceId}#reanchored$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ferry timetable row ${s.t}`);
  await expect(page.getByText("P. Harbour")).toBeVisible();
  const report = page.getByRole("region", { name: "Quotes after the text was replaced" });
  await expect(report).toContainText("0 of 2 quotes found word for word; 2 to check");
  await expect(report.getByRole("listitem").filter({ hasText: `Attribution ${s.mayorAttribution}` })).toContainText("moved");
  await expect(report.getByRole("listitem").filter({ hasText: `Attribution ${s.unionAttribution}` })).toContainText(`now “the ferry ${s.t} timetable pure fiction”`);
  // Both quotes are highlighted in the new text, as the article's own words.
  await expect(page.locator(".article-text mark")).toHaveText([`the ferry ${s.t} would sail at dawn`, `the ferry ${s.t} timetable pure fiction`]);
  await expectAccessible(page);
});

test("adding the article text to an imported source anchors its quotes and lists the one it cannot place", async ({ page }) => {
  await signIn(page, "factChecker", "/import");
  const t = tag();
  const header = "claim,topic,status,actor,stance,source_title,source_outlet,quote";
  const csv = `${header}\r\nThe lighthouse ${t} is dark,diplomacy,unreviewed,Keeper ${t},asserts,Lighthouse ${t},Coast Post,the lighthouse ${t} went dark\r\nThe lighthouse ${t} is dark,diplomacy,unreviewed,Coastguard ${t},denies,Lighthouse ${t},Coast Post,a sentence that never made it into print\r\n`;
  await page.getByLabel(/attributions\.csv file/).setInputFiles({ name: "lighthouse.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "1. Check" }).click();
  await page.getByRole("button", { name: "2. Import" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();

  await page.goto("/sources");
  await page.getByRole("link", { name: `Lighthouse ${t}` }).click();
  await expect(page.getByText("This source was recorded without its text")).toBeVisible();
  await page.getByRole("link", { name: "Correct this source or add its text" }).click();
  const form = page.getByRole("form", { name: "Add the article text" });
  await form.getByLabel("Full text of the article").fill(`Coast news. At midnight the lighthouse ${t} went dark, the keeper said.`);
  await form.getByRole("button", { name: "Add the text and anchor the quotes" }).click();

  const report = page.getByRole("region", { name: "Quotes after the text was added" });
  await expect(report).toContainText("1 of 2 quotes found word for word; 1 to check");
  await expect(report.getByRole("listitem")).toContainText("could not be placed");
  await expect(report.getByRole("listitem")).toContainText("a sentence that never made it into print");
  await expect(page.locator(".article-text mark")).toHaveText([`the lighthouse ${t} went dark`]);
  await expectAccessible(page);
});

test("a fact-checker renames an actor and merges a second spelling into it; the old address leads to the merged actor", async ({ page }) => {
  await signIn(page, "factChecker");
  const s = await story(page);
  const extra = await api<{ actor: { id: number } }>(page, "POST", `/api/claims/${s.claimId}/attributions`, {
    sourceId: s.sourceId,
    actor: `The mayor of ${s.t}`,
    stance: "asserts",
    quote: "The mayor said",
  });

  await page.goto(`/actors/${s.mayorId}`);
  await page.getByText("Correct this actor's name, kind, role or aliases").click();
  const edit = page.getByRole("form", { name: "Correct the actor" });
  await edit.getByLabel("Name").fill(`Mayor Jones ${s.t}`);
  await edit.getByLabel("Kind").selectOption("government");
  await edit.getByLabel("Role or title (optional)").fill("Mayor of the harbour town");
  await edit.getByLabel("Other spellings (aliases), one per line").fill(`Mayor ${s.t}\nJ. ${s.t}`);
  await expectAccessible(page);
  await edit.getByRole("button", { name: "Save the actor" }).click();
  await expect(page.getByText("Actor saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Mayor Jones ${s.t}`);
  await expect(page.getByText("Also known as:")).toContainText(`J. ${s.t}`);

  await page.goto(`/actors/${extra.actor.id}`);
  await page.getByText("Merge into another actor").click();
  const merge = page.getByRole("form", { name: "Merge the actor" });
  await merge.getByLabel("The actor to keep (name or alias)").fill(`Mayor Jones ${s.t}`);
  await merge.getByRole("button", { name: "Merge into that actor" }).click();
  await expect(page).toHaveURL(new RegExp(`/actors/${s.mayorId}$`));
  await expect(page.getByText("Also known as:")).toContainText(`The mayor of ${s.t}`);
  await expect(page.getByRole("region", { name: /^Asserted/ }).getByRole("listitem")).toHaveCount(2);

  await page.goto(`/actors/${extra.actor.id}`);
  await expect(page).toHaveURL(new RegExp(`/actors/${s.mayorId}$`));
});

test("an admin deletes a claim and its address shows the tombstone; a fact-checker is not offered deletion", async ({ page, browser }) => {
  await signIn(page, "admin");
  const s = await story(page);

  const checker = await browser.newPage();
  await signIn(checker, "factChecker", `/claims/${s.claimId}`);
  await checker.goto(`/claims/${s.claimId}`);
  await expect(checker.getByText("Delete this claim (admin)")).toHaveCount(0);
  await checker.close();

  await page.goto(`/claims/${s.claimId}`);
  await page.getByText("Delete this claim (admin)").click();
  const form = page.getByRole("form", { name: "Delete the claim" });
  await form.getByLabel(/Why is this claim deleted/).fill("Recorded twice; see the other ferry claim.");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Delete this claim" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Deleted claim" })).toBeVisible();
  await expect(page.getByText(`Claim ${s.claimId} was deleted`)).toContainText("Recorded twice; see the other ferry claim.");
  await expect(page.getByText(`It read: “The ferry ${s.t} sails at dawn”`)).toBeVisible();
  await expectAccessible(page);
  expect((await page.request.get(`/api/claims/${s.claimId}`)).status()).toBe(410);
});

test("the claim for a new attribution is chosen by its words or from the claims quoted in the article, and shown before saving", async ({ page }) => {
  await signIn(page, "factChecker");
  const s = await story(page);
  const other = await story(page);
  const quote = "The union called";
  const start = s.text.indexOf(quote);

  await page.goto(`/sources/${s.sourceId}/attribute?start=${start}&end=${start + quote.length}`);
  await expect(page.getByText("No claim chosen yet")).toBeVisible();
  await page.getByLabel(/^Who/).fill(`Harbour union ${s.t}`);
  await page.getByRole("button", { name: "Add attribution" }).click();
  await expect(page.locator(".field-error")).toHaveText("choose the claim: pick one quoted in this article, or search for its words");

  // One click on a claim already quoted in this article chooses it.
  await page.getByRole("list", { name: "Claims already quoted in this article" }).getByRole("button", { name: `The ferry ${s.t} sails at dawn` }).click();
  await expect(page.getByText("Chosen claim:")).toContainText(`The ferry ${s.t} sails at dawn`);

  // Any other claim is found by its words.
  await page.getByRole("button", { name: "Choose another" }).click();
  await page.getByLabel("Search all claims by their words").fill(`ferry ${other.t}`);
  await page.getByRole("list", { name: "Matching claims" }).getByRole("button", { name: `The ferry ${other.t} sails at dawn` }).click();
  await expect(page.getByText("Chosen claim:")).toContainText(`The ferry ${other.t} sails at dawn`);
  await expectAccessible(page);

  await page.getByLabel("Stance").selectOption("denies");
  await page.getByRole("button", { name: "Add attribution" }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${other.claimId}#attribution-\\d+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`The ferry ${other.t} sails at dawn`);
  await expect(page.locator(".card").filter({ hasText: `Harbour union ${s.t}` })).toContainText("denies");
});

test("the correction pages fit a phone without sideways scrolling", async ({ page }) => {
  await signIn(page, "admin");
  const s = await story(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const start = s.text.indexOf("The union called");
  for (const path of [`/attributions/${s.mayorAttribution}/edit`, `/sources/${s.sourceId}/edit`, `/actors/${s.mayorId}`, `/sources/${s.sourceId}/attribute?start=${start}&end=${start + 16}`, `/claims/${s.claimId}`]) {
    await page.goto(path);
    // Open every folded form, so what is measured is everything the page can show.
    for (const summary of await page.locator("details > summary").all()) await summary.click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  }
});
