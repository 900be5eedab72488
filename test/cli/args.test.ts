/** The command line's grammar, run in-process: what each command line means, and every usage error. */
import { parseArgs } from "../../src/cli/args";
import { run } from "../../src/cli/commands";
import { useColor } from "../../src/cli/style";
import { iso } from "../../src/playbook/dates";
import { captureIo, lines } from "./helpers";

async function usageError(args: string[]): Promise<{ status: number; stderr: string; stdout: string }> {
  const { io, out, err } = captureIo();
  const status = await run(args, io);
  return { status, stderr: err(), stdout: out() };
}

describe("what a command line means", () => {
  it("validate takes several files, options before or after them, --opt=value, and repeated --pick", () => {
    expect(parseArgs(["validate", "--format=json", "a.xlsx", "b.xlsx", "--pick", "CON", "--today", "2026-12-01", "--pick=ORG-0", "--lang", "en"])).toEqual({
      kind: "validate",
      files: ["a.xlsx", "b.xlsx"],
      format: "json",
      lang: "en",
      today: expect.any(Date),
      pick: ["CON", "ORG-0"],
      skip: [],
      ignoreAccepted: false,
    });
    expect(parseArgs(["validate", "a.xlsx", "--ignore-accepted"])).toMatchObject({ ignoreAccepted: true });
    expect(() => parseArgs(["timeline", "a.xlsx", "--ignore-accepted"])).toThrow();
    const cmd = parseArgs(["validate", "a.xlsx", "--today", "2026-12-01"]);
    expect(cmd.kind === "validate" && iso(cmd.today)).toBe("2026-12-01");
  });

  it("defaults: Danish, text, the machine's today, every rule", () => {
    expect(parseArgs(["validate", "plan.xlsx"])).toEqual({ kind: "validate", files: ["plan.xlsx"], format: "text", lang: "da", today: null, pick: [], skip: [], ignoreAccepted: false });
    expect(parseArgs(["init", "plan.xlsx"])).toEqual({ kind: "init", file: "plan.xlsx", lang: "da", force: false, example: false });
    expect(parseArgs(["init", "--example", "--force", "plan.xlsx", "--lang", "en"])).toMatchObject({ force: true, example: true, lang: "en" });
    expect(parseArgs(["timeline", "plan.xlsx", "--format", "json"])).toEqual({ kind: "timeline", file: "plan.xlsx", format: "json", lang: "da", today: null });
  });

  it("a file whose name starts with a dash can follow --", () => {
    expect(parseArgs(["validate", "--", "--plan.xlsx"])).toMatchObject({ files: ["--plan.xlsx"] });
  });

  it.each([["--help"], ["-h"], ["help"], ["validate", "plan.xlsx", "--help"], ["init", "-h"]])("%s … asks for help", (...args) => {
    expect(parseArgs(args)).toEqual({ kind: "help", lang: "da" });
  });

  it("help in English, and the version", () => {
    expect(parseArgs(["--help", "--lang", "en"])).toEqual({ kind: "help", lang: "en" });
    expect(parseArgs(["--version"])).toEqual({ kind: "version" });
  });
});

describe("usage errors: exit 2 and one line on stderr that points to --help", () => {
  it.each([
    [[], "angiv en kommando: init, validate, timeline, report eller calendar"],
    [["valider", "plan.xlsx"], "ukendt kommando: valider (kendte: init, validate, timeline, report, calendar)"],
    [["--frmat"], "ukendt tilvalg: --frmat"],
    [["validate"], "validate mangler en fil"],
    [["validate", "--lang", "en"], "validate needs a file"],
    [["validate", "plan.xlsx", "--frmat", "json"], "ukendt tilvalg: --frmat"],
    [["validate", "plan.xlsx", "-f", "json"], "ukendt tilvalg: -f"],
    [["validate", "plan.xlsx", "--format", "xml"], "--format skal være text eller json, ikke xml"],
    [["validate", "plan.xlsx", "--format"], "--format mangler en værdi"],
    [["validate", "plan.xlsx", "--today", "--format", "json"], "--today mangler en værdi"],
    [["validate", "plan.xlsx", "--today", "01-12-2026"], "--today skal være en dato som 2026-12-01, ikke 01-12-2026"],
    [["validate", "plan.xlsx", "--today", "2026-02-30"], "--today skal være en dato som 2026-12-01, ikke 2026-02-30"],
    [["validate", "plan.xlsx", "--pick", "CONX"], "--pick CONX: ingen regel passer (regler begynder med DATA, ORG, ECO, DRIFT, SEAT, CON, INST)"],
    [["validate", "plan.xlsx", "--skip", "CON,XYZ-1"], "--skip XYZ-1: ingen regel passer"],
    [["validate", "plan.xlsx", "--pick", ","], "--pick mangler regel-id'er (fx CON,ORG-0)"],
    [["validate", "plan.xlsx", "--lang", "de"], "--lang skal være da eller en, ikke de"],
    [["validate", "plan.xlsx", "--force"], "validate tager ikke --force"],
    [["init", "plan.xlsx", "--force=yes"], "--force tager ingen værdi"],
    [["init", "plan.xlsx", "--today", "2026-12-01"], "init tager ikke --today"],
    [["init"], "init mangler en fil"],
    [["init", "a.xlsx", "b.xlsx"], "init tager én fil, ikke 2: a.xlsx b.xlsx"],
    [["timeline", "a.xlsx", "b.xlsx", "--lang", "en"], "timeline takes one file, not 2: a.xlsx b.xlsx"],
    [["timeline", "plan.xlsx", "--pick", "CON"], "timeline tager ikke --pick"],
  ])("%j", async (args, message) => {
    const r = await usageError(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`fbs-playbook: ${message}`);
    expect(r.stderr).toMatch(/\((se|see) fbs-playbook --help\)\n$/);
  });
});

describe("when to colour", () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: "dumb" }, true, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, true],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, false, true],
  ])("env %j, terminal %s → %s", (env, tty, expected) => {
    expect(useColor(env as NodeJS.ProcessEnv, tty)).toBe(expected);
  });
});
