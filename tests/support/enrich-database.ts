/**
 * Give the seeded database at DATABASE_URL what the seed lacks, so a copy of it is tested
 * on every kind of row: accounts and an API token, final verdicts with their history, an
 * accuracy change, notes with a reply, a deleted claim's tombstone, and their audit
 * entries. Run as its own process (tests/postgresql/copy.test.ts).
 */
import { createApiToken } from "@/lib/auth/api-tokens";
import { addAnnotation } from "@/lib/annotations/mutations";
import { setClaimStatus } from "@/lib/claims/mutations";
import { prisma } from "@/lib/db/prisma";
import { createUserAccount } from "@/lib/users/admin";

const account = await createUserAccount(null, { email: "copy-checker@claimtrail.test", role: "fact_checker", password: "a-long-test-password", name: "Copy Checker" });
await createApiToken(account.id, "copy test");
const user = { id: account.id, email: account.email, name: "Copy Checker", role: "fact_checker" as const };
const claims = await prisma.claim.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" }, take: 4 });
const [first, second, third] = claims;
await setClaimStatus(user, first!.id, { status: "false", rationale: "Both sides' figures contradict it.", evidence: ["https://example.org/evidence"], version: first!.version });
await setClaimStatus(user, second!.id, { status: "unverifiable", rationale: "No independent source.", evidence: [], version: second!.version });
const note = await addAnnotation(user, third!.id, { body: "Ask the **ministry** for the figure." });
await addAnnotation(user, third!.id, { body: "Asked; no answer yet.", parentId: note.id });
await prisma.$disconnect();
