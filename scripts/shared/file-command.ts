import { parseCommandLine } from "./command-line";

export type FileCommandLine = { file: string; flags: Record<string, boolean> } | { exitCode: number };

/**
 * The command line of the tools that take one FILE and a few on/off flags (backup,
 * restore, archive, unarchive), under the common rule of scripts/shared/command-line.ts.
 */
export function parseFileCommand(argv: string[], usage: string, flagNames: readonly string[] = []): FileCommandLine {
  const options = Object.fromEntries(flagNames.map((name) => [name, { type: "boolean" as const }]));
  const parsed = parseCommandLine(argv, usage, options, { min: 1, max: 1, name: "file" });
  if ("exitCode" in parsed) return parsed;
  const values = parsed.values as Record<string, unknown>;
  return { file: parsed.positionals[0]!, flags: Object.fromEntries(flagNames.map((name) => [name, values[name] === true])) };
}
