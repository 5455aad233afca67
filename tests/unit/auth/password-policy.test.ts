// Password strength on the server: the bundled leaked-password list and zxcvbn.
import { describe, expect, it } from "vitest";

import { BREACHED_MESSAGE, passwordProblem } from "@/lib/auth/password-policy";

describe("passwordProblem", () => {
  it.each(["Password12", "qwerty1234", "1q2w3e4r5t", "iloveyou12", "PASSWORD12", "football12", "  qwerty1234  "])(
    "rejects %j as a leaked password, with a suggestion",
    async (password) => {
      expect(await passwordProblem(password)).toBe(BREACHED_MESSAGE);
    },
  );

  it("finds passwords deep in the list, not only the famous ones (any case)", async () => {
    // Entries of 10+ characters past rank 900,000 of the million.
    for (const p of ["wykliuk123", "WYkjCApiuFtaI", "WyKintE29300", "wykintE29300"]) expect(await passwordProblem(p)).toBe(BREACHED_MESSAGE);
  });

  it.each([
    ["a repeated character", "ßßßßßßßßßßßß"],
    ["a repeated pattern", "abcabcabcabc"],
    ["a keyboard walk", "asdfghjkl;'"],
    ["a date", "07/11/1981"],
    ["the site's name", "dossierdossier1"],
    ["a common password in l33t", "P@55w0rd1234"],
  ])("rejects %s with zxcvbn's warning and a suggestion", async (_label, password) => {
    const message = await passwordProblem(password);
    expect(message).toBeTruthy();
    expect(message).not.toBe(BREACHED_MESSAGE);
    expect(message!.length).toBeGreaterThan(30);
    expect(message).toMatch(/\.$/);
  });

  it("counts the person's own name and email as guessable", async () => {
    expect(await passwordProblem("kowalska1989", { email: "marta.k@school.org", name: "Marta Kowalska" })).toBeTruthy();
  });

  it.each(["Tallinn-harbour-1989", "solidarnosc in gdansk 1980", "correct horse battery staple", "Zürich-Straßenbahn-7", "x7#Kq-9vTz", "Мой пароль длинный 42", "読書会は毎週水曜日です"])(
    "accepts a strong password: %j",
    async (password) => {
      expect(await passwordProblem(password)).toBeNull();
    },
  );

  it("stays bounded on long, pathological passwords (first 64 characters, 10 l33t substitutions)", async () => {
    await passwordProblem("warm-up password 1"); // dictionaries load once
    const start = performance.now();
    expect(await passwordProblem("Ab1-".repeat(50))).toBeTruthy();
    expect(await passwordProblem("a1".repeat(100))).toBeTruthy();
    expect(await passwordProblem("é".repeat(200))).toBeTruthy();
    await passwordProblem("l33t$p34k@p455".repeat(14));
    // Over 3 s for the last one alone with zxcvbn's defaults; a generous bound for a busy machine.
    expect(performance.now() - start).toBeLessThan(2500);
  });
});
