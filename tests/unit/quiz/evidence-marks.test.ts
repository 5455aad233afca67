import { describe, expect, it } from "vitest";
import { citationShade, evidenceMarks } from "@/lib/quiz/evidence-marks";

const paragraphs = ["p-1", "p-2", "p-3", "p-4"].map((anchor) => ({ anchor }));

describe("evidenceMarks", () => {
  it("labels cited and key paragraphs in words, darker for more citations", () => {
    const marks = evidenceMarks({ citedParagraphs: [{ anchor: "p-2", count: 4 }, { anchor: "p-3", count: 1 }], keyParagraphs: ["p-2", "p-4"] }, paragraphs, 5);
    expect([...marks.keys()].sort()).toEqual(["p-2", "p-3", "p-4"]);
    expect(marks.get("p-2")).toMatchObject({ count: 4, inKey: true, label: "In the key · cited by 4 of 5" });
    expect(marks.get("p-3")).toMatchObject({ count: 1, inKey: false, label: "Cited by 1 of 5" });
    expect(marks.get("p-4")).toMatchObject({ count: 0, inKey: true, label: "In the key · cited by none" });
    expect(marks.get("p-2")!.className).toContain("bg-blue-200");
    expect(marks.get("p-3")!.className).toContain("bg-blue-50");
    expect(marks.get("p-4")!.className).not.toMatch(/bg-blue/);
    expect(marks.get("p-4")!.className).toContain("outline-dashed");
    expect(marks.has("p-1")).toBe(false);
  });
  it("leaves out paragraphs the reading does not have", () => {
    const marks = evidenceMarks({ citedParagraphs: [{ anchor: "p-999", count: 2 }], keyParagraphs: ["p-998"] }, paragraphs, 2);
    expect(marks.size).toBe(0);
  });
  it("draws nothing when nothing was cited and the key is empty", () => {
    expect(evidenceMarks({ citedParagraphs: [], keyParagraphs: [] }, paragraphs, 0).size).toBe(0);
  });
});

describe("citationShade", () => {
  it("has no shade for nothing and the darkest for the most cited", () => {
    expect(citationShade(0)).toBe("");
    expect(citationShade(Number.NaN)).toBe("");
    expect(citationShade(0.01)).toBe("bg-blue-50");
    expect(citationShade(0.5)).toBe("bg-blue-100");
    expect(citationShade(1)).toBe("bg-blue-200");
    expect(citationShade(7)).toBe("bg-blue-200");
  });
});
