import type { Rule } from "../rule";
export const OPERATIONS_RULES: Rule[] = [];
