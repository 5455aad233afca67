// The settings Dossier reads from the environment: defaults when unset, the value when good, and a
// refusal naming the variable for anything else (start-up stops on it rather than running with NaN).
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("gives the documented defaults for an empty environment, and treats blank as unset", () => {
    for (const source of [{}, { AUTH_SESSION_MAX_AGE: "", DATABASE_POOL_SIZE: " ", DOSSIER_READ_DWELL_SCALE: "" }]) {
      const env = parseEnv(source);
      expect(env).toMatchObject({
        AUTH_SESSION_MAX_AGE: 43_200,
        DATABASE_POOL_SIZE: 10,
        DOSSIER_READ_DWELL_SCALE: 1,
        DOSSIER_TRUSTED_PROXY_HOPS: 0,
        DOSSIER_HSTS: "on",
        DOSSIER_DEMO_DATA: "1",
      });
      expect(env.DATABASE_URL).toBeUndefined();
      expect(env.AUTH_URL).toBeUndefined();
    }
  });

  it("reads good values as their types", () => {
    const env = parseEnv({
      AUTH_SESSION_MAX_AGE: "3600",
      DATABASE_POOL_SIZE: "25",
      DOSSIER_READ_DWELL_SCALE: "0.1",
      DOSSIER_TRUSTED_PROXY_HOPS: "1",
      DOSSIER_HSTS: "off",
      DATABASE_URL: "postgresql://u:p@localhost:5432/db",
      AUTH_URL: "https://dossier.example.org",
      AUTH_SECRET: "x".repeat(44),
    });
    expect(env).toMatchObject({ AUTH_SESSION_MAX_AGE: 3600, DATABASE_POOL_SIZE: 25, DOSSIER_READ_DWELL_SCALE: 0.1, DOSSIER_TRUSTED_PROXY_HOPS: 1, DOSSIER_HSTS: "off" });
    expect(parseEnv({ DATABASE_URL: "file:./data/dossier.db" }).DATABASE_URL).toBe("file:./data/dossier.db");
  });

  it.each([
    ["AUTH_SESSION_MAX_AGE", "12h"],
    ["AUTH_SESSION_MAX_AGE", "10"],
    ["DATABASE_POOL_SIZE", "0"],
    ["DATABASE_POOL_SIZE", "1.5"],
    ["DOSSIER_READ_DWELL_SCALE", "0"],
    ["DOSSIER_READ_DWELL_SCALE", "-1"],
    ["DOSSIER_READ_DWELL_SCALE", "abc"],
    ["DOSSIER_READ_DWELL_SCALE", "11"],
    ["DOSSIER_TRUSTED_PROXY_HOPS", "-1"],
    ["DOSSIER_TRUSTED_PROXY_HOPS", "two"],
    ["DOSSIER_HSTS", "yes"],
    ["DOSSIER_DEMO_DATA", "true"],
    ["DATABASE_URL", "mysql://localhost/db"],
    ["AUTH_URL", "dossier.example.org"],
    ["AUTH_SECRET", "short"],
  ])("refuses %s=%j with a message naming it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`${name}: ${name}|${name}: .*${name}|- ${name}:`));
  });

  it("lists every problem at once", () => {
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "many", DOSSIER_HSTS: "maybe" })).toThrow(/DATABASE_POOL_SIZE[\s\S]*DOSSIER_HSTS/);
  });
});
