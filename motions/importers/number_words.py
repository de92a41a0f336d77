"""Swedish number words as the city's documents write them out ("med sju röster mot sex", "sex (6)
ja", "tre miljoner kronor"): one table for the vote counts and the TU amounts."""

NUMBER_WORDS = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
    "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20,
}  # fmt: skip
# Longest first, so that "tretton" is never read as "tre".
WORD_PATTERN = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
