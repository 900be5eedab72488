import type { Rule } from "../rule";
import { CONTRACT_RULES } from "./con";
import { DATA_RULES } from "./data";
import { OPERATIONS_RULES } from "./drift";
import { FINANCE_RULES } from "./eco";
import { INSTITUTION_RULES } from "./inst";
import { ORGANISATION_RULES } from "./org";
import { SEAT_RULES } from "./seat";

/** Every rule of RULES.md, in its order. */
export const ALL_RULES: ReadonlyArray<Rule> = [
  ...DATA_RULES,
  ...ORGANISATION_RULES,
  ...FINANCE_RULES,
  ...OPERATIONS_RULES,
  ...SEAT_RULES,
  ...CONTRACT_RULES,
  ...INSTITUTION_RULES,
];
