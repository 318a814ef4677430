import { describeFatalError } from "@/lib/db/unavailable";

/**
 * Run a command-line tool's `main`: the number it returns becomes the exit code; an error
 * is printed (as `describeError` words it, a DatabaseUnavailableError as its one line, else in full, stack included) with exit code
 * 1; `cleanup` (closing the database) runs either way.
 */
export function runCommand(
  main: () => Promise<number | void>,
  options: { describeError?: (error: unknown) => string | null; cleanup?: () => Promise<void> } = {},
): void {
  main()
    .then((code) => {
      process.exitCode = code ?? 0;
    })
    .catch((error: unknown) => {
      console.error(options.describeError?.(error) ?? describeFatalError(error) ?? error);
      process.exitCode = 1;
    })
    .finally(() => options.cleanup?.());
}
