import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations as expectAccessible } from "./support/accessibility";
import { apiToken, createReviewedClaim } from "./support/reviewed-claim";
import { signIn } from "./support/sign-in";
import type { AccountName } from "./support/accounts";

/*
 * Two fact-checkers edit the same claim (issue 10, item 4). The one on the old page is
 * refused, sees field by field what is stored now next to what they submitted, sees the
 * page redrawn with the current record, and must choose: "Keep mine" (recorded as
 * replacing the named version) or "Take theirs".
 */

const RUN = Date.now().toString(36);

// Several browsers and sign-ins per test, on a machine shared with other work.
test.describe.configure({ timeout: 150_000 });

async function open(browser: Browser, account: AccountName, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account, path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return page;
}

test("an edit of the wording on an old page shows the colleague's wording and needs 'Keep mine' or 'Take theirs'", async ({ browser, request, baseURL }) => {
  const original = `Ships were stopped at the Bosphorus (${RUN}).`;
  const claimId = await createReviewedClaim(request, {
    baseURL: baseURL!,
    token: await apiToken("factChecker"),
    claim: original,
    status: "unverifiable",
    statements: [{ actor: `Coast guard ${RUN}`, stance: "asserts", words: "The coast guard said ships were stopped." }],
  });
  const path = `/claims/${claimId}`;
  const mine = await open(browser, "factChecker", path);
  const theirs = await open(browser, "secondChecker", path);

  // The colleague changes the wording first.
  const colleagues = `Two ships were stopped at the Bosphorus (${RUN}).`;
  await theirs.getByText("Edit the claim's wording or topic").click();
  await theirs.getByLabel("Claim, in neutral words").fill(colleagues);
  await theirs.getByRole("button", { name: "Save claim" }).click();
  await expect(theirs.getByText("Claim saved.")).toBeVisible();

  // On the old page: a different wording, saved.
  const myWording = `Three ships were stopped at the Bosphorus (${RUN}).`;
  await mine.getByText("Edit the claim's wording or topic").click();
  const form = mine.getByRole("form", { name: "Edit the claim" });
  await form.getByLabel("Claim, in neutral words").fill(myWording);
  await form.getByRole("button", { name: "Save claim" }).click();

  const notice = form.getByRole("alert");
  await expect(notice).toContainText("Changed meanwhile.");
  await expect(notice).toContainText("second");
  const row = notice.getByRole("row", { name: /Wording/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText(colleagues);
  await expect(row.getByRole("cell").nth(1)).toHaveText(myWording);
  // The topic was changed by neither: no row for it.
  await expect(notice.getByRole("row", { name: /Topic/ })).toHaveCount(0);
  // The page now shows the current record; the form still holds the user's words.
  await expect(mine.getByRole("heading", { level: 1 })).toHaveText(colleagues);
  await expect(form.getByLabel("Claim, in neutral words")).toHaveValue(myWording);
  // No plain "Save" any more: an explicit choice.
  await expect(form.getByRole("button", { name: "Save claim" })).toHaveCount(0);
  await expect(form.getByRole("button", { name: /^Keep mine \(replace version \d+\)$/ })).toBeVisible();
  await expect(form.getByRole("button", { name: "Take theirs" })).toBeVisible();
  await expectAccessible(mine);

  const keep = form.getByRole("button", { name: /^Keep mine/ });
  const replaced = Number((await keep.textContent())!.match(/version (\d+)/)![1]);
  await keep.click();
  await expect(mine.getByText("Claim saved.")).toBeVisible();
  await expect(mine.getByRole("heading", { level: 1 })).toHaveText(myWording);
  const stored = await (await request.get(`/api/claims/${claimId}`)).json();
  expect(stored).toMatchObject({ text: myWording, version: replaced + 1 });

  // The audit log names the version that was replaced.
  const admin = await open(browser, "admin", "/admin/audit");
  const entry = admin.getByRole("row").filter({ hasText: `update claim ${claimId}, replacing version ${replaced}` });
  await expect(entry).toHaveCount(1);
  // Who: the user's name, as the pages show people.
  await expect(entry.getByRole("cell").nth(1)).toHaveText("checker");
  await expect(entry).toContainText(myWording);
  await expect(entry).toContainText(colleagues);
});

test("a verdict set on an old page can give way: 'Take theirs' shows the stored verdict and drops the edit", async ({ browser, request, baseURL }) => {
  const claimId = await createReviewedClaim(request, {
    baseURL: baseURL!,
    token: await apiToken("factChecker"),
    claim: `The bridge was closed to lorries (${RUN}).`,
    status: "unverifiable",
    statements: [{ actor: `Bridge operator ${RUN}`, stance: "asserts", words: "The operator said the bridge was closed." }],
  });
  const path = `/claims/${claimId}`;
  const mine = await open(browser, "factChecker", path);
  const theirs = await open(browser, "secondChecker", path);

  const theirForm = theirs.getByRole("form", { name: "Set the verdict" });
  await theirForm.getByRole("combobox", { name: "Verdict" }).selectOption("false");
  await theirForm.getByLabel("Rationale (required)").fill("The operator's own timetable shows lorries crossing.");
  await theirForm.getByRole("button", { name: "Save verdict" }).click();
  await expect(theirs.getByText("Verdict saved.")).toBeVisible();

  const form = mine.getByRole("form", { name: "Set the verdict" });
  await form.getByRole("combobox", { name: "Verdict" }).selectOption("true");
  await form.getByLabel("Rationale (required)").fill("Photos show the barrier down.");
  await form.getByRole("button", { name: "Save verdict" }).click();
  const notice = form.getByRole("alert");
  const row = notice.getByRole("row", { name: /Verdict/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText("False");
  await expect(row.getByRole("cell").nth(1)).toHaveText("True");
  await expect(form.getByRole("combobox", { name: "Verdict" })).toHaveValue("true");
  await expect(mine.locator("h1 + p .badge").first()).toHaveText("False");
  await expectAccessible(mine);

  await form.getByRole("button", { name: "Take theirs" }).click();
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(form.getByRole("combobox", { name: "Verdict" })).toHaveValue("false");
  await expect(form.getByRole("button", { name: "Save verdict" })).toBeVisible();
  const stored = await (await request.get(`/api/claims/${claimId}`)).json();
  expect(stored.status.key).toBe("false");
  await expect(mine.getByRole("list", { name: "Verdict history" })).not.toContainText("Photos show the barrier down.");
});
