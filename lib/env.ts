import { z } from "zod";

/**
 * Every setting Dossier reads from the environment, checked once with zod. The server checks them
 * at start-up (instrumentation.ts) and `npm start` before it launches anything, so a typo such as
 * AUTH_SESSION_MAX_AGE=12h stops the app with a message naming the variable, instead of turning
 * into NaN somewhere later. The README's table describes each one.
 */
const blankAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const int = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ message: `${name} must be a whole number` })
      .int(`${name} must be a whole number`)
      .min(min, `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`)
      .default(fallback),
  );

export const envSchema = z.object({
  NODE_ENV: z.preprocess(blankAsUnset, z.enum(["development", "production", "test"]).default("production")),
  DATABASE_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((u) => /^(postgres(ql)?:\/\/|file:)/.test(u), "DATABASE_URL must start with postgresql:// (PostgreSQL) or file: (SQLite)")
      .optional(),
  ),
  DATABASE_POOL_SIZE: int("DATABASE_POOL_SIZE", 1, 500, 10),
  AUTH_SECRET: z.preprocess(blankAsUnset, z.string().min(32, "AUTH_SECRET must be at least 32 characters (npx auth secret makes one)").optional()),
  AUTH_URL: z.preprocess(blankAsUnset, z.url({ message: "AUTH_URL must be a full address such as https://dossier.example.org" }).optional()),
  AUTH_SESSION_MAX_AGE: int("AUTH_SESSION_MAX_AGE", 60, 60 * 60 * 24 * 30, 60 * 60 * 12),
  DOSSIER_DEMO_DATA: z.preprocess(blankAsUnset, z.enum(["0", "1"], { message: "DOSSIER_DEMO_DATA must be 0 or 1" }).default("1")),
  DOSSIER_READ_DWELL_SCALE: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ message: "DOSSIER_READ_DWELL_SCALE must be a number" })
      .positive("DOSSIER_READ_DWELL_SCALE must be greater than 0")
      .max(10, "DOSSIER_READ_DWELL_SCALE must be at most 10")
      .default(1),
  ),
  DOSSIER_TRUSTED_PROXY_HOPS: int("DOSSIER_TRUSTED_PROXY_HOPS", 0, 10, 0),
  DOSSIER_HSTS: z.preprocess(blankAsUnset, z.enum(["on", "off"], { message: "DOSSIER_HSTS must be on or off" }).default("on")),
});

export type Env = z.infer<typeof envSchema>;

/** The settings, or an Error listing every variable that is wrong and why. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Dossier's settings are not valid:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The process's settings, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
