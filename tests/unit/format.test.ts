import { describe, expect, it } from "vitest";
import { formatPoints, plural, pluralPoints, roundPoints } from "@/lib/format";

describe("points and counted nouns", () => {
  it("shows points with at most two decimals and no trailing zeros", () => {
    expect([3, 2.5, 2 / 3, 0.1 + 0.2, 1.005, 0, -0, 10.999].map(formatPoints)).toEqual(["3", "2.5", "0.67", "0.3", "1", "0", "0", "11"]);
    expect(Object.is(roundPoints(-0.001), 0)).toBe(true);
  });

  it("says one or many", () => {
    expect(plural(1, "minute", "minutes")).toBe("1 minute");
    expect(plural(0, "minute", "minutes")).toBe("0 minutes");
    expect(plural(12, "student", "students")).toBe("12 students");
    expect(pluralPoints(1)).toBe("1 point");
    expect(pluralPoints(2 / 3)).toBe("0.67 points");
    // The noun agrees with the number as shown.
    expect(pluralPoints(1.004)).toBe("1 point");
    expect(pluralPoints(0.999)).toBe("1 point");
  });
});
