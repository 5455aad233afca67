/**
 * The demo class's discussion on the Mielke–Andropov note: three prompts (one of them the
 * historians' debate on a Soviet invasion of Poland) with posts and replies from the demo students,
 * so a newcomer opens a living discussion. Facts are those of the reading's own context notes
 * (prisma/content/mielke-andropov-1981/context-notes.json, "invasion-debate", "brest-meeting",
 * "afghanistan") and their sources.
 */
import type { Db } from "../lib/db/client.ts";
import { describeSpan } from "../lib/discussion/anchor.ts";
import { DEMO_INSTRUCTOR, DEMO_STUDENTS } from "./demo-accounts.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function seedDemoDiscussion(db: Db, readingId: string, now: Date): Promise<void> {
  const paragraphs = await db.paragraph.findMany({ where: { readingId }, orderBy: { position: "asc" }, select: { anchor: true, text: true } });
  const find = (phrase: string) => {
    const p = paragraphs.find((x) => x.text.includes(phrase));
    if (!p) throw new Error(`demo discussion: no paragraph contains “${phrase}”`);
    return p;
  };
  const num = (phrase: string) => find(phrase).anchor.slice(2);
  const users = await db.user.findMany({ where: { email: { in: [DEMO_INSTRUCTOR.email, ...DEMO_STUDENTS.map((s) => s.email)] } }, select: { id: true, email: true } });
  const id = (email: string) => users.find((u) => u.email === email)!.id;
  const [teacher, ben, chloe, dawit, eva] = [DEMO_INSTRUCTOR.email, "ben@dossier.test", "chloe@dossier.test", "dawit@dossier.test", "eva@dossier.test"].map(id) as [string, string, string, string, string];
  const assignment = await db.assignment.findFirstOrThrow({ where: { readingId, class: { instructorId: teacher } }, select: { id: true } });
  const hour = 3600_000;
  const ago = (h: number) => new Date(now.getTime() - h * hour);

  const brest = find("we met in Brest");
  const invasion = find("They are not afraid of a military invasion.");
  const sanctions = find("They are afraid of economic sanctions.");
  const afghanistan = find("In Afghanistan there is no more major fighting.");
  const hedge = find("Perhaps this is [only] my subjective opinion:");
  const olszowski = paragraphs.find((p) => p.text.includes("Soviet military intervention"));

  await db.$transaction(async (tx: Tx) => {
    const prompt = (p: { anchor: string }, body: string, requireClaim: boolean, h: number) =>
      tx.discussionPrompt.create({ data: { assignmentId: assignment.id, paragraphAnchor: p.anchor, body, requireClaim, createdAt: ago(h) }, select: { id: true } });
    const post = async (o: {
      author: string;
      p: { anchor: string; text: string };
      kind: string;
      body: string;
      h: number;
      quote?: string;
      cited?: string[];
      promptId?: string;
      parentId?: string;
      endorsed?: boolean;
      pinned?: boolean;
    }) => {
      let span = null;
      if (o.quote && !o.parentId) {
        const start = o.p.text.indexOf(o.quote);
        if (start < 0) throw new Error(`demo discussion: “${o.quote}” is not in ${o.p.anchor}`);
        span = describeSpan(o.p.text, start, start + o.quote.length);
      }
      return tx.annotation.create({
        data: {
          assignmentId: assignment.id,
          authorId: o.author,
          kind: o.kind,
          body: o.body,
          paragraphAnchor: o.p.anchor,
          parentId: o.parentId ?? null,
          promptId: o.promptId ?? null,
          quoteExact: span?.exact ?? null,
          quotePrefix: span?.prefix ?? null,
          quoteSuffix: span?.suffix ?? null,
          quoteStart: span?.start ?? null,
          quoteEnd: span?.end ?? null,
          citedAnchors: (o.cited ?? []).join(" "),
          createdAt: ago(o.h),
          endorsedAt: o.endorsed ? ago(o.h - 1) : null,
          pinnedAt: o.pinned ? ago(o.h - 1) : null,
        },
        select: { id: true },
      });
    };

    const pBrest = await prompt(
      brest,
      "Is Andropov’s account of the Brest meeting reliable? He dates it “February/March”; the meeting was held near Brest on the night of 3–4 April 1981. Does the slip change how far you trust the rest of his account? Cite the passage that decides it for you.",
      true,
      72,
    );
    const pInvasion = await prompt(
      invasion,
      "Historians’ debate: would Moscow have invaded Poland? This is still argued. Vojtech Mastny (1998) reads the Soviet record as a decision not to invade, pointing to the Politburo of 10 December 1981, where Andropov said troops would not be sent even if Poland fell under Solidarity’s control. Mark Kramer (1999) reads that refusal partly as a bargaining position to push Jaruzelski to act himself, and notes that an invasion had been prepared (the Suslov Commission of 25 August 1980, the build-up of December 1980). Jaruzelski later defended martial law as the “lesser evil” that averted invasion. What does this passage, said on 11 July 1981, let you claim? Make a claim and cite your evidence.",
      true,
      71,
    );
    const pAfghan = await prompt(
      afghanistan,
      "Corroboration: Andropov says “In Afghanistan there is no more major fighting.” What other evidence would you check, and what does it show? Remember what the speakers could and could not know in July 1981.",
      false,
      70,
    );

    const chloeClaim = await post({
      author: chloe,
      p: invasion,
      kind: "claim",
      quote: "I do not want to discuss this question right now.",
      promptId: pInvasion.id,
      cited: [invasion.anchor, sanctions.anchor],
      body: `Andropov does not say there will be no invasion: he says he *does not want to discuss* it, and goes straight on to economic sanctions (¶ ${num("They are afraid of economic sanctions.")}). In July 1981 the lever he talks about is oil, gas and loans.\n\nSo this passage fits Kramer better than Mastny: the option is left open, not ruled out.`,
      h: 50,
      pinned: true,
    });
    await post({
      author: ben,
      p: invasion,
      kind: "question",
      promptId: pInvasion.id,
      quote: "They are not afraid of a military invasion.",
      body: olszowski
        ? `If the Poles were “not afraid of a military invasion”, why does Olszowski accuse Grabski of being in favour of Soviet military intervention (¶ ${olszowski.anchor.slice(2)})? Somebody in Warsaw was talking about it.`
        : "If the Poles were “not afraid of a military invasion”, who in Warsaw was still talking about one?",
      h: 46,
    });
    const evaReply = await post({
      author: eva,
      p: invasion,
      kind: "comment",
      parentId: chloeClaim.id,
      body: "But at the Politburo on 10 December 1981 Andropov said troops would not be sent even if Poland fell to Solidarity. Doesn’t that support Mastny’s “non-invasion”?",
      h: 40,
    });
    await post({
      author: teacher,
      p: invasion,
      kind: "comment",
      parentId: evaReply.id,
      body: "Good evidence, Eva, but it is hindsight: on 11 July 1981 nobody in this room knew what the Politburo would say in December. And Kramer reads that same statement partly as a message aimed at Jaruzelski. What kind of source is a set of Politburo working notes, and who was meant to hear it?",
      h: 38,
    });

    const dawitClaim = await post({
      author: dawit,
      p: brest,
      kind: "claim",
      quote: "In February/March of this year we met in Brest",
      promptId: pBrest.id,
      cited: [brest.anchor],
      body: "The meeting was on 3–4 April 1981, so “February/March” is wrong by a few weeks. I don’t think that makes the account of *what* was said unreliable, but it shows the note records Andropov speaking from memory, not from papers in front of him.",
      h: 30,
      endorsed: true,
    });
    await post({
      author: chloe,
      p: brest,
      kind: "comment",
      parentId: dawitClaim.id,
      body: "Or the Stasi note-taker got it wrong, not Andropov. We only have the East German record of the talk.",
      h: 28,
    });
    await post({
      author: ben,
      p: afghanistan,
      kind: "comment",
      quote: "In Afghanistan there is no more major fighting.",
      promptId: pAfghan.id,
      body: "Later in the same meeting Mielke himself says many lost their lives. And official Soviet figures give 1,298 Soviet dead in 1981. So “no more major fighting” does not hold up.",
      h: 20,
    });
    await post({
      author: eva,
      p: hedge,
      kind: "question",
      quote: "Perhaps this is [only] my subjective opinion:",
      body: "Why would the head of the KGB call his own view “subjective” in front of an ally?",
      h: 6,
    });
    await post({
      author: chloe,
      p: brest,
      kind: "note",
      body: "Check the Brest date against the timeline before class.",
      h: 5,
    });

    await tx.helpfulMark.createMany({
      data: [
        { annotationId: chloeClaim.id, userId: ben },
        { annotationId: chloeClaim.id, userId: dawit },
        { annotationId: dawitClaim.id, userId: chloe },
        { annotationId: evaReply.id, userId: ben },
      ],
    });
  });
}
