-- How many claim search documents hold each term: FTS5's own vocabulary of the claim_search
-- index, read-only and kept by FTS5 itself (no trigger). The similar-claims matcher asks it
-- how common each word of a text is and leaves the commonest out of its candidate search,
-- whose cost grows with the documents its words match (docs/decisions/055). SQLite only:
-- on PostgreSQL the candidate search asks for every word.
CREATE VIRTUAL TABLE "claim_search_terms" USING fts5vocab("claim_search", 'row');
