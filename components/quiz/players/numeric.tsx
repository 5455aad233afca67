"use client";

import { useEffect, useRef, useState } from "react";
import { Legend, type PlayerProps } from "./parts";

export type ParsedNumber = { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid" };

/**
 * What a student types as a number: "1981", "2.5" or "2,5", "-3", "1 000", "1,234.5" or
 * "1.234,5". With one kind of separator used once it is the decimal point; used more than
 * once, or before the other kind, it groups thousands.
 */
export function parseDecimal(input: string): ParsedNumber {
  let s = input.replace(/[\s\u00a0\u202f'’]/g, "").replace(/^[−–]/, "-");
  if (s === "") return { kind: "empty" };
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas && dots) {
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const group = decimal === "," ? "." : ",";
    if ((decimal === "," ? commas : dots) > 1) return { kind: "invalid" };
    s = s.split(group).join("").replace(",", ".");
  } else if (commas > 1) {
    s = s.split(",").join("");
  } else if (dots > 1) {
    s = s.split(".").join("");
  } else {
    s = s.replace(",", ".");
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return { kind: "invalid" };
  const value = Number(s);
  return Number.isFinite(value) ? { kind: "number", value: Object.is(value, -0) ? 0 : value } : { kind: "invalid" };
}

/** A number, with the unit beside it when the author set one. Never emits NaN. */
export function NumericPlayer({ questionKey, view, value, onChange, disabled, label, describedBy }: PlayerProps<"numeric">) {
  const current = typeof value?.value === "number" && Number.isFinite(value.value) ? value.value : null;
  const [text, setText] = useState(() => (current === null ? "" : String(current)));
  const emitted = useRef<number | null>(current);
  // An answer that arrives from outside (restored from this device) replaces what is shown.
  useEffect(() => {
    if (current !== emitted.current) {
      emitted.current = current;
      setText(current === null ? "" : String(current));
    }
  }, [current]);

  const parsed = parseDecimal(text);
  const legendId = `${questionKey}-legend`;
  const unitId = `${questionKey}-unit`;
  const errorId = `${questionKey}-number-error`;
  const invalid = parsed.kind === "invalid";

  return (
    <fieldset disabled={disabled} aria-describedby={describedBy}>
      <Legend id={legendId} label={label} />
      <div className="mt-1 flex items-center gap-2">
        <input
          id={`${questionKey}-answer`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="field-input mt-0 max-w-48"
          aria-labelledby={view.unit ? `${legendId} ${unitId}` : legendId}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? errorId : undefined}
          maxLength={40}
          value={text}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            const p = parseDecimal(next);
            if (p.kind === "empty") {
              emitted.current = null;
              onChange(null, "typing");
            } else if (p.kind === "number") {
              emitted.current = p.value;
              onChange({ value: p.value }, "typing");
            }
            // Not a number yet (e.g. "-" or "1,2,3"): nothing is sent until it is one.
          }}
        />
        {view.unit ? (
          <span id={unitId} className="text-base">
            {view.unit}
          </span>
        ) : null}
      </div>
      {invalid ? (
        <p id={errorId} className="field-error" role="alert">
          Enter a number, e.g. 1981 or 2.5 (a comma works too: 2,5).{current !== null ? ` Your saved answer is still ${current}.` : ""}
        </p>
      ) : null}
    </fieldset>
  );
}
