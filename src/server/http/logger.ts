/** Where the server's lines go: one per request, plus unexpected failures with their stack. */
export interface ServerLogger {
  info(line: string): void;
  error(line: string): void;
}

export const stderrLogger: ServerLogger = {
  info: (line) => process.stderr.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

/** For tests and the benchmark: request lines dropped, failures still reported. */
export const quietLogger: ServerLogger = {
  info: () => {},
  error: (line) => process.stderr.write(`${line}\n`),
};
