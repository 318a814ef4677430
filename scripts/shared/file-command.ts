import { parseArgs } from "node:util";

export type FileCommandLine = { file: string; flags: Record<string, boolean> } | { exitCode: number };

/**
 * The command line of the tools that take one FILE and a few on/off flags (backup,
 * restore, archive, unarchive): `--help` prints the usage (exit 0); anything but exactly
 * one FILE prints it on stderr (exit 2); unknown flags throw, as parseArgs does.
 */
export function parseFileCommand(argv: string[], usage: string, flagNames: readonly string[] = []): FileCommandLine {
  const options = Object.fromEntries([...flagNames.map((name) => [name, { type: "boolean" as const }]), ["help", { type: "boolean" as const, short: "h" }]]);
  const parsed = parseArgs({ args: argv, allowPositionals: true, options });
  const positionals = parsed.positionals;
  const values = parsed.values as Record<string, unknown>;
  if (values.help) {
    console.log(usage);
    return { exitCode: 0 };
  }
  if (positionals.length !== 1) {
    console.error(usage);
    return { exitCode: 2 };
  }
  return { file: positionals[0]!, flags: Object.fromEntries(flagNames.map((name) => [name, values[name] === true])) };
}
