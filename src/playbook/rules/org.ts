import type { Rule } from "../rule";
export const ORGANISATION_RULES: Rule[] = [];
