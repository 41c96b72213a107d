"""The words an article uses to attribute a quotation, shared by the drafting modules."""

import re

SPEECH_VERBS = (
    r"said|says|say|saying|told|tells|tell|added|adds|adding|noted|notes|noting|remarked|remarks|"
    r"stressed|stresses|emphasi[sz]ed|emphasi[sz]es|declared|declares|announced|announces|hailed|"
    r"hails|urged|urges|expressed|expresses|expressing|described|describes|explained|explains|"
    r"pointed out|points out|observed|observes|wrote|writes|tweeted|tweets|posted|posts|warned|"
    r"warns|insisted|insists|argued|argues|claimed|claims|asserted|asserts|stated|states|replied|"
    r"replies|answered|answers|asked|asks|requested|requests|slammed|vowed|vows|pledged|pledges|"
    r"praised|praises|called|calls|accused|accuses|confirmed|confirms|revealed|reveals|suggested|"
    r"suggests|commented|comments|reiterated|reiterates|acknowledged|conceded|predicted|predicts|"
    r"promised|promises|boasted|boasts|complained|quipped|admitted|admits|recalled|recalls|"
    r"continued|went on|put it|thanked|thanking|welcomed|welcomes|voiced|mentioned|cited|demanded|"
    r"denied|denies|assured|briefed|spoke|speaking|responded|responds|concluded|added that|"
    r"agreed|agrees|wished|congratulated|assessed|characteri[sz]ed|insisted|implied|implies|"
    r"criticized|criticised|condemned|welcomed|proposed|proclaimed|reported|reports|quoted"
)
SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
# After a name: an optional appositive (", chairwoman of Russia's Federation Council,"), then
# auxiliaries and adverbs, then the verb: "Putin said", "Andrew Yeo, Chair of ..., also observes".
VERB_AFTER_NAME = re.compile(
    r"^(?:\s*\([^)]{1,40}\))?(?:\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*){1,6})?"
    r"(?:\s*,[^,“”\"«»]{1,160},|\s*,)?\s*"
    r"(?:(?:’d|'d|has|had|have|also|then|later|again|once again|likewise|further|reportedly|"
    r"earlier|previously|would|will|on \w+day|\w+ly)\s+)*"
    rf"(?:{SPEECH_VERBS})\b"
)
# Before a name, the inverted order: ', said Cha Du-hyeogn', 'said South Korean President Moon'.
VERB_BEFORE_NAME = re.compile(
    r"[”\"»’],?\s+(?:said|says|added|wrote|asked|told|noted|explained|continued)\s+"
    r"(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,6}$"
)
ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
# Words that may stand before a sentence's subject; another lower-case word makes a name an object.
BEFORE_SUBJECT = {
    "and", "but", "while", "that", "when", "then", "so", "because", "though", "although", "where",
    "whereas", "also", "yet", "meanwhile", "however", "the", "as", "if", "once", "since",
}  # fmt: skip
# Capitalised words that are titles or descriptions, not names.
TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "president", "analyst", "researcher", "expert", "scholar",
    "chairman", "chairwoman", "comrade", "minister",
    "premier", "prime", "leader", "supreme", "general", "secretary", "spokesman", "spokeswoman",
    "ambassador", "foreign", "defense", "defence", "unification", "russian", "north", "south",
    "korean", "korea", "chinese", "american", "us", "u", "s", "former", "deputy", "state",
    "national", "security", "council", "the", "chief", "senior", "official", "professor",
    "director", "speaker", "head", "vice", "first", "ceo", "editor", "reporter", "correspondent",
}  # fmt: skip
SIGN_BEFORE = re.compile(
    r"\b(?:display(?:ing|ed|s)?|read(?:ing|s)?|emblazoned with|banners?|placards?|signs?|"
    r"boards?|posters?|slogans?|inscription|inscribed)\b[^“”\"«»]{0,40}$",
    re.IGNORECASE,
)
FULL_CLAUSE_BEFORE_THAT = re.compile(
    rf"\b(?:{SPEECH_VERBS}|fact|confidence|satisfaction|belief|view|hope|warning|assurance|"
    r"conviction|opinion|certain|confident|convinced)\s+that\s*$"
)
