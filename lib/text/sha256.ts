import { createHash } from "node:crypto";

/** Hex SHA-256 of a text's UTF-8 bytes: the identity of a stored article snapshot. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
