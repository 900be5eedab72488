import type { Rule } from "../rule";
export const INSTITUTION_RULES: Rule[] = [];
