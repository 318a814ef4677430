import type { ArticleModel } from "@/lib/seed/article-model";

/**
 * The seed article (seed-article.txt beside this file) modelled claim by claim.
 *
 * Modelling rules, which also hold for any article a user adds:
 * - A claim is one proposition in neutral words; every passage that makes, relays or
 *   denies it is one attribution, quoting the article's exact words.
 * - What the article says in its own voice is attributed to the outlet.
 * - `via` lists the intermediaries between the speaker and this article, nearest to the
 *   speaker first: Peskov's words reach the article through Reuters.
 * - `actorRole` is the role exactly as this article gives it.
 *
 * The snapshot gives no publication date or author, and names no outlet in its text; the
 * outlet is HuffPost UK, recognised from the headline and the page furniture ("What's Hot").
 */
export const seedArticleModel = {
  source: {
    title: "Putin's Spokesperson Has A Rather Cagey Response To Fears North Korea And Russia Could Join Forces",
    outlet: "HuffPost UK",
    url: null,
    author: null,
    publishedAt: null,
  },
  topics: [
    { key: "russia-dprk-treaty", label: "Russia–North Korea treaty", description: "The June 2024 treaty: its signing, wording and scope." },
    { key: "treaty-article-4", label: "Treaty Article 4", description: "The treaty's mutual assistance clause in case of aggression." },
    { key: "troop-deaths", label: "Troop deaths", description: "Deaths of North Korean soldiers in the war in Ukraine." },
    { key: "troop-deployment", label: "Troop deployment", description: "North Korean personnel sent to fight for Russia." },
    { key: "missile-transfers", label: "Missile transfers", description: "Weapons and ammunition supplied by North Korea to Russia." },
    { key: "korean-peninsula", label: "Korean peninsula", description: "Tensions between North and South Korea." },
    { key: "escalation", label: "Escalation", description: "Whether the pact draws more countries into the war in Ukraine." },
    { key: "diplomacy", label: "Diplomacy", description: "Summits, visits and talks between governments." },
    { key: "military-capabilities", label: "Military capabilities", description: "What armed forces can do and how they improve it." },
  ],
  actors: [
    { name: "HuffPost UK", kind: "news_outlet", affiliation: "United Kingdom", aliases: ["HuffPost"] },
    { name: "Associated Press", kind: "news_outlet", role: "news agency", affiliation: "United States", aliases: ["AP"] },
    { name: "Reuters", kind: "news_outlet", role: "news agency" },
    { name: "TASS", kind: "news_outlet", role: "Russian state news agency", affiliation: "Russia" },
    { name: "Dmitry Peskov", kind: "person", role: "Kremlin spokesperson", affiliation: "Russia", aliases: ["Peskov"] },
    { name: "Andrei Rudenko", kind: "person", role: "Russian deputy foreign minister", affiliation: "Russia", aliases: ["Rudenko", "Andrey Rudenko"] },
    { name: "Volodymyr Zelenskyy", kind: "person", role: "President of Ukraine", affiliation: "Ukraine", aliases: ["Zelenskyy", "Zelensky", "Volodymyr Zelensky"] },
    { name: "Charles Flynn", kind: "person", role: "Commanding general, US Army Pacific", affiliation: "United States", aliases: ["General Charles Flynn", "Gen. Charles Flynn"] },
    { name: "United States", kind: "government", affiliation: "United States", aliases: ["US", "USA", "Washington"] },
    { name: "Russia", kind: "government", affiliation: "Russia", aliases: ["Russian Federation", "Moscow"] },
    { name: "North Korea", kind: "government", affiliation: "North Korea", aliases: ["DPRK", "Democratic People’s Republic of Korea", "Pyongyang"] },
    { name: "Reports from Kyiv", kind: "unnamed_source", affiliation: "Ukraine" },
  ],
  claims: [
    {
      text: "Russia and North Korea signed a mutual defence treaty in June 2024.",
      topic: "russia-dprk-treaty",
      attributions: [
        { actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "North Korea and Russia signed a mutual defence pact earlier this year." },
        { actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "Moscow and Pyongyang signed a treaty in June" },
      ],
    },
    {
      text: "Vladimir Putin and Kim Jong Un met for talks in Pyongyang on 19 June 2024.",
      topic: "diplomacy",
      attributions: [
        {
          // The caption is printed twice; the photo and its caption are credited to AP.
          actor: "Associated Press",
          stance: "asserts",
          verb: "photo caption",
          quote: "Russian President Vladimir Putin, left, and North Korea's leader Kim Jong Un shake hands while posing for a photo prior to their talks in Pyongyang, North Korea, Wednesday, June 19, 2024.",
          occurrence: 1,
        },
      ],
    },
    {
      text: "Article 4 of the Russia–North Korea treaty obliges each side to give the other any necessary assistance, including military assistance, if it faces aggression.",
      topic: "treaty-article-4",
      attributions: [
        {
          actor: "HuffPost UK",
          stance: "reports",
          verb: "reportedly included",
          sourcing: "reportedly",
          quote: "reportedly included a mutual assistance clause, where both parties vowed to help the other protect itself against aggression",
        },
        {
          actor: "Andrei Rudenko",
          stance: "asserts",
          verb: "said",
          actorRole: "Putin’s deputy foreign minister",
          via: ["TASS"],
          quote: "It has Article 4, which deals precisely with the issue of mutual assistance in case of aggression, that the sides, in case of aggression against one of the sides, will provide each other with any necessary assistance, including military assistance.",
        },
        {
          // Asked about the terms, Peskov would not spell them out.
          actor: "Dmitry Peskov",
          stance: "declines_to_clarify",
          verb: "would only say",
          actorRole: "The Kremlin’s spokesperson",
          via: ["Reuters"],
          quote: "he would only say the treaty’s wording was “quite unambiguous”, and needed no extra explanation",
        },
      ],
    },
    {
      text: "The treaty's wording is unambiguous and needs no further explanation.",
      topic: "russia-dprk-treaty",
      attributions: [
        { actor: "Dmitry Peskov", stance: "asserts", verb: "said", actorRole: "The Kremlin’s spokesperson", via: ["Reuters"], quote: "quite unambiguous" },
        { actor: "Andrei Rudenko", stance: "asserts", verb: "said", actorRole: "Putin’s deputy foreign minister", via: ["TASS"], quote: "The treaty says it all: article three, article four." },
      ],
    },
    {
      text: "The text of the Russia–North Korea treaty is public.",
      topic: "russia-dprk-treaty",
      attributions: [
        { actor: "Andrei Rudenko", stance: "asserts", verb: "said", actorRole: "Putin’s deputy foreign minister", via: ["TASS"], quote: "The treaty is signed, so it is public." },
      ],
    },
    {
      text: "The treaty provides for strategic, deep cooperation between Russia and North Korea in all areas, including security.",
      topic: "russia-dprk-treaty",
      attributions: [
        { actor: "Dmitry Peskov", stance: "asserts", verb: "said", actorRole: "The Kremlin’s spokesperson", via: ["Reuters"], quote: "implies truly strategic deep cooperation in all areas, including security" },
      ],
    },
    {
      text: "If North Korea is attacked, Russia will take all necessary measures in accordance with Russian and North Korean law.",
      topic: "treaty-article-4",
      attributions: [
        {
          actor: "Andrei Rudenko",
          stance: "asserts",
          verb: "said",
          actorRole: "Putin’s deputy foreign minister",
          via: ["TASS"],
          quote: "If an act of aggression is committed against the Democratic People’s Republic of Korea, all necessary measures will be taken in accordance with our legislation, in accordance with the DPRK’s legislation.",
        },
      ],
    },
    {
      text: "Kremlin spokesperson Dmitry Peskov declined to set out the terms of the Russia–North Korea treaty.",
      topic: "russia-dprk-treaty",
      attributions: [
        { actor: "HuffPost UK", stance: "asserts", verb: "headline", quote: "Putin's Spokesperson Has A Rather Cagey Response To Fears North Korea And Russia Could Join Forces" },
        { actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "Vladimir Putin’s spokesperson had a rather cagey response to questions about Russia’s deal with North Korea on Tuesday" },
        { actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "he refused to lay out the terms of their deal" },
      ],
    },
    {
      text: "The treaty has raised fears that North Korea could be drawn directly into Russia's war against Ukraine.",
      topic: "escalation",
      attributions: [
        { actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "amid rising fears the two countries could team up against Ukraine" },
        { actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "This sparked speculation North Korea could be directly drawn into Putin’s invasion of Ukraine" },
      ],
    },
    {
      text: "The mutual defence pact could draw Russia into North Korea's dispute with South Korea.",
      topic: "korean-peninsula",
      attributions: [
        { actor: "HuffPost UK", stance: "reports", verb: "speculation", sourcing: "unnamed", quote: "or that Russia could end up helping Kim Jong Un in a brewing row with South Korea" },
        { actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "It is not just the war in Europe which could be impacted by the mutual defence pact, either." },
      ],
    },
    {
      text: "Six North Korean soldiers have been killed on the front line in Ukraine.",
      topic: "troop-deaths",
      attributions: [
        { actor: "Reports from Kyiv", stance: "asserts", verb: "according to", sourcing: "unnamed", quote: "Six North Korean troops have already been killed on the frontline in Ukraine" },
        { actor: "Dmitry Peskov", stance: "denies", verb: "denounced as fake news", quote: "Peskov has denounced those claims as “fake news”" },
      ],
    },
    {
      text: "North Korea has been sending personnel to join Russia's forces.",
      topic: "troop-deployment",
      attributions: [
        { actor: "Volodymyr Zelenskyy", stance: "asserts", verb: "alleged", actorRole: "Ukrainian president", quote: "North Korea had been sending personnel to join Russia’s ranks" },
      ],
    },
    {
      text: "North Korea has given Russia ballistic missiles and ammunition.",
      topic: "missile-transfers",
      attributions: [
        { actor: "United States", stance: "asserts", verb: "claims", quote: "The US claims the country has given Moscow ballistic missiles and ammunition" },
        // One passage carries both denials.
        { actor: "Russia", stance: "denies", verb: "refuted", quote: "both Russian and North Korea have refuted this" },
        { actor: "North Korea", stance: "denies", verb: "refuted", quote: "both Russian and North Korea have refuted this" },
      ],
    },
    {
      text: "Tensions are rising on the Korean peninsula.",
      topic: "korean-peninsula",
      attributions: [{ actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "Tensions are also bubbling on the Korean peninsula" }],
    },
    {
      text: "North Korea blew up sections of the roads linking it to South Korea.",
      topic: "korean-peninsula",
      attributions: [{ actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "Pyongyang blew up sections of the roads between the two countries" }],
    },
    {
      text: "South Korea fired warning shots after North Korea blew up the inter-Korean roads.",
      topic: "korean-peninsula",
      attributions: [{ actor: "HuffPost UK", stance: "asserts", verb: "states", quote: "sparking warning shots from South Korea" }],
    },
    {
      text: "Fighting in Ukraine gives North Korea battlefield feedback with which to improve its weapons, ammunition and troops.",
      topic: "military-capabilities",
      attributions: [
        {
          actor: "Charles Flynn",
          stance: "asserts",
          verb: "said",
          actorRole: "The US army’s Indo-Pacific commander",
          quote: "fighting in the Ukraine war would given North Korean soldiers the chance to get feedback on their own weapons",
        },
        {
          actor: "Charles Flynn",
          stance: "asserts",
          verb: "said",
          actorRole: "The US army’s Indo-Pacific commander",
          quote: "That kind of feedback from a real battlefield to North Korea to be able to make adjustments to their weapons, their ammunition, their capabilities, and even their people – to me, is very concerning.",
        },
      ],
    },
  ],
} satisfies ArticleModel;
