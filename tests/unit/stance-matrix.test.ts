import { describe, expect, it } from "vitest";
import { buildStanceMatrix, type Involvement, type MatrixClaim, type MatrixStance } from "@/lib/claims/stance-matrix";

const claim = (id: number, contested = false): MatrixClaim => ({
  id,
  text: `Claim ${id}`,
  contested,
  topic: { key: "t", label: "T" },
  status: { key: "unreviewed", label: "Unreviewed", colour: "#e5e7eb" },
});

let nextAttribution = 100;
const involvement = (claimId: number, actorId: number, actorName: string, stance: MatrixStance, attributionId = nextAttribution++): Involvement => ({
  claimId,
  actorId,
  actorName,
  stance,
  attributionId,
});

const cellAt = (matrix: ReturnType<typeof buildStanceMatrix>, claimId: number, actorName: string) => {
  const column = matrix.actors.findIndex((actor) => actor.name === actorName);
  const row = matrix.rows.find((r) => r.claim.id === claimId);
  if (column < 0 || !row) throw new Error(`no cell for claim ${claimId} and ${actorName}`);
  return row.cells[column]!;
};
const stancesAt = (matrix: ReturnType<typeof buildStanceMatrix>, claimId: number, actorName: string) =>
  cellAt(matrix, claimId, actorName).map((mark) => mark.stance);

describe("buildStanceMatrix", () => {
  it("keeps the claims in the given order, one row each, even a claim with no actors", () => {
    const matrix = buildStanceMatrix([claim(3), claim(1), claim(2)], [involvement(1, 10, "Ann", "asserts")]);
    expect(matrix.rows.map((row) => row.claim.id)).toEqual([3, 1, 2]);
    expect(matrix.rows[0]!.cells).toEqual([[]]);
    expect(matrix.rows[1]!.cells[0]).toHaveLength(1);
  });

  it("orders actors by the number of shown claims they are involved in, then by name", () => {
    const matrix = buildStanceMatrix(
      [claim(1), claim(2), claim(3)],
      [
        involvement(1, 1, "zed", "asserts"),
        involvement(2, 2, "Bea", "denies"),
        involvement(1, 3, "amy", "reports"),
        involvement(2, 1, "zed", "asserts"),
        involvement(3, 1, "zed", "relays"),
        // Two attributions on one claim count as one claim.
        involvement(1, 4, "Carl", "asserts"),
        involvement(1, 4, "Carl", "asserts"),
      ],
    );
    expect(matrix.actors.map((actor) => [actor.name, actor.claimCount])).toEqual([
      ["zed", 3],
      ["amy", 1],
      ["Bea", 1],
      ["Carl", 1],
    ]);
    expect(matrix.totalActors).toBe(4);
  });

  it("ignores involvements in claims that are not shown", () => {
    const matrix = buildStanceMatrix([claim(1)], [involvement(1, 1, "Ann", "asserts"), involvement(9, 2, "Bob", "denies")]);
    expect(matrix.actors.map((actor) => actor.name)).toEqual(["Ann"]);
  });

  it("caps the columns and still counts every actor", () => {
    const involvements = Array.from({ length: 5 }, (_, i) => involvement(1, i + 1, `Actor ${i + 1}`, "asserts"));
    involvements.push(involvement(2, 5, "Actor 5", "denies"));
    const matrix = buildStanceMatrix([claim(1), claim(2)], involvements, { maxActors: 2 });
    // Actor 5 is in two claims, so it is kept first; then by name.
    expect(matrix.actors.map((actor) => actor.name)).toEqual(["Actor 5", "Actor 1"]);
    expect(matrix.totalActors).toBe(5);
    expect(matrix.rows.every((row) => row.cells.length === 2)).toBe(true);
  });

  it("shows both stances when one actor asserts and denies the same claim, asserts first", () => {
    const matrix = buildStanceMatrix([claim(1)], [involvement(1, 1, "Ann", "denies"), involvement(1, 1, "Ann", "asserts")]);
    expect(stancesAt(matrix, 1, "Ann")).toEqual(["asserts", "denies"]);
  });

  it("merges repeated stances into one mark that counts them and links to the earliest attribution", () => {
    const matrix = buildStanceMatrix(
      [claim(1)],
      [involvement(1, 1, "Ann", "asserts", 57), involvement(1, 1, "Ann", "asserts", 12), involvement(1, 1, "Ann", "asserts", 30)],
    );
    expect(matrix.rows[0]!.cells[0]).toEqual([{ stance: "asserts", attributionId: 12, count: 3 }]);
  });

  it("shows relays only for an actor who takes no stance of its own on the claim", () => {
    const matrix = buildStanceMatrix(
      [claim(1), claim(2)],
      [
        involvement(1, 1, "Speaker", "asserts", 1),
        involvement(1, 2, "Agency", "relays", 1),
        involvement(2, 2, "Agency", "reports", 2),
        involvement(2, 2, "Agency", "relays", 3),
      ],
    );
    expect(stancesAt(matrix, 1, "Agency")).toEqual(["relays"]);
    // The relaying mark links to the speaker's attribution, whose via-chain holds the actor.
    expect(cellAt(matrix, 1, "Agency")).toEqual([{ stance: "relays", attributionId: 1, count: 1 }]);
    expect(stancesAt(matrix, 2, "Agency")).toEqual(["reports"]);
  });

  it("lists stances in a fixed order whatever order the rows came in", () => {
    const matrix = buildStanceMatrix(
      [claim(1)],
      [
        involvement(1, 1, "Ann", "declines_to_clarify"),
        involvement(1, 1, "Ann", "reports"),
        involvement(1, 1, "Ann", "denies"),
        involvement(1, 1, "Ann", "asserts"),
      ],
    );
    expect(stancesAt(matrix, 1, "Ann")).toEqual(["asserts", "denies", "reports", "declines_to_clarify"]);
  });

  it("is empty for no claims", () => {
    expect(buildStanceMatrix([], [involvement(1, 1, "Ann", "asserts")])).toEqual({ actors: [], rows: [], totalActors: 0 });
  });
});
