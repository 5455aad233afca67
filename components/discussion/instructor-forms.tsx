"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

async function call(url: string, method: string, body: unknown): Promise<string | null> {
  try {
    const res = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (res.ok) return null;
    const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return data?.error?.message ?? `The server answered ${res.status}.`;
  } catch {
    return "No connection; try again.";
  }
}

function Status({ error, done }: { error: string | null; done: string | null }) {
  return (
    <p role="status" className={`text-sm ${error ? "text-red-800" : "text-muted"}`}>
      {error ?? done ?? ""}
    </p>
  );
}

export function DiscussionSettingsForm({ assignmentId, initial }: { assignmentId: string; initial: { visibility: string; anonymous: boolean } }) {
  const router = useRouter();
  const [visibility, setVisibility] = useState(initial.visibility);
  const [anonymous, setAnonymous] = useState(initial.anonymous);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="space-y-2 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const problem = await call(`/api/assignments/${assignmentId}/discussion/settings`, "PUT", { visibility, anonymous });
        setError(problem);
        setDone(problem ? null : "Saved.");
        router.refresh();
      }}
    >
      <fieldset>
        <legend className="font-semibold">Who sees students’ posts</legend>
        {[
          ["class", "The whole class"],
          ["groups", "Small groups (each sees its own group and you)"],
          ["post-before-see", "Post before you see (a prompt’s answers appear once the student has answered it)"],
        ].map(([v, label]) => (
          <label key={v} className="mt-1 flex items-center gap-2">
            <input type="radio" name="visibility" value={v} checked={visibility === v} onChange={() => setVisibility(v!)} />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        Anonymous to classmates (you always see names)
      </label>
      <button type="submit" className="rounded bg-accent px-3 py-1 font-semibold text-white">
        Save settings
      </button>
      <Status error={error} done={done} />
    </form>
  );
}

export function RandomGroupsForm({ assignmentId }: { assignmentId: string }) {
  const router = useRouter();
  const [size, setSize] = useState("4");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-2 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const problem = await call(`/api/assignments/${assignmentId}/discussion/groups`, "POST", { size: Number(size) });
        setError(problem);
        setDone(problem ? null : "New groups made.");
        router.refresh();
      }}
    >
      <label className="flex flex-col">
        <span className="font-semibold">Students per group</span>
        <input value={size} onChange={(e) => setSize(e.target.value)} inputMode="numeric" className="w-20 rounded border border-line p-1" />
      </label>
      <button type="submit" className="rounded border border-line px-3 py-1">
        Make random groups
      </button>
      <Status error={error} done={done} />
    </form>
  );
}

export function PromptForm({ assignmentId }: { assignmentId: string }) {
  const router = useRouter();
  const [n, setN] = useState("");
  const [body, setBody] = useState("");
  const [requireClaim, setRequireClaim] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="space-y-2 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const problem = await call(`/api/assignments/${assignmentId}/discussion/prompts`, "POST", { paragraph: `p-${n.trim()}`, body, requireClaim });
        setError(problem);
        if (!problem) {
          setDone("Prompt added.");
          setBody("");
          router.refresh();
        }
      }}
    >
      <h3 className="font-semibold">Add a prompt</h3>
      <label className="block">
        <span className="font-semibold">Paragraph number (¶)</span>
        <input value={n} onChange={(e) => setN(e.target.value)} inputMode="numeric" className="ml-2 w-20 rounded border border-line p-1" />
      </label>
      <label className="block">
        <span className="font-semibold">Prompt</span>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} className="mt-1 w-full rounded border border-line p-2" />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={requireClaim} onChange={(e) => setRequireClaim(e.target.checked)} />
        Answers must be a claim citing paragraphs
      </label>
      <button type="submit" className="rounded bg-accent px-3 py-1 font-semibold text-white">
        Add prompt
      </button>
      <Status error={error} done={done} />
    </form>
  );
}
