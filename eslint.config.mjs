// Rules the code enforces rather than a reviewer remembering them. `npm run lint`; part of `npm test`.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";

/** Prisma (the client, its generated types, the db handle) belongs to the data layer alone. */
const prismaImports = {
  patterns: [
    {
      group: ["@/lib/db", "@/lib/db/*", "@/generated/*", "**/generated/prisma*", "@prisma/*", "../db", "./db"],
      message: "Only lib/data (and lib/db itself) may touch Prisma: call a lib/data function, which checks a named policy.",
    },
  ],
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "generated/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts", "**/*.js", "**/*.cjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
      // Scrollable tables and lists are focusable regions (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region", "tabpanel"] }],
      // Labels wrap their inputs and name them with text further in.
      "jsx-a11y/label-has-associated-control": ["error", { assert: "either", depth: 5 }],
      "no-restricted-imports": ["error", prismaImports],
    },
  },
  {
    // The data layer, the database's own modules, and the tooling, scripts and tests that set up databases.
    files: ["lib/data/**", "lib/db/**", "lib/tooling/**", "prisma/**", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
