"use client";

import type { ConfigOf } from "@/lib/question-types/schemas";
import { ErrorText, RowButtons, TextField, describedBy, errorIdFor, fieldId, freshId, rowClass, rowIds, useListControls, type EditorProps } from "./parts";

type Item = ConfigOf<"ordering">["items"][number];

const MAX_ITEMS = 12;
const MIN_ITEMS = 2;

/** The items in the right order; students get them shuffled. */
export function OrderingEditor({ value, onChange, errors, idPrefix }: EditorProps<"ordering">) {
  const items = value.items;
  const setItems = (next: Item[]) => onChange({ ...value, items: next });
  const listId = fieldId(idPrefix, "items");
  const ids = rowIds(listId);
  const controls = useListControls(items, setItems, { ...ids, add: `${listId}-add`, first: (i) => fieldId(idPrefix, `items.${i}.text`) });
  const hintId = `${listId}-hint`;
  return (
    <div className="space-y-3">
      <ErrorText id={idPrefix} path="" messages={errors[""]} />
      <fieldset id={listId} className="space-y-3" aria-describedby={describedBy(hintId, errors.items?.length ? errorIdFor(listId) : null)}>
        <legend className="field-label">Items, in the right order</legend>
        <p id={hintId} className="text-sm text-muted">
          Write {MIN_ITEMS} to {MAX_ITEMS} items from first to last. Students see them shuffled and put them back in this order.
        </p>
        <ErrorText id={listId} path="items" messages={errors.items} />
        <ol className="space-y-3">
          {items.map((item, i) => {
            const p = `items.${i}`;
            const name = `item ${i + 1}`;
            return (
              <li key={item.id} className={rowClass} data-testid={`item-${i + 1}`}>
                <TextField id={fieldId(idPrefix, `${p}.text`)} path={`${p}.text`} label={`Item ${i + 1}`} value={item.text} onChange={(text) => setItems(items.map((x, k) => (k === i ? { ...x, text } : x)))} errors={errors[`${p}.text`]} maxLength={300} />
                <ErrorText id={fieldId(idPrefix, p)} path={p} messages={errors[p]} />
                <RowButtons index={i} count={items.length} rowName={name} idFor={ids} onMove={(by) => controls.move(i, by)} onRemove={() => controls.remove(i)} canRemove={items.length > MIN_ITEMS} />
              </li>
            );
          })}
        </ol>
        <button type="button" id={`${listId}-add`} className="btn-secondary" disabled={items.length >= MAX_ITEMS} onClick={() => controls.add({ id: freshId(items.map((x) => x.id)), text: "" })}>
          Add an item
        </button>
      </fieldset>
    </div>
  );
}
