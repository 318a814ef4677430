/**
 * Generate a realistic synthetic claim database as a pure function of (options, seed):
 * the same seed gives the same rows, byte for byte. Nothing reads the clock: every
 * timestamp is drawn from a fixed window (2021-01-01 to 2025-06-30). `streamDataset` hands
 * the rows out in chunks of claims with bounded memory (a million claims and more);
 * `generateDataset` collects them into one object.
 *
 * Shape, at 100,000 claims: ~3 attributions per claim (1–8), ~2,000 actors of five kinds
 * with a long-tailed popularity, ~10,000 article snapshots whose text really contains
 * every quote at the stored offsets, via-chains on ~15% of attributions, ~15% contested
 * claims, 20 topics, verdict histories, accuracy histories and threaded notes.
 */
import { anchorAt } from "@/lib/sources/anchoring";
import { normalizeKey } from "@/lib/text/normalize";
import { sha256Hex } from "@/lib/text/sha256";
import type { Accuracy, ActorKind, Sourcing, Stance } from "@/lib/vocabulary/terms";
import { FingerprintSet } from "@/tools/synthetic/fingerprint-set";
import { Random, ZipfPicker, weights, type Weights } from "@/tools/synthetic/random";
import { LOWERCASE_STARTERS, QUOTE_FRAMES, TOPICS } from "@/tools/synthetic/topics";
import {
  ACCURACY_RATIONALES,
  COUNTRIES,
  FILLER_SENTENCES,
  FIRST_NAMES,
  GOVERNMENT_BODIES,
  LAST_NAMES,
  MONTHS,
  NOTE_BODIES,
  NOTE_REPLIES,
  ORGANISATION_PATTERNS,
  OUTLET_PATTERNS,
  PERSON_ROLES,
  PLACES,
  REGIONS,
  STATUS_RATIONALES,
  UNNAMED_PATTERNS,
  WEEKDAYS,
  type Country,
} from "@/tools/synthetic/words";
import type {
  ActorRow,
  AliasRow,
  AnnotationRow,
  AttributionRow,
  AuditRow,
  ClaimRow,
  SourceRow,
  SyntheticDataset,
  TopicRow,
  UserRow,
} from "@/tools/synthetic/dataset";

export type GenerateOptions = {
  claims: number;
  seed: number;
  /** Defaults to ~2,000 at 100k claims, growing with the square root of the claim count. */
  actors?: number;
  /** Defaults to one source per 10 claims. */
  sources?: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WINDOW_START = Date.UTC(2021, 0, 1);
const WINDOW_END = Date.UTC(2025, 5, 30, 23, 59);
const ACCOUNTS_CREATED = Date.UTC(2020, 10, 2, 9, 0);

/** How many attributions a claim has: 1–8, mean ≈ 3.1. */
const ATTRIBUTION_COUNTS = weights({ 1: 15, 2: 27, 3: 25, 4: 15, 5: 9, 6: 5, 7: 2.5, 8: 1.5 });

/** Final verdict distribution over the 9 default status keys. */
const STATUS_SHARES = {
  unreviewed: 40,
  in_review: 12,
  true: 8,
  mostly_true: 7,
  mixed: 6,
  misleading: 7,
  mostly_false: 6,
  false: 10,
  unverifiable: 4,
} as const;
type StatusKey = keyof typeof STATUS_SHARES;
const STATUS_WEIGHTS = weights<StatusKey>(STATUS_SHARES);
const FINAL_STATUSES: StatusKey[] = ["true", "mostly_true", "mixed", "misleading", "mostly_false", "false", "unverifiable"];

/** Which kind of actor takes which stance. */
const KIND_BY_STANCE: Record<Stance, Weights<ActorKind>> = {
  asserts: weights<ActorKind>({ person: 50, government: 20, organisation: 12, unnamed_source: 13, news_outlet: 5 }),
  denies: weights<ActorKind>({ person: 45, government: 35, organisation: 15, unnamed_source: 5 }),
  reports: weights<ActorKind>({ news_outlet: 60, unnamed_source: 20, organisation: 10, person: 10 }),
  declines_to_clarify: weights<ActorKind>({ person: 50, government: 40, organisation: 10 }),
};

/**
 * Stances outside the planned contest. Denials are rare here: a denial next to another
 * actor's assertion makes a claim contested, and that share is set by CONTESTED_SHARE.
 */
const STANCE_WEIGHTS = weights<Stance>({ asserts: 48, reports: 40, denies: 5, declines_to_clarify: 7 });
/** Claims (with 2+ attributions) planned as contested: asserted by one actor, denied by another. */
const CONTESTED_SHARE = 0.1;
const VIA_LENGTHS = weights({ 1: 80, 2: 15, 3: 5 });

/** Denial verbs and the phrase an article would use for them. */
const DENIAL_PHRASES: Record<string, string> = {
  denied: "denied the reports",
  rejected: "rejected the reports",
  "dismissed as fake news": "dismissed the reports as fake news",
  "called false": "called the reports false",
  refuted: "refuted the reports",
  "denounced as a fabrication": "denounced the reports as a fabrication",
};
const VERBS: Record<Stance, readonly string[]> = {
  asserts: ["said", "stated", "claimed", "told reporters", "insisted", "announced", "alleged", "confirmed", "wrote"],
  denies: Object.keys(DENIAL_PHRASES),
  reports: ["reported", "wrote", "cited", "relayed", "published"],
  declines_to_clarify: ["declined to comment", "refused to clarify", "did not answer questions", "declined to elaborate"],
};
const HEADLINE_VERBS: Record<Stance, string> = {
  asserts: "says",
  denies: "denies",
  reports: "reports",
  declines_to_clarify: "declines to comment on reports",
};

const ACCURACY_OUTCOMES = weights<Accuracy>({
  confirmed_by_primary_source: 45,
  unconfirmed: 25,
  disputed: 20,
  misattributed: 10,
});

export function defaultActorCount(claims: number): number {
  return Math.max(40, Math.round(2000 * Math.sqrt(Math.min(claims, 4_000_000) / 100_000)));
}

export function defaultSourceCount(claims: number): number {
  return Math.max(10, Math.round(claims / 10));
}

/** Claims per chunk of `streamDataset`: large enough for cheap statements, small enough to stay a few MB. */
export const CHUNK_CLAIMS = 10_000;

export type SyntheticVocabulary = Pick<SyntheticDataset, "seed" | "users" | "topics" | "actors" | "aliases">;
export type SyntheticChunk = Omit<SyntheticDataset, keyof SyntheticVocabulary>;
export type SyntheticStream = { vocabulary: SyntheticVocabulary; chunks: Iterable<SyntheticChunk> };

/** The whole dataset in memory: the chunks of `streamDataset`, concatenated (tests, small loads). */
export function generateDataset(options: GenerateOptions): SyntheticDataset {
  const { vocabulary, chunks } = streamDataset(options);
  const dataset: SyntheticDataset = { ...vocabulary, ...emptyChunk() };
  for (const chunk of chunks) {
    for (const key of Object.keys(chunk) as (keyof SyntheticChunk)[]) {
      const rows = dataset[key] as unknown[];
      for (const row of chunk[key]) rows.push(row);
    }
  }
  return dataset;
}

/**
 * The same rows as `generateDataset`, in order, as a vocabulary (users, topics, actors)
 * and then chunks of about `chunkClaims` claims, each holding the rows that became final
 * with them: the sources whose text is complete, the claims whose sources are all written,
 * their attributions, via links, histories and notes, and the audit entries no later claim
 * can precede. Memory is a window, not the dataset: a claim's attributions cite sources
 * within ±3.5 × `spread` of its first one (see `claimGenerator`), so a source is written
 * once every claim that can cite it has been drawn, and a claim leaves once its sources
 * are written. What grows with the size: 4 bytes a claim (the sorted first sources), 16
 * bytes a claim (the text fingerprints) and the source metadata (one in ten claims).
 */
export function streamDataset(options: GenerateOptions, chunkClaims = CHUNK_CLAIMS): SyntheticStream {
  if (!Number.isInteger(options.claims) || options.claims < 1) throw new Error("claims must be a positive whole number");
  const seed = options.seed;
  const users = generateUsers();
  const topics = generateTopics();
  const { actors, aliases, byKind } = generateActors(new Random(seed, "actors"), options.actors ?? defaultActorCount(options.claims));
  const outlets = byKind.news_outlet.map((id) => actors[id - 1]!.name);
  const sourceMeta = generateSourceMeta(new Random(seed, "sources"), options.sources ?? defaultSourceCount(options.claims), outlets);
  const claims = claimGenerator(new Random(seed, "claims"), options.claims, topics, actors, byKind, sourceMeta);
  const articles = articleWriter(new Random(seed, "articles"), actors, topics);
  const workflow = workflowWriter(new Random(seed, "workflow"), users);
  return {
    vocabulary: { seed, users, topics, actors, aliases },
    chunks: generateChunks({ count: options.claims, chunkClaims, sourceMeta, claims, articles, workflow }),
  };
}

function emptyChunk(): SyntheticChunk {
  return { sources: [], claims: [], attributions: [], vias: [], statusChanges: [], accuracyChanges: [], annotations: [], audit: [] };
}

function* generateChunks(parts: {
  count: number;
  chunkClaims: number;
  sourceMeta: SourceMeta[];
  claims: ReturnType<typeof claimGenerator>;
  articles: ReturnType<typeof articleWriter>;
  workflow: ReturnType<typeof workflowWriter>;
}): Generator<SyntheticChunk> {
  const { count, chunkClaims, sourceMeta, claims, articles, workflow } = parts;
  const bySource = new Map<number, PendingAttribution[]>();
  const urls = new Map<number, string>();
  const pending: PendingClaim[] = [];
  let head = 0;
  let nextSource = 0;
  let chunk = emptyChunk();

  for (let index = 0; index < count; index++) {
    const claim = claims.next(index);
    pending.push(claim);
    for (const attribution of claim.attributions) {
      const at = attribution.row.sourceId - 1;
      if (at < nextSource) throw new Error(`synthetic attribution ${attribution.row.id} cites source ${at + 1}, already written`);
      const list = bySource.get(at);
      if (list) list.push(attribution);
      else bySource.set(at, [attribution]);
    }
    // No later claim reaches a source below the next claim's first one minus the reach.
    const last = index === count - 1;
    const final = last ? sourceMeta.length : claims.centre(index + 1) - claims.reach;
    for (; nextSource < final; nextSource++) {
      const source = articles.write(sourceMeta[nextSource]!, nextSource, bySource.get(nextSource) ?? []);
      bySource.delete(nextSource);
      urls.set(source.id, source.url);
      chunk.sources.push(source);
    }
    for (; head < pending.length && pending[head]!.lastSource < nextSource; head++) workflow.run(pending[head]!, urls, chunk);

    if (last || chunk.claims.length >= chunkClaims) {
      // Every audit entry of a claim still to come is later than that claim's creation,
      // which is later than its first source's publication.
      let bound = last ? Infinity : sourceMeta[claims.centre(index + 1)]!.time;
      for (let i = head; i < pending.length; i++) bound = Math.min(bound, pending[i]!.row.createdAt);
      chunk.audit = workflow.auditUpTo(bound);
      yield chunk;
      chunk = emptyChunk();
      pending.splice(0, head);
      head = 0;
      // URLs are read as evidence by the claims still pending, whose sources are within reach of their first.
      const keepFrom = pending.length > 0 ? claims.centre(index + 1 - pending.length) - claims.reach : Infinity;
      for (const id of urls.keys()) {
        if (id - 1 >= keepFrom) break;
        urls.delete(id);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Users and topics
// ---------------------------------------------------------------------------

/** A few accounts to author verdicts and notes. They have no password: they cannot sign in. */
function generateUsers(): UserRow[] {
  const people: [string, UserRow["role"]][] = [
    ["Ada Reviewer", "admin"],
    ["Bruno Checker", "fact_checker"],
    ["Chiara Checker", "fact_checker"],
    ["Dawit Checker", "fact_checker"],
    ["Eva Checker", "fact_checker"],
    ["Farah Reader", "viewer"],
  ];
  return people.map(([name, role], index) => ({
    id: `synthetic-user-${index + 1}`,
    name,
    email: `${name.split(" ")[0]!.toLowerCase()}@synthetic.claimtrail.invalid`,
    role,
    createdAt: ACCOUNTS_CREATED + index * DAY,
  }));
}

function generateTopics(): TopicRow[] {
  return TOPICS.map((topic, index) => ({ id: index + 1, key: topic.key, label: topic.label, description: topic.description }));
}

// ---------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------

type ActorsByKind = Record<ActorKind, number[]>;

function generateActors(random: Random, total: number) {
  const share = (fraction: number, cap: number) => Math.max(2, Math.min(cap, Math.round(total * fraction)));
  const counts: Record<ActorKind, number> = {
    government: share(0.1, COUNTRIES.length * GOVERNMENT_BODIES.length),
    organisation: share(0.15, REGIONS.length * ORGANISATION_PATTERNS.length),
    news_outlet: share(0.08, COUNTRIES.length * OUTLET_PATTERNS.length),
    unnamed_source: share(0.12, 1500),
    person: 0,
  };
  counts.person = Math.max(2, Math.min(FIRST_NAMES.length * LAST_NAMES.length - 100, total - counts.government - counts.organisation - counts.news_outlet - counts.unnamed_source));

  const taken = new Set<string>();
  type Draft = Omit<ActorRow, "id" | "createdAt"> & { aliases: string[] };
  const drafts: Draft[] = [];
  const add = (name: string, kind: ActorKind, role: string | null, affiliation: string | null, aliases: string[] = []): boolean => {
    const key = normalizeKey(name);
    if (taken.has(key)) return false;
    taken.add(key);
    drafts.push({ name, normalizedName: key, kind, role, affiliation, aliases });
    return true;
  };

  // Governments and organisations: every combination, shuffled, the first n kept.
  const governments = random.shuffle(COUNTRIES.flatMap((country) => GOVERNMENT_BODIES.map((body) => ({ country, body }))));
  for (const { country, body } of governments.slice(0, counts.government)) {
    const name = fill(body, countrySlots(country));
    const aliases = body.startsWith("Government") || body.includes("Presidential") ? [country.capital] : [];
    add(name, "government", null, country.name, aliases);
  }
  const organisations = random.shuffle(REGIONS.flatMap((region) => ORGANISATION_PATTERNS.map((pattern) => fill(pattern, { region }))));
  const orgNames = organisations.slice(0, counts.organisation);
  for (const name of orgNames) add(name, "organisation", null, null, random.chance(0.5) ? [acronym(name)] : []);
  const outlets = random.shuffle(COUNTRIES.flatMap((country) => OUTLET_PATTERNS.map((pattern) => ({ country, name: fill(pattern, { city: country.capital }) }))));
  for (const { country, name } of outlets.slice(0, counts.news_outlet)) {
    add(name, "news_outlet", null, country.name, random.chance(0.3) ? [name.replace(/^The /, "").replace(/ (Herald|Wire|Post|Daily|Observer|Telegraph|Courier|Ledger|Gazette)$/, " $1 online")] : []);
  }
  for (let made = 0, attempts = 0; made < counts.unnamed_source && attempts < counts.unnamed_source * 50; attempts++) {
    const country = random.pick(COUNTRIES);
    const name = fill(random.pick(UNNAMED_PATTERNS), { ...countrySlots(country), org: random.pick(orgNames), place: random.pick(PLACES) });
    if (add(name, "unnamed_source", null, country.name)) made++;
  }
  for (let made = 0, attempts = 0; made < counts.person && attempts < counts.person * 50; attempts++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const country = random.pick(COUNTRIES);
    const role = random.chance(0.75) ? personRole(random, country, orgNames) : null;
    if (add(`${first} ${last}`, "person", role, country.name, random.chance(0.25) ? [`${first[0]}. ${last}`] : [])) made++;
  }

  // Creation order mixes the kinds; ids follow it.
  random.shuffle(drafts);
  const actors: ActorRow[] = [];
  const aliases: AliasRow[] = [];
  const aliasTaken = new Set<string>();
  const byKind: ActorsByKind = { person: [], government: [], organisation: [], news_outlet: [], unnamed_source: [] };
  drafts.forEach((draft, index) => {
    const id = index + 1;
    actors.push({ id, name: draft.name, normalizedName: draft.normalizedName, kind: draft.kind, role: draft.role, affiliation: draft.affiliation, createdAt: Date.UTC(2020, 11, 1) + index * 7 * MINUTE });
    byKind[draft.kind].push(id);
    for (const alias of draft.aliases) {
      const key = normalizeKey(alias);
      // An alias resolves to exactly one actor and never shadows another actor's name.
      if (key === draft.normalizedName || aliasTaken.has(key) || taken.has(key)) continue;
      aliasTaken.add(key);
      aliases.push({ id: aliases.length + 1, actorId: id, alias, normalizedAlias: key });
    }
  });
  // Popularity: within a kind, the order of byKind is the Zipf rank; shuffle it apart from id order.
  for (const kind of Object.keys(byKind) as ActorKind[]) random.shuffle(byKind[kind]);
  return { actors, aliases, byKind };
}

function personRole(random: Random, country: Country, orgs: readonly string[]): string {
  const other = random.pick(COUNTRIES.filter((c) => c !== country));
  return fill(random.pick(PERSON_ROLES), { ...countrySlots(country), country2: other.name, place: random.pick(PLACES), org: random.pick(orgs) });
}

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => !["for", "the", "of"].includes(word))
    .map((word) => word[0]!.toUpperCase())
    .join("");
}

// ---------------------------------------------------------------------------
// Sources (metadata first; the text is written once the claims are known)
// ---------------------------------------------------------------------------

type SourceMeta = { id: number; outlet: string; outletDomain: string; author: string | null; publishedAt: number | null; time: number; createdAt: number };

/** `outlets` in popularity order (the most cited first). */
function generateSourceMeta(random: Random, count: number, outlets: string[]): SourceMeta[] {
  // Publication times, sorted: source ids follow publication order, as an archive crawled over time would.
  const times = Array.from({ length: count }, () => WINDOW_START + Math.floor(random.next() * (WINDOW_END - WINDOW_START)));
  times.sort((a, b) => a - b);
  const outletPick = new ZipfPicker(Math.max(1, outlets.length), 0.9, 2);
  return times.map((time, index) => {
    const outletName = outlets[outletPick.pick(random)] ?? "The Velgrad Herald";
    const published = random.chance(0.01) ? null : time;
    return {
      id: index + 1,
      outlet: outletName,
      outletDomain: slug(outletName.replace(/^The /, "")),
      author: random.chance(0.8) ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : null,
      publishedAt: published,
      time,
      createdAt: time + random.int(10 * MINUTE, 3 * DAY),
    };
  });
}

// ---------------------------------------------------------------------------
// Claims and attributions
// ---------------------------------------------------------------------------

/** A claim drawn but not yet written: it waits for the texts of the sources it cites. */
type PendingClaim = { row: ClaimRow; core: string; attributions: PendingAttribution[]; lastSource: number };
/** `quote` is the framed quote the article will carry; `via` the relaying actors, first to last. */
type PendingAttribution = { row: AttributionRow; quote: string; via: number[]; claim: PendingClaim };

/**
 * Draws claims one at a time, in order. Each claim has a "centre", the source where it
 * first appears; the centres are drawn first and sorted, so claims follow time. Its other
 * attributions cite sources around the centre, at most `reach` sources away.
 */
function claimGenerator(random: Random, count: number, topics: TopicRow[], actors: ActorRow[], byKind: ActorsByKind, sources: SourceMeta[]) {
  const topicOrder = random.shuffle(topics.map((topic) => topic.id));
  const topicPick = new ZipfPicker(topicOrder.length, 0.8, 3);
  const kindPickers = Object.fromEntries(
    (Object.keys(byKind) as ActorKind[]).map((kind) => [kind, new ZipfPicker(Math.max(1, byKind[kind].length), 1, 3)]),
  ) as Record<ActorKind, ZipfPicker>;
  const pickActor = (kind: ActorKind): number => {
    const ids = byKind[kind].length > 0 ? byKind[kind] : byKind.person;
    return ids[kindPickers[kind].pick(random)] ?? ids[0]!;
  };
  const orgNames = byKind.organisation.map((id) => actors[id - 1]!.name);

  const centres = Int32Array.from({ length: count }, () => Math.floor(random.next() * sources.length)).sort();
  const spread = Math.max(2, Math.round(sources.length * 0.008));
  // |gaussian()| < 2√3, plus one for the step to the next source when actor and source repeat.
  const reach = Math.ceil(2 * Math.sqrt(3) * spread) + 2;
  const seen = new FingerprintSet();
  let attributionCount = 0;

  function next(index: number): PendingClaim {
    const claimId = index + 1;
    const centre = sources[centres[index]!]!;
    const topicId = topicOrder[topicPick.pick(random)]!;
    const { text, normalizedText } = uniqueClaimText(random, topicId, centre.time, orgNames, seen);
    const core = text.replace(/\.$/, "");
    const createdAt = centre.createdAt + random.int(10 * MINUTE, 2 * DAY);
    const claim: PendingClaim = {
      row: { id: claimId, text, normalizedText, topicId, statusKey: "unreviewed", version: 1, createdAt, updatedAt: createdAt },
      core,
      attributions: [],
      lastSource: centres[index]!,
    };

    const n = Number(random.weighted(ATTRIBUTION_COUNTS));
    const contested = n >= 2 && random.chance(CONTESTED_SHARE);
    const used = new Set<string>();
    for (let k = 0; k < n; k++) {
      const stance: Stance = contested && k === 0 ? "asserts" : contested && k === 1 ? "denies" : random.weighted(STANCE_WEIGHTS);
      const kind = random.weighted(KIND_BY_STANCE[stance]);
      let actorId = pickActor(kind);
      if (contested && k === 1) {
        for (let tries = 0; actorId === claim.attributions[0]!.row.actorId && tries < 20; tries++) actorId = pickActor(kind);
      }
      const sourceIndex = k === 0 ? centres[index]! : reflect(centres[index]! + Math.round(random.gaussian() * spread), sources.length);
      let source = sources[sourceIndex]!;
      if (used.has(`${actorId}:${source.id}`)) source = sources[clamp(sourceIndex + 1, 0, sources.length - 1)]!;
      used.add(`${actorId}:${source.id}`);
      claim.lastSource = Math.max(claim.lastSource, source.id - 1);

      const actor = actors[actorId - 1]!;
      const sourcing: Sourcing = actor.kind === "unnamed_source" ? "unnamed" : random.chance(0.12) ? "reportedly" : "named";
      const id = ++attributionCount;
      const attributionCreated = Math.max(createdAt, source.createdAt) + random.int(MINUTE, DAY);
      const row: AttributionRow = {
        id,
        claimId,
        sourceId: source.id,
        actorId,
        stance,
        verb: random.pick(VERBS[stance]),
        sourcing,
        actorRole: actor.kind === "person" && random.chance(0.15) ? personRole(random, random.pick(COUNTRIES), orgNames) : null,
        // Filled in when the article text is written.
        quote: "",
        quotePrefix: "",
        quoteSuffix: "",
        quoteStart: 0,
        quoteEnd: 0,
        accuracy: "unchecked",
        version: 1,
        createdAt: attributionCreated,
        updatedAt: attributionCreated,
      };
      const attribution: PendingAttribution = { row, quote: frameQuote(random, stance, core), via: [], claim };
      claim.attributions.push(attribution);

      if (actor.kind !== "news_outlet" && random.chance(0.15)) {
        const length = Number(random.weighted(VIA_LENGTHS));
        for (let position = 0, tries = 0; position < length && tries < 30; tries++) {
          const viaKind: ActorKind = random.chance(0.7) ? "news_outlet" : random.chance(0.5) ? "person" : "unnamed_source";
          const viaId = pickActor(viaKind);
          if (viaId === actorId || attribution.via.includes(viaId)) continue;
          attribution.via.push(viaId);
          position++;
        }
      }
    }
    return claim;
  }

  return { next, reach, centre: (index: number) => centres[index]! };
}

function uniqueClaimText(random: Random, topicId: number, time: number, orgs: readonly string[], seen: FingerprintSet): { text: string; normalizedText: string } {
  const topic = TOPICS[topicId - 1]!;
  const date = new Date(time);
  for (let attempt = 0; ; attempt++) {
    const a = random.pick(COUNTRIES);
    let b = random.pick(COUNTRIES);
    while (b === a) b = random.pick(COUNTRIES);
    const text = fill(random.pick(topic.claims), {
      ...countrySlots(a),
      country2: b.name,
      adjective2: b.adjective,
      place: random.pick(PLACES),
      n: formatNumber(Math.round(Math.exp(Math.log(2) + random.next() * (Math.log(20000) - Math.log(2))))),
      pct: String(random.int(3, 60)),
      month: `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
      org: orgs.length > 0 ? random.pick(orgs) : "the Northern Monitoring Mission",
    });
    // Two claims with the same words in one topic are one claim (the unique key); past a few
    // collisions, make the words distinct instead of looping.
    const candidate = attempt < 20 ? text : `${text.replace(/\.$/, "")}, according to report ${attempt}.`;
    const normalizedText = normalizeKey(candidate);
    const key = `${topicId}\u0000${normalizedText}`;
    if (seen.add(key)) return { text: capitalize(candidate), normalizedText };
  }
}

function frameQuote(random: Random, stance: Stance, core: string): string {
  const lc = LOWERCASE_STARTERS.has(core.split(" ")[0]!) ? core[0]!.toLowerCase() + core.slice(1) : core;
  return fill(random.pick(QUOTE_FRAMES[stance]), { core, core_lc: lc });
}

// ---------------------------------------------------------------------------
// Article texts: every quote is written into its source's text, and anchored there.
// ---------------------------------------------------------------------------

/** Writes sources in order, each once all its attributions are drawn; anchors their quotes. */
function articleWriter(random: Random, actors: ActorRow[], topics: TopicRow[]) {
  function write(meta: SourceMeta, index: number, cited: PendingAttribution[]): SourceRow {
    const quoted = random.shuffle(cited);
    const date = new Date(meta.time);
    const country = random.pick(COUNTRIES);
    const fillerSlots = { weekday: WEEKDAYS[date.getUTCDay()]!, month: MONTHS[date.getUTCMonth()]!, capital: country.capital };
    const filler = () => fill(random.pick(FILLER_SENTENCES), fillerSlots);

    let text = "";
    let inParagraph = 0;
    let paragraphLength = random.int(2, 4);
    const append = (sentence: string): number => {
      if (text.length > 0) {
        if (inParagraph >= paragraphLength) {
          text += "\n\n";
          inParagraph = 0;
          paragraphLength = random.int(2, 4);
        } else text += " ";
      }
      const at = text.length;
      text += sentence;
      inParagraph++;
      return at;
    };

    append(filler());
    const anchored: { attribution: AttributionRow; start: number; end: number }[] = [];
    for (const { row, quote, via } of quoted) {
      const sentence = quoteSentence(random, row, quote, actors, via);
      const at = append(sentence.text);
      anchored.push({ attribution: row, start: at + sentence.quoteOffset, end: at + sentence.quoteOffset + quote.length });
      if (random.chance(0.35)) append(filler());
    }
    if (quoted.length === 0 || random.chance(0.5)) append(filler());

    for (const { attribution, start, end } of anchored) {
      const result = anchorAt(text, start, end);
      if (!result.ok) throw new Error(`synthetic quote ${attribution.id} does not anchor: ${result.problem.message}`);
      Object.assign(attribution, result.anchor);
    }

    const lead = quoted[0];
    const title = lead
      ? `${capitalize(actors[lead.row.actorId - 1]!.name)} ${HEADLINE_VERBS[lead.row.stance]} ${lowerFirst(lead.claim.core)}`
      : `${topics[index % topics.length]!.label}: live updates`;
    const dateSlug = `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}`;
    return {
      id: meta.id,
      title,
      outlet: meta.outlet,
      url: `https://${meta.outletDomain}.example/${meta.publishedAt === null ? "archive" : dateSlug}/${slug(title).slice(0, 60).replace(/-$/, "")}-${meta.id}`,
      author: meta.author,
      publishedAt: meta.publishedAt,
      text,
      textSha256: sha256Hex(text),
      createdAt: meta.createdAt,
    };
  }
  return { write };
}

/** One article sentence carrying the quote; `quoteOffset` is where the quoted words start in it. */
function quoteSentence(
  random: Random,
  attribution: AttributionRow,
  quote: string,
  actors: ActorRow[],
  via: number[],
): { text: string; quoteOffset: number } {
  const actor = actors[attribution.actorId - 1]!;
  const role = attribution.actorRole ?? actor.role;
  const name = role && actor.kind === "person" && random.chance(0.4) ? `${actor.name}, ${role},` : actor.name;
  const reportedly = attribution.sourcing === "reportedly" ? "reportedly " : "";
  const viaNames = via.map((id) => actors[id - 1]!.name).reverse();
  const viaClause = viaNames.length > 0 ? `, according to ${viaNames.join(", citing ")}` : "";
  const open = "\u201c";
  const close = "\u201d";

  switch (attribution.stance) {
    case "asserts":
      if (random.chance(0.35)) {
        const head = `${capitalize(name)} ${reportedly}${attribution.verb}${viaClause}: ${open}`;
        return { text: `${head}${quote}.${close}`, quoteOffset: head.length };
      }
      return { text: `${open}${quote},${close} ${name} ${reportedly}${attribution.verb}${viaClause}.`, quoteOffset: 1 };
    case "denies": {
      const head = `${capitalize(name)} ${reportedly}${DENIAL_PHRASES[attribution.verb] ?? "denied the reports"}${viaClause}: ${open}`;
      return { text: `${head}${quote}.${close}`, quoteOffset: head.length };
    }
    case "declines_to_clarify": {
      const head = `Asked about the reports, ${name} ${reportedly}${attribution.verb}${viaClause}: ${open}`;
      return { text: `${head}${quote}.${close}`, quoteOffset: head.length };
    }
    case "reports": {
      const head = `${capitalize(name)} ${reportedly}${attribution.verb}${viaClause}: ${open}`;
      return { text: `${head}${quote}.${close}`, quoteOffset: head.length };
    }
  }
}

// ---------------------------------------------------------------------------
// Verdicts, accuracy marks, notes and their audit trail
// ---------------------------------------------------------------------------

/**
 * Runs each claim's history once its sources are written (evidence cites their URLs) and
 * adds the claim, its attributions and the history to the chunk. Audit entries are held
 * until `auditUpTo` releases them in time order: the log's ids follow time.
 */
function workflowWriter(random: Random, users: UserRow[]) {
  const checkers = users.filter((user) => user.role !== "viewer").map((user) => user.id);
  const counts = { statusChanges: 0, accuracyChanges: 0, annotations: 0, logged: 0, released: 0 };
  let held: AuditRow[] = [];
  // `id` is the order of logging here, the tie-break between entries of one instant.
  const log = (entry: Omit<AuditRow, "id">) => held.push({ id: ++counts.logged, ...entry });
  const iso = (time: number) => new Date(time).toISOString();

  function run(pending: PendingClaim, urls: ReadonlyMap<number, string>, chunk: SyntheticChunk): void {
    const claim = pending.row;
    const claimSources = pending.attributions.map((attribution) => attribution.row);
    const target = random.weighted(STATUS_WEIGHTS);
    const path: StatusKey[] = [];
    if (target === "unreviewed") {
      if (random.chance(0.05)) path.push("in_review", "unreviewed");
    } else if (target === "in_review") {
      path.push("in_review");
    } else {
      path.push("in_review");
      // Some verdicts were revised: a first verdict, then the current one.
      if (random.chance(0.15)) path.push(random.pick(FINAL_STATUSES.filter((key) => key !== target)));
      path.push(target);
    }
    let time = claim.createdAt;
    let from: StatusKey = "unreviewed";
    for (const to of path) {
      time += random.int(HOUR, 12 * DAY);
      const evidence = FINAL_STATUSES.includes(to)
        ? Array.from({ length: random.int(1, 2) }, () => urls.get(random.pick(claimSources).sourceId)!)
        : [];
      const userId = random.pick(checkers);
      const rationale = random.pick(STATUS_RATIONALES[to] ?? ["Reviewed."]);
      chunk.statusChanges.push({ id: ++counts.statusChanges, claimId: claim.id, fromStatusKey: from, toStatusKey: to, rationale, evidence, userId, createdAt: time });
      log({
        userId,
        action: "set_status",
        entityType: "claim",
        entityId: String(claim.id),
        before: JSON.stringify({ status: from, version: claim.version }),
        after: JSON.stringify({ status: to, version: claim.version + 1, rationale, evidence }),
        createdAt: time,
      });
      claim.version += 1;
      from = to;
    }
    claim.statusKey = from;
    claim.updatedAt = time;

    for (const attribution of claimSources) {
      if (!random.chance(0.12)) continue;
      const outcome = random.weighted(ACCURACY_OUTCOMES);
      const steps: Accuracy[] = outcome !== "unconfirmed" && random.chance(0.25) ? ["unconfirmed", outcome] : [outcome];
      let at = attribution.createdAt;
      for (const to of steps) {
        at += random.int(HOUR, 20 * DAY);
        const userId = random.pick(checkers);
        const rationale = random.pick(ACCURACY_RATIONALES);
        chunk.accuracyChanges.push({ id: ++counts.accuracyChanges, attributionId: attribution.id, fromAccuracy: attribution.accuracy, toAccuracy: to, rationale, userId, createdAt: at });
        log({
          userId,
          action: "set_accuracy",
          entityType: "attribution",
          entityId: String(attribution.id),
          before: JSON.stringify({ accuracy: attribution.accuracy, version: attribution.version }),
          after: JSON.stringify({ accuracy: to, version: attribution.version + 1, rationale }),
          createdAt: at,
        });
        attribution.accuracy = to;
        attribution.version += 1;
        attribution.updatedAt = at;
      }
    }

    if (random.chance(0.06)) {
      let at = claim.createdAt;
      const threads = random.int(1, 3);
      for (let t = 0; t < threads; t++) {
        const onAttribution = random.chance(0.3) && claimSources.length > 0 ? random.pick(claimSources).id : null;
        const notes = [{ parentId: null as number | null, body: random.pick(NOTE_BODIES) }];
        const replies = random.chance(0.4) ? random.int(1, 2) : 0;
        for (let r = 0; r < replies; r++) notes.push({ parentId: -1, body: random.pick(NOTE_REPLIES) });
        let threadRoot = 0;
        for (const note of notes) {
          at += random.int(10 * MINUTE, 3 * DAY);
          const id = ++counts.annotations;
          const authorId = random.pick(users).id;
          const row: AnnotationRow = {
            id,
            claimId: claim.id,
            attributionId: onAttribution,
            parentId: note.parentId === null ? null : threadRoot,
            authorId,
            body: note.body,
            version: 1,
            createdAt: at,
            updatedAt: at,
            deletedAt: null,
          };
          if (note.parentId === null) threadRoot = id;
          chunk.annotations.push(row);
          const fields = { id, claimId: row.claimId, attributionId: row.attributionId, parentId: row.parentId, authorId, body: row.body, version: 1, createdAt: iso(at), updatedAt: iso(at) };
          log({ userId: authorId, action: "create", entityType: "annotation", entityId: String(id), before: null, after: JSON.stringify(fields), createdAt: at });
          if (random.chance(0.04)) {
            // Deleted notes stay as tombstones; their words survive only in the audit log.
            const deletedAt = at + random.int(HOUR, 5 * DAY);
            log({ userId: authorId, action: "delete", entityType: "annotation", entityId: String(id), before: JSON.stringify(fields), after: null, createdAt: deletedAt });
            Object.assign(row, { body: "", version: 2, updatedAt: deletedAt, deletedAt });
          }
        }
      }
    }

    chunk.claims.push(claim);
    for (const attribution of pending.attributions) {
      chunk.attributions.push(attribution.row);
      attribution.via.forEach((actorId, position) => chunk.vias.push({ attributionId: attribution.row.id, position, actorId }));
    }
  }

  /** The held audit entries up to `time` (included), oldest first, numbered from 1 across calls. */
  function auditUpTo(time: number): AuditRow[] {
    held.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    let end = 0;
    while (end < held.length && held[end]!.createdAt <= time) end++;
    const released = held.slice(0, end).map((row) => ({ ...row, id: ++counts.released }));
    held = held.slice(end);
    return released;
  }

  return { run, auditUpTo };
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function countrySlots(country: Country): Record<string, string> {
  return { country: country.name, adjective: country.adjective, capital: country.capital };
}

function fill(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole);
}

function capitalize(value: string): string {
  return value.length === 0 ? value : value[0]!.toUpperCase() + value.slice(1);
}

function lowerFirst(value: string): string {
  const first = value.split(" ")[0]!;
  return LOWERCASE_STARTERS.has(first) ? value[0]!.toLowerCase() + value.slice(1) : value;
}

function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function slug(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** `value` folded back into [0, length) at either end, so the first and last sources are not over-used. */
function reflect(value: number, length: number): number {
  const folded = value < 0 ? -value : value >= length ? 2 * (length - 1) - value : value;
  return clamp(folded, 0, length - 1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
