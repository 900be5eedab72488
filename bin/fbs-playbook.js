#!/usr/bin/env node
"use strict";
// The command line (shared/playbook/CLI.md). The TypeScript sources compile to lib/ on `npm install`
// (the `prepare` script), so a fresh clone needs no manual build.
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (error) {
  process.stderr.write(
    "fbs-playbook: the command line is not built (lib/cli/main.js is missing). Run `npm install` or `npm run build:cli`.\n",
  );
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`fbs-playbook: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
