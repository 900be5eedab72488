import type { Rule } from "../rule";
import { CON_RULES } from "./con";
import { DATA_RULES } from "./data";
import { DRIFT_RULES } from "./drift";
import { ECO_RULES } from "./eco";
import { INST_RULES } from "./inst";
import { ORG_RULES } from "./org";
import { SEAT_RULES } from "./seat";

/** Every rule of RULES.md, in its order. */
export const ALL_RULES: ReadonlyArray<Rule> = [...DATA_RULES, ...ORG_RULES, ...ECO_RULES, ...DRIFT_RULES, ...SEAT_RULES, ...CON_RULES, ...INST_RULES];
