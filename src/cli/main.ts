/**
 * The command line's entry point (bin/fbs-playbook.js requires the compiled lib/cli/main.js).
 * Thin: wires the process's streams and terminal to `run`, which returns the exit status.
 */
import { run, type Io } from "./commands";
import { makeStyle, useColor } from "./style";

export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    style: makeStyle(useColor(process.env, process.stdout.isTTY === true)),
  };
}

export async function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}
