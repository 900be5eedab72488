import type { Rule } from "../rule";
export const FINANCE_RULES: Rule[] = [];
