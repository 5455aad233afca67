import type { AuthoredQuestion } from "@/lib/question-types/schemas";

/** A validated question as its database row stores it (config and anchors as JSON). Pure, so the seed writes questions the way lib/data does. */
export function questionColumns(q: AuthoredQuestion) {
  return {
    type: q.type,
    title: q.title,
    prompt: q.prompt,
    format: q.format,
    config: JSON.stringify(q.config),
    generalFeedback: q.generalFeedback ?? "",
    anchors: JSON.stringify(q.anchors),
    category: q.category ?? "",
    defaultPoints: q.defaultPoints,
  };
}
