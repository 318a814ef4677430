/** One thing wrong with an import file: where (1-based line, column name) and why. */
export type ImportProblem = { row: number; column: string; message: string };

/** `line 12, column stance: must be one of …`: how the command line and logs print a problem. */
export function formatProblem(problem: ImportProblem): string {
  return problem.column ? `line ${problem.row}, column ${problem.column}: ${problem.message}` : `line ${problem.row}: ${problem.message}`;
}

export function sortProblems(problems: readonly ImportProblem[], columnOrder: readonly string[]): ImportProblem[] {
  const rank = (column: string) => {
    const index = columnOrder.indexOf(column);
    return index === -1 ? (column ? columnOrder.length : -1) : index;
  };
  return [...problems].sort((a, b) => a.row - b.row || rank(a.column) - rank(b.column));
}
