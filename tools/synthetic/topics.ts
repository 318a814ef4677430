/**
 * The synthetic topic vocabulary and, per topic, claim templates. Slots:
 * {country} {adjective} (one country), {country2} {adjective2} (another), {place}, {n}
 * (a count), {pct} (a percentage), {month} ("March 2023", the claim's own month), {org}.
 */
export type TopicTemplate = { key: string; label: string; description: string; claims: readonly string[] };

export const TOPICS: readonly TopicTemplate[] = [
  {
    key: "troop-casualties",
    label: "Troop casualties",
    description: "Soldiers killed, wounded or captured.",
    claims: [
      "{n} {adjective} soldiers were killed near {place} in {month}.",
      "{adjective} forces lost {n} troops around {place} during {month}.",
      "More than {n} {adjective} servicemen were wounded in fighting for {place}.",
      "{n} {adjective} soldiers surrendered near {place} in {month}.",
    ],
  },
  {
    key: "missile-transfers",
    label: "Missile transfers",
    description: "Deliveries of missiles and rockets between states.",
    claims: [
      "{country} supplied {country2} with {n} ballistic missiles in {month}.",
      "{country} shipped {n} cruise missiles to {country2} through {place}.",
      "{adjective} missiles fired at {place} in {month} were made in {country2}.",
    ],
  },
  {
    key: "arms-deliveries",
    label: "Arms deliveries",
    description: "Tanks, artillery, ammunition and other weapons sent abroad.",
    claims: [
      "{country} delivered {n} armoured vehicles to {country2} in {month}.",
      "{country} sent {n} containers of artillery ammunition to {country2}.",
      "{n} {adjective} howitzers arrived in {place} in {month}.",
      "{country} has stopped all arms deliveries to {country2} since {month}.",
    ],
  },
  {
    key: "drone-strikes",
    label: "Drone strikes",
    description: "Attacks by unmanned aircraft.",
    claims: [
      "{adjective} drones struck a fuel depot in {place} in {month}.",
      "{n} {adjective} attack drones were shot down over {place} in one night.",
      "A drone launched from {country} hit a residential building in {place}.",
    ],
  },
  {
    key: "energy-supply",
    label: "Energy supply",
    description: "Gas, oil and electricity supply and prices.",
    claims: [
      "{country} cut gas deliveries to {country2} by {pct} percent in {month}.",
      "Power was lost for {n} households in {place} after strikes on the grid.",
      "{adjective} oil exports rose {pct} percent in {month} despite sanctions.",
    ],
  },
  {
    key: "grain-exports",
    label: "Grain exports",
    description: "Grain shipments, corridors and harvests.",
    claims: [
      "{n} grain ships left {place} through the corridor in {month}.",
      "{country} seized {n} tonnes of grain from farms near {place}.",
      "{adjective} wheat exports fell {pct} percent in {month}.",
    ],
  },
  {
    key: "sanctions",
    label: "Sanctions",
    description: "Sanctions, their evasion and their effect.",
    claims: [
      "{country} imported {n} sanctioned microchips through {country2} in {month}.",
      "Sanctions have cut {adjective} car production by {pct} percent.",
      "{n} {adjective} companies were added to the sanctions list in {month}.",
    ],
  },
  {
    key: "ceasefire-talks",
    label: "Ceasefire talks",
    description: "Negotiations, proposals and their conditions.",
    claims: [
      "{country} and {country2} held secret talks in {place} in {month}.",
      "{country} offered a {n}-day ceasefire around {place}.",
      "{adjective} negotiators walked out of talks with {country2} in {month}.",
    ],
  },
  {
    key: "prisoner-exchanges",
    label: "Prisoner exchanges",
    description: "Exchanges and treatment of prisoners of war.",
    claims: [
      "{country} and {country2} exchanged {n} prisoners of war in {month}.",
      "{n} {adjective} prisoners were held at a camp near {place}.",
      "{country} refused to return {n} wounded {adjective2} prisoners.",
    ],
  },
  {
    key: "refugees",
    label: "Refugees",
    description: "People displaced by the fighting.",
    claims: [
      "{n} refugees from {country} crossed into {country2} in {month}.",
      "{n} people were evacuated from {place} in {month}.",
      "{country} forcibly moved {n} children from {place}.",
    ],
  },
  {
    key: "humanitarian-aid",
    label: "Humanitarian aid",
    description: "Aid convoys, their access and their diversion.",
    claims: [
      "An aid convoy of {n} trucks reached {place} in {month}.",
      "{adjective} troops blocked {n} aid trucks outside {place}.",
      "{org} delivered food to {n} families in {place} in {month}.",
    ],
  },
  {
    key: "nuclear-safety",
    label: "Nuclear safety",
    description: "Nuclear plants, materials and threats.",
    claims: [
      "Shelling cut external power to the {place} nuclear plant in {month}.",
      "{country} moved {n} tactical nuclear warheads to {country2}.",
      "Radiation levels near {place} rose {pct} percent in {month}.",
    ],
  },
  {
    key: "cyberattacks",
    label: "Cyberattacks",
    description: "Hacking, outages and data leaks.",
    claims: [
      "{adjective} hackers took down {n} government websites in {country2} in {month}.",
      "A cyberattack disrupted the railway network around {place} for {n} hours.",
      "Personal data of {n} {adjective2} citizens was leaked in {month}.",
    ],
  },
  {
    key: "disinformation",
    label: "Disinformation",
    description: "Fabricated videos, fake accounts and influence campaigns.",
    claims: [
      "{n} fake accounts linked to {country} spread videos about {place} in {month}.",
      "A video of an explosion in {place} shared in {month} was staged.",
      "{adjective} state media invented an attack on {place}.",
    ],
  },
  {
    key: "elections",
    label: "Elections",
    description: "Votes, turnout and interference.",
    claims: [
      "Turnout in {place} reached {pct} percent in the {month} vote.",
      "{n} ballots were found destroyed near {place} after the election.",
      "{country} financed {n} candidates in the {adjective2} election.",
    ],
  },
  {
    key: "border-incidents",
    label: "Border incidents",
    description: "Incursions, closures and clashes at borders.",
    claims: [
      "{adjective} troops crossed the border near {place} in {month}.",
      "{country} closed {n} border crossings with {country2} in {month}.",
      "{n} {adjective} helicopters violated {adjective2} airspace near {place}.",
    ],
  },
  {
    key: "inflation",
    label: "Inflation",
    description: "Prices, wages and the currency.",
    claims: [
      "Food prices in {country} rose {pct} percent in {month}.",
      "The {adjective} currency lost {pct} percent of its value in {month}.",
      "Average wages in {place} fell {pct} percent since the war began.",
    ],
  },
  {
    key: "corruption",
    label: "Corruption",
    description: "Bribes, embezzlement and procurement scandals.",
    claims: [
      "{adjective} officials embezzled {n} million from army food contracts.",
      "{n} officials in {place} were arrested for taking bribes in {month}.",
      "A {adjective} minister owns {n} undeclared properties in {country2}.",
    ],
  },
  {
    key: "infrastructure-damage",
    label: "Infrastructure damage",
    description: "Bridges, dams, railways and ports.",
    claims: [
      "The bridge at {place} was destroyed in {month}.",
      "Strikes damaged {n} railway stations around {place} in {month}.",
      "The dam near {place} was breached, flooding {n} villages.",
    ],
  },
  {
    key: "foreign-fighters",
    label: "Foreign fighters",
    description: "Mercenaries and foreign troops on the battlefield.",
    claims: [
      "{n} {adjective2} troops are fighting alongside {adjective} forces near {place}.",
      "{country} recruited {n} mercenaries from {country2} in {month}.",
      "{adjective2} officers were seen commanding units in {place} in {month}.",
    ],
  },
];

/** Sentence frames for quotes, by stance. {core} is the claim without its final full stop. */
export const QUOTE_FRAMES = {
  asserts: [
    "{core}",
    "We can confirm that {core_lc}",
    "There is no doubt that {core_lc}",
    "{core}, and we have the evidence to prove it",
    "Our information shows that {core_lc}",
  ],
  denies: [
    "The allegation that {core_lc} is fake news",
    "It is simply not true that {core_lc}",
    "Claims that {core_lc} are a fabrication",
    "Nothing of the kind happened; reports that {core_lc} are false",
  ],
  reports: [
    "{core}, according to several sources",
    "{core}, the report said",
    "Documents seen by this outlet indicate that {core_lc}",
    "{core}",
  ],
  declines_to_clarify: [
    "We have nothing to add on reports that {core_lc}",
    "I will not comment on whether {core_lc}",
    "This is not the moment to discuss whether {core_lc}",
  ],
} as const;

/** Words that may start a claim and are not proper nouns, so they can be lower-cased mid-sentence. */
export const LOWERCASE_STARTERS = new Set(["More", "Power", "Personal", "Shelling", "Radiation", "Turnout", "Food", "The", "Average", "Sanctions", "Strikes", "An", "A"]);
