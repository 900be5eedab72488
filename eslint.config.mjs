// ESLint 9 flat config: `npm run lint` (run by `npm test`).
//
// TypeScript (src, test, scripts/**/*.ts): typescript-eslint's `recommended`, plus the type-aware
// rules that catch real bugs in this code base's promise-heavy Office.js and CLI code and cost one
// type-checked pass over tsconfig.json:
//   - no-floating-promises: a forgotten `await context.sync()` silently drops a write;
//   - no-misused-promises: an async function where a callback wants void (React handlers are
//     allowed: the pane's handlers catch their own errors in useAction);
//   - await-thenable: `await` on something that is not a promise is a mistake or a leftover.
// Plain JavaScript (scripts/*.js, test/browser/*.js, webpack and jest configs): `recommended`
// of ESLint itself, as CommonJS for Node.
//
// Not on, on purpose: stylistic rules (no Prettier; the code has its own consistent layout), and
// the `recommended-type-checked` set as a whole (its no-unsafe-* rules flag every Office.js and
// exceljs value typed `any` by their definitions, which the adapters narrow on purpose).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["lib/**", "dist/**", "node_modules/**", "coverage/**", "bin/**"] },
  {
    files: ["**/*.{js,cjs,mjs}"],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: { sourceType: "module" },
  },
  {
    // Node scripts that hand functions to a browser page (Playwright's page.evaluate).
    files: ["test/browser/harness.js", "scripts/bench-pane.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Tests load the project's own CommonJS build scripts and webpack config (plain JS, no types).
      "@typescript-eslint/no-require-imports": ["error", { allow: ["/scripts/[\\w-]+$", "/webpack\\.config$"] }],
      // `_name` marks a parameter kept for its position (callbacks, fakes of Office.js members).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
);
