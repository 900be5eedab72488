import type { Rule } from "../rule";
export const DATA_RULES: Rule[] = [];
