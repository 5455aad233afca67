import type { z } from "zod";

import type { GradeResult, QuestionTypePlugin } from "./contract";
import { essay } from "./essay";
import { evidence } from "./evidence";
import type { QuestionTypeId } from "./ids";
import { matching } from "./matching";
import { multipleChoice } from "./multiple-choice";
import { multipleResponse } from "./multiple-response";
import { numeric } from "./numeric";
import { ordering } from "./ordering";
import { configSchemas, responseSchemas, type ConfigOf, type ResponseOf } from "./schemas";
import { shortAnswer } from "./short-answer";
import { trueFalse } from "./true-false";
import { viewId, viewIdDecoder } from "./view-ids";

/** Every type's plugin. Adding an id to ids.ts without a plugin here is a compile error. */
export const questionTypes = {
  "multiple-choice": multipleChoice,
  "multiple-response": multipleResponse,
  "true-false": trueFalse,
  "short-answer": shortAnswer,
  numeric,
  ordering,
  matching,
  essay,
  evidence,
} satisfies { [K in QuestionTypeId]: QuestionTypePlugin<K, unknown> };

export type PlayerViewOf<T extends QuestionTypeId> = ReturnType<(typeof questionTypes)[T]["toPlayerView"]>;

/**
 * The same object seen through the contract, so that `plugins[type]` with a generic `type` is a
 * QuestionTypePlugin<T, …> and its config, response and view types line up with each other.
 */
const plugins: { [K in QuestionTypeId]: QuestionTypePlugin<K, PlayerViewOf<K>> } = questionTypes;

/** The schemas seen as "something that parses to ConfigOf<K>", for the same reason. */
const configSchemaOf: { [K in QuestionTypeId]: z.ZodType<ConfigOf<K>> } = configSchemas;
const responseSchemaOf: { [K in QuestionTypeId]: z.ZodType<ResponseOf<K>> } = responseSchemas;

/** The plugin for `type`, typed so its config, response and view belong together. */
export function pluginFor<T extends QuestionTypeId>(type: T): QuestionTypePlugin<T, PlayerViewOf<T>> {
  return plugins[type];
}

export interface QuestionDataIssue {
  /** Where in the data, e.g. "options.2.text"; "" for the whole value. */
  path: string;
  message: string;
}

/**
 * A question's stored config, or a submitted response, that does not have its type's shape.
 * A bad config is an authoring or data bug; a bad response is usually a stale or forged request.
 */
export class QuestionDataError extends Error {
  override name = "QuestionDataError";
  constructor(
    readonly code: "invalid_config" | "invalid_response",
    readonly questionType: QuestionTypeId,
    readonly issues: QuestionDataIssue[],
  ) {
    const label = questionTypes[questionType].label.toLowerCase();
    const what = code === "invalid_config" ? `This ${label} question's settings are not valid` : `This answer to a ${label} question is not valid`;
    const details = issues
      .slice(0, 3)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
      .join("; ");
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
    super(`${what}: ${details}${more}.`);
  }
}

function parseWith<Output>(schema: z.ZodType<Output>, value: unknown, code: QuestionDataError["code"], type: QuestionTypeId): Output {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new QuestionDataError(
    code,
    type,
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

/**
 * Parsed configs of frozen config objects. A frozen config is immutable data shared by every
 * attempt whose snapshot has that question (lib/data/snapshots.ts freezes them), so parsing it
 * once serves a whole class: players, saves, grading and reviews. Kept per object (a WeakMap, so
 * it goes when the config does) and frozen, since every caller shares it.
 */
const parsedFrozen = new WeakMap<object, Map<QuestionTypeId, unknown>>();

function deepFreeze<V>(value: V): V {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function parseConfig<T extends QuestionTypeId>(type: T, config: unknown): ConfigOf<T> {
  if (config === null || typeof config !== "object" || !Object.isFrozen(config)) return parseWith(configSchemaOf[type], config, "invalid_config", type);
  const byType = parsedFrozen.get(config) ?? parsedFrozen.set(config, new Map()).get(config)!;
  if (byType.has(type)) return byType.get(type) as ConfigOf<T>;
  // A config that doesn't parse throws every time, as it would without the cache.
  const parsed = deepFreeze(parseWith(configSchemaOf[type], config, "invalid_config", type));
  byType.set(type, parsed);
  return parsed;
}

/** null and undefined mean "not answered", which is not an error. */
export function parseResponse<T extends QuestionTypeId>(type: T, response: unknown): ResponseOf<T> | null {
  if (response === null || response === undefined) return null;
  return parseWith(responseSchemaOf[type], response, "invalid_response", type);
}

/** Grades untrusted data (a stored snapshot, a request body); throws QuestionDataError on a bad shape. */
export function gradeQuestion<T extends QuestionTypeId>(type: T, config: unknown, response: unknown): GradeResult {
  return plugins[type].grade(parseConfig(type, config), parseResponse(type, response));
}

/** What the student's browser may receive for this question; throws QuestionDataError on a bad config. */
export function playerView<T extends QuestionTypeId>(type: T, config: unknown, opts: { seed: string; shuffle: boolean }): PlayerViewOf<T> {
  return plugins[type].toPlayerView(parseConfig(type, config), opts);
}

/**
 * A stored response (authored ids) as the student's browser knows it (view ids): for resuming an
 * attempt and for the review. Null stays null.
 */
export function responseToView<T extends QuestionTypeId>(type: T, config: unknown, response: unknown, seed: string): ResponseOf<T> | null {
  const parsed = parseResponse(type, response);
  return parsed === null ? null : plugins[type].mapResponseIds(parsed, (id) => viewId(seed, id));
}

/**
 * A response from the student's browser (view ids) in authored ids, ready to store and grade.
 * An id that is not one of this question's view ids is refused (QuestionDataError), so a response
 * built from guessed authored ids is not an answer.
 */
export function responseFromView<T extends QuestionTypeId>(type: T, config: unknown, response: unknown, seed: string): ResponseOf<T> | null {
  const parsed = parseResponse(type, response);
  if (parsed === null) return null;
  const plugin = plugins[type];
  const decoder = viewIdDecoder(seed, plugin.responseIds(parseConfig(type, config)));
  const unknown: string[] = [];
  const decoded = plugin.mapResponseIds(parsed, (id) => {
    const authored = decoder.get(id);
    if (authored === undefined) unknown.push(id);
    return authored ?? id;
  });
  if (unknown.length > 0) throw new QuestionDataError("invalid_response", type, [{ path: "", message: "it names options that are not part of this question" }]);
  return decoded;
}

/**
 * For the "you have not answered…" check on submit: the type's own isComplete, on the same view
 * and view-id response the student's browser judged (so both always agree).
 */
export function isAnswerComplete<T extends QuestionTypeId>(type: T, config: unknown, response: unknown, seed: string): boolean {
  const inView = responseToView(type, config, response, seed);
  if (inView === null) return false;
  return plugins[type].isComplete(playerView(type, config, { seed, shuffle: false }), inView);
}

/** A response that earns full marks (for review after the attempt), or null where none exists. */
export function correctResponseFor<T extends QuestionTypeId>(type: T, config: unknown): ResponseOf<T> | null {
  return plugins[type].correctResponse(parseConfig(type, config));
}

/**
 * Reads stored data for display, where one old or broken answer must not take a whole page down:
 * a QuestionDataError reads as `fallback`; anything else is a bug and is thrown.
 */
function leniently<R>(fallback: R, read: () => R): R {
  try {
    return read();
  } catch (e) {
    if (e instanceof QuestionDataError) return fallback;
    throw e;
  }
}

/** How an answer (in authored ids) reads to an instructor, one label per thing chosen; [] for none or for data that no longer fits the type. */
export function answerLabelsFor<T extends QuestionTypeId>(type: T, config: unknown, response: unknown): string[] {
  return leniently([], () => {
    const parsed = parseResponse(type, response);
    return parsed === null ? [] : plugins[type].answerLabels(parseConfig(type, config), parsed);
  });
}

/** answerLabelsFor with the config read once: for labelling a whole class's answers to one question. */
export function answerLabellerFor<T extends QuestionTypeId>(type: T, config: unknown): (response: unknown) => string[] {
  const parsed = leniently(null, () => parseConfig(type, config));
  if (parsed === null) return () => [];
  return (response) =>
    leniently([], () => {
      const r = parseResponse(type, response);
      return r === null ? [] : plugins[type].answerLabels(parsed, r);
    });
}

/** The form in which two of the question's answer labels count as the same answer (as grading compares typed text). */
export function answerGroupFor<T extends QuestionTypeId>(type: T, config: unknown): (label: string) => string {
  const group = plugins[type].answerGroup;
  if (!group) return (label) => label;
  const parsed = leniently(null, () => parseConfig(type, config));
  return parsed === null ? (label) => label : (label) => group(parsed, label);
}

/** The answer key at a glance, a line each (see the contract); [] for settings that no longer fit the type. */
export function keySummaryFor<T extends QuestionTypeId>(type: T, config: unknown): string[] {
  return leniently([], () => plugins[type].keySummary(parseConfig(type, config)));
}

/** Test data every type ships (see fixtures.ts in each folder); the contract test runs them all. */
export interface QuestionFixtures<T extends QuestionTypeId> {
  config: ConfigOf<T>;
  responses: {
    /** Full marks (for essays: a serious attempt, which still needs a grader). */
    correct: ResponseOf<T>;
    /** Some credit, or null where the type has no partial credit. */
    partial: ResponseOf<T> | null;
    /** Answered, no credit. */
    wrong: ResponseOf<T>;
    /** The emptiest response the schema allows, or null where any valid response is an answer. */
    empty: ResponseOf<T> | null;
  };
  /** The view has at least 3 things the seed reorders. */
  shuffles: boolean;
}
