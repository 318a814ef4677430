/**
 * Word lists for synthetic data. Every country, place, person and outlet is invented, so
 * that no generated claim or quote can be mistaken for something a real person said.
 * Some names carry diacritics, to exercise the search tokenizer's diacritic folding.
 */

export type Country = { name: string; adjective: string; capital: string };

export const COUNTRIES: readonly Country[] = [
  { name: "Veloria", adjective: "Velorian", capital: "Velgrad" },
  { name: "Norland", adjective: "Norlandic", capital: "Hafnvik" },
  { name: "Kestria", adjective: "Kestrian", capital: "Kesh" },
  { name: "Altmark", adjective: "Altmarkian", capital: "Brenau" },
  { name: "Dravonia", adjective: "Dravonian", capital: "Dravosk" },
  { name: "Sunmere", adjective: "Sunmerian", capital: "Port Ilven" },
  { name: "Carpathia Nova", adjective: "Novacarpathian", capital: "Ostrava Nova" },
  { name: "Želvaria", adjective: "Želvarian", capital: "Želvar" },
  { name: "Marundi", adjective: "Marundian", capital: "Kalemba" },
  { name: "Tessaly", adjective: "Tessalian", capital: "Orvieta" },
  { name: "Ostmark", adjective: "Ostmarkish", capital: "Lindholm" },
  { name: "Qadiria", adjective: "Qadiri", capital: "Al-Saruf" },
  { name: "Brevonia", adjective: "Brevonian", capital: "Brevo" },
  { name: "Halvardia", adjective: "Halvardian", capital: "Ålsund" },
  { name: "Umbria Magna", adjective: "Umbrian", capital: "Castel Rocca" },
  { name: "Rusavia", adjective: "Rusavian", capital: "Mirograd" },
  { name: "Tarvos", adjective: "Tarvosian", capital: "Teyla" },
  { name: "Ilyria", adjective: "Ilyrian", capital: "Skadra" },
  { name: "Borealis", adjective: "Boreal", capital: "Nordhavn" },
  { name: "Kalindra", adjective: "Kalindran", capital: "Sevaran" },
  { name: "Montavia", adjective: "Montavian", capital: "Altagrazia" },
  { name: "Ezrona", adjective: "Ezronian", capital: "Ezra" },
  { name: "Lysandria", adjective: "Lysandrian", capital: "Pellan" },
  { name: "Vardenfell", adjective: "Vardenic", capital: "Balmora" },
  { name: "Çandarlı", adjective: "Çandarlian", capital: "Yeşilköy" },
];

/** Towns, rivers and regions where things happen. */
export const PLACES: readonly string[] = [
  "Bakhrovo", "Dravosk", "Port Ilven", "Kharnivka", "Severny Bay", "the Ruzan valley", "Lower Tessa", "Mirny Heights",
  "Orlovka", "Zaporovo", "the Kesh corridor", "Ostrava Nova", "Brenau", "Vuhlansk", "Pokrovna", "Sloviansk Nova",
  "Kalemba", "the Amber coast", "Teyla", "Hafnvik", "Yeşilköy", "Łukowo", "Skadra", "the Nareva river",
  "Velgrad airport", "the Ilven shipyards", "Castel Rocca", "Novy Brod", "Avdiyivka Nova", "Tiraspolje",
  "Myrhorodok", "Sumyvka", "Balmora", "Sevaran", "the Dravon plain", "Krasnovo", "Ålsund harbour", "Bilohor",
  "Chernihovka", "Vovchansk Nova", "Kupyansk Nova", "the Soledar mines", "Lyman Nova", "Izyumka", "Kramatovo",
  "Rivne Nova", "Zhytomyrka", "Odeska Bay", "Mykolaivka", "Khersonets",
];

export const FIRST_NAMES: readonly string[] = [
  "Dmitar", "Anneke", "Oleksa", "Mirela", "Bogdan", "Ingrid", "Tomasz", "Leila", "Rustam", "Sofía", "Jarek", "Helena",
  "Arvid", "Noor", "Kasimir", "Ylva", "Radoslav", "Amara", "Teodor", "Zofia", "Emre", "Katarina", "Viktor", "Liesel",
  "Anatol", "Maren", "Farid", "Ottilie", "Stanislav", "Ines", "Goran", "Sanna", "Yaroslav", "Dalia", "Milos", "Frida",
  "Matvei", "Aurelia", "Kemal", "Johanna", "Piotr", "Selin", "Vasil", "Elin", "Lukas", "Marta", "Ivo", "Nadia",
  "Andrei", "Greta", "Hamid", "Björn", "Oksana", "René", "Zoran", "Ilse", "Sergei", "Paula", "Timur", "Agnieszka",
  "Henrik", "Lejla", "Konstantin", "Mette", "Anton", "Dorota", "Yusuf", "Ragnhild", "Boris", "Clara", "Ádám", "Vesna",
  "Erik", "Halyna", "Nikolai", "Astrid", "Filip", "Nurlan", "Saskia", "Tarik",
];

export const LAST_NAMES: readonly string[] = [
  "Peskarov", "Rudenov", "Velikan", "Marchetti", "Holmqvist", "Kovalenko", "Brandt", "Aziz", "Nowicki", "Lindqvist",
  "Dragomir", "Okafor", "Sørensen", "Petrescu", "Halloran", "Zielinski", "Morozov", "Castellane", "Yilmaz", "Antonescu",
  "Bergström", "Lysenko", "Varga", "Haddad", "Kowalczyk", "Moreau", "Tkachenko", "Janssen", "Orlova", "Dimitrov",
  "Novák", "Rahimi", "Fischer", "Sokolova", "Ionescu", "Kuznetsov", "Vidal", "Eriksen", "Horvath", "Baranov",
  "Lindgren", "Savchenko", "Mendes", "Karlsson", "Popescu", "Wójcik", "Hansen", "Kravets", "Abramov", "Stoica",
  "Nikolić", "Halvorsen", "Belov", "Szabó", "Demir", "Engström", "Melnyk", "Costa", "Volkov", "Hrabal",
  "Lebedev", "Aksoy", "Rasmussen", "Pavlenko", "Ferreira", "Jovanović", "Dahl", "Zaitsev", "Kaya", "Vogel",
  "Bondarenko", "Moldovan", "Berglund", "Shevchuk", "Ribeiro", "Mazur", "Lund", "Gavrilov", "Çelik", "Wagner",
  "Tarasova", "Marinescu", "Sandberg", "Hryhorenko", "Almeida", "Kaminski", "Nyberg", "Orlov", "Şahin", "Keller",
  "Polishchuk", "Radu", "Ekström", "Yurchenko", "Duarte", "Lewandowski", "Strand", "Fedorov", "Öztürk", "Schmid",
  "Marchenko", "Vasile", "Holm", "Kolesnyk", "Pereira", "Kaczmarek", "Berg", "Nikitin", "Arslan", "Hofmann",
  "Romanenko", "Dobre", "Sjöberg", "Ostapenko", "Lopes", "Grabowski", "Moe", "Sorokin", "Doğan", "Lehmann",
];

/** Person roles; {country} and {org} are filled in. */
export const PERSON_ROLES: readonly string[] = [
  "spokesperson for the {adjective} presidency", "{adjective} foreign minister", "{adjective} defence minister",
  "deputy foreign minister of {country}", "press secretary of the {adjective} government", "military analyst",
  "{adjective} ambassador to {country2}", "commander of the {adjective} ground forces", "member of the {adjective} parliament",
  "governor of {place}", "mayor of {place}", "director of {org}", "senior researcher at {org}", "spokesperson for {org}",
  "{adjective} opposition leader", "former {adjective} intelligence officer", "{adjective} energy minister",
  "head of the {adjective} border service",
];

export const GOVERNMENT_BODIES: readonly string[] = [
  "Government of {country}", "{adjective} Ministry of Defence", "{adjective} Foreign Ministry", "{adjective} Presidential Office",
  "{adjective} General Staff", "{adjective} Security Council", "{adjective} Ministry of Energy", "{adjective} Border Service",
];

export const ORGANISATION_PATTERNS: readonly string[] = [
  "{region} Institute for Conflict Studies", "{region} Monitoring Mission", "{region} Centre for Strategic Analysis",
  "{region} Human Rights Watchgroup", "{region} Energy Agency", "{region} Red Crescent Society", "{region} Atomic Energy Council",
  "{region} Open Source Intelligence Collective", "{region} Grain Traders Association", "{region} Refugee Council",
  "{region} Election Observation Mission", "{region} Press Freedom Foundation", "{region} Cyber Defence Alliance",
  "{region} Humanitarian Coordination Office", "{region} Investigative Reporting Project",
];

export const REGIONS: readonly string[] = [
  "Northern", "Baltic", "Danube", "Caspian", "Adriatic", "Carpathian", "Black Sea", "Nordic", "Central", "Eastern",
  "Western", "Southern", "Amber Coast", "Pontic", "Alpine", "Levant", "Atlantic", "Dravon", "Ruzan", "Steppe",
];

export const OUTLET_PATTERNS: readonly string[] = [
  "The {city} Herald", "{city} Wire", "The {city} Post", "{city} Daily", "{city} Observer", "{city} Telegraph",
  "Radio {city}", "{city} Courier", "The {city} Ledger", "{city} News Agency", "{city} Gazette", "{city} Morning Star",
];

/** Unnamed sources; {adjective}, {country} and {org} are filled in. */
export const UNNAMED_PATTERNS: readonly string[] = [
  "a senior {adjective} official", "sources close to the {adjective} government", "{adjective} military bloggers",
  "people familiar with the matter in {capital}", "a {adjective} intelligence source", "reports from {capital}",
  "diplomats in {capital}", "an official at {org}", "local residents in {place}", "{adjective} state media",
  "a source in the {adjective} General Staff", "western officials in {capital}", "Telegram channels close to the {adjective} army",
];

export const FILLER_SENTENCES: readonly string[] = [
  "The figures could not be independently verified.",
  "Fighting continued along several sections of the front line on {weekday}.",
  "Officials gave no further details.",
  "The claim was repeated on state television later in the day.",
  "Both governments have traded accusations for months.",
  "Satellite images published on {weekday} appeared to show damage to nearby buildings.",
  "Independent observers have not been allowed into the area since {month}.",
  "The statement came hours before a scheduled meeting of foreign ministers in {capital}.",
  "Analysts cautioned that early casualty reports are often revised.",
  "A request for comment sent to the ministry was not answered.",
  "The report cited documents it said it had reviewed.",
  "Markets in {capital} fell slightly after the announcement.",
  "It was not clear when the events described took place.",
  "Residents described hearing explosions through the night.",
  "The agency said it would publish a fuller account next week.",
  "Neither side provided evidence for its account.",
  "The comments were first reported by local media.",
  "Several international organisations called for an investigation.",
];

export const WEEKDAYS: readonly string[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export const MONTHS: readonly string[] = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

export const VERBS = {
  asserts: ["said", "stated", "claimed", "told reporters", "insisted", "announced", "alleged", "confirmed", "wrote"],
  denies: ["denied", "rejected", "dismissed as fake news", "called false", "refuted", "denounced as a fabrication"],
  reports: ["reported", "wrote", "cited", "relayed", "published"],
  declines_to_clarify: ["declined to comment", "refused to clarify", "did not answer questions", "declined to elaborate"],
} as const;

export const STATUS_RATIONALES: Readonly<Record<string, readonly string[]>> = {
  in_review: [
    "Picked up for review after readers flagged it.",
    "Assigned for checking: the claim is spreading widely.",
    "Opened a review; contacting the parties named.",
  ],
  true: [
    "Confirmed by the primary source and by two independent reports.",
    "Official records match the claim in every detail.",
  ],
  mostly_true: [
    "The core figure is right; the timing given is slightly off.",
    "Accurate, though the claim omits that the figure is provisional.",
  ],
  mixed: [
    "Part of the claim is supported by documents; the rest is not.",
    "The numbers mix confirmed and unconfirmed incidents.",
  ],
  misleading: [
    "The figure is real but refers to a different period.",
    "Accurate quote, presented without the context that changes its meaning.",
  ],
  mostly_false: [
    "Only a small part of the claim is supported; the main figure is inflated.",
    "The event happened, but not on the scale described.",
  ],
  false: [
    "Contradicted by satellite imagery and by the named party's own records.",
    "No evidence supports the claim; the photo used dates from another year.",
  ],
  unverifiable: [
    "No independent access to the area; neither side provided evidence.",
    "The only source is anonymous and no documents are available.",
  ],
  unreviewed: ["Returned to the queue: the earlier review was opened by mistake."],
};

export const ACCURACY_RATIONALES: readonly string[] = [
  "Checked against the full transcript of the press conference.",
  "The original video shows different wording.",
  "The ministry's own website carries the statement.",
  "No recording or transcript of the remark could be found.",
  "The quote circulates only through secondary reports.",
  "The speaker's office says the words were taken out of context.",
];

export const NOTE_BODIES: readonly string[] = [
  "Check the **original broadcast**; the quote may be a translation.",
  "Same figure appeared in an earlier report, see the archive.",
  "Two outlets give different dates for this.",
  "Contacted the ministry press office, awaiting a reply.",
  "The satellite imagery referenced is from a commercial provider; ask for the capture date.",
  "This looks like a *recycled* claim from last year.",
  "Translation checked with a native speaker: the verb means \"confirmed\", not \"suggested\".",
  "Adding the primary source link once it is archived.",
  "Possible duplicate of a claim under another topic.",
  "The intermediary outlet has misquoted this speaker before.",
];

export const NOTE_REPLIES: readonly string[] = [
  "Agreed, I'll follow up.",
  "Done, the archive link is in the evidence list.",
  "Not a duplicate: the figures differ.",
  "The press office replied; they stand by the statement.",
  "Good catch, updating the verdict rationale.",
];
