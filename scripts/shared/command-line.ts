import { parseArgs, type ParseArgsConfig } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** What a command line asked for: its values and positionals, or an exit code because it asked for help or was wrong. */
export type CommandLine<Values> = { values: Values; positionals: string[] } | { exitCode: number };

/** Exit code of a command line that is wrong (unknown option, missing value, too many files), as the shells' own tools use. */
export const USAGE_EXIT_CODE = 2;

/**
 * The one command-line rule of every `npm run` tool: `--help` (or `-h`) prints the usage
 * on standard output and exits 0; an unknown option, an option without its value or a
 * wrong number of positionals prints what was wrong and the usage on standard error and
 * exits 2, never a stack trace.
 */
export function parseCommandLine<const Options extends ParseArgsOptionsConfig>(
  argv: string[],
  usage: string,
  options: Options,
  positionals: { min?: number; max?: number; name?: string } = { max: 0 },
): CommandLine<ReturnType<typeof parseArgs<{ options: Options & { help: { type: "boolean"; short: "h" } }; allowPositionals: true }>>["values"]> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, help: { type: "boolean", short: "h" } } as Options & { help: { type: "boolean"; short: "h" } } });
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return { exitCode: 0 };
  }
  const { min = 0, max = Infinity, name = "argument" } = positionals;
  const count = parsed.positionals.length;
  if (count < min) return usageError(count === 0 ? `No ${name} given.` : `Give at least ${min} ${name}s.`, usage);
  if (count > max) {
    return usageError(max === 0 ? `Unexpected argument "${parsed.positionals[0]}".` : max === 1 ? `Give exactly one ${name}.` : `Give at most ${max} ${name}s.`, usage);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/**
 * The whole number an option was given, from `min` to `max`. Anything else (a fraction, a
 * word, nothing) is a wrong command line like the others: what was wrong and the usage on
 * standard error, exit 2.
 */
export function wholeNumberOption(name: string, value: string, usage: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isInteger(number) || number < min || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    console.error(`--${name} must be a whole number ${range}, not "${value}"\n${usage}`);
    process.exit(USAGE_EXIT_CODE);
  }
  return number;
}

function usageError(message: string, usage: string): { exitCode: number } {
  console.error(`${message}\n${usage}`);
  return { exitCode: USAGE_EXIT_CODE };
}
