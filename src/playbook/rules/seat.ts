import type { Rule } from "../rule";
export const SEAT_RULES: Rule[] = [];
