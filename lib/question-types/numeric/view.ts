import type { ConfigOf } from "@/lib/question-types/schemas";

export interface NumericView {
  /** Shown beside the input ("km", "years"); absent when the author set none. */
  unit?: string;
}

export function toPlayerView(config: ConfigOf<"numeric">, _opts: { seed: string; shuffle: boolean }): NumericView {
  return config.unit === undefined ? {} : { unit: config.unit };
}
