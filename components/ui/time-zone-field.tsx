"use client";

import { useEffect, useState } from "react";
import { FieldError, FieldLabel, describedBy, hintIdFor } from "./field";

/**
 * A time zone chosen from the IANA list, grouped by region. With `adoptBrowserZone` it starts at
 * the browser's own zone (the instructor's, for a new class) once JavaScript runs; without
 * JavaScript it starts at `defaultValue`, the zone on their account.
 */
export function TimeZoneField({
  name = "timeZone",
  label = "Time zone",
  zones,
  defaultValue,
  adoptBrowserZone = false,
  hint,
  errors,
}: {
  name?: string;
  label?: string;
  zones: readonly string[];
  defaultValue: string;
  adoptBrowserZone?: boolean;
  hint?: string;
  errors?: string[] | undefined;
}) {
  const [value, setValue] = useState(defaultValue);
  useEffect(() => {
    if (!adoptBrowserZone) return;
    try {
      const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (own && zones.includes(own)) setValue(own);
    } catch {
      /* keep the account's zone */
    }
  }, [adoptBrowserZone, zones]);

  const regions = new Map<string, string[]>();
  for (const zone of zones) {
    if (!zone.includes("/")) continue;
    const region = zone.slice(0, zone.indexOf("/"));
    regions.set(region, [...(regions.get(region) ?? []), zone]);
  }
  const loose = zones.filter((z) => !z.includes("/"));
  if (!zones.includes(value)) loose.unshift(value);
  const errorId = `${name}-error`;
  return (
    <div>
      <FieldLabel id={name} label={label} hint={hint} />
      <select
        id={name}
        name={name}
        className="field-input"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(hint ? hintIdFor(name) : null, errors?.length ? errorId : null)}
      >
        {loose.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
        {[...regions].map(([region, list]) => (
          <optgroup key={region} label={region}>
            {list.map((z) => (
              <option key={z} value={z}>
                {z.slice(region.length + 1).replace(/_/g, " ").replace(/\//g, " / ")}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
