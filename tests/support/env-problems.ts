import { parseEnv } from "@/lib/env";

/** What parseEnv says about `source`: its error message, or "" when the settings are good. */
export function envProblems(source: Record<string, string>): string {
  try {
    parseEnv(source);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}
