"""Easy French (FALC, « facile à lire et à comprendre ») hints for a trainer writing a step (issue 12,
item 5): sentences over 15 words, words outside a list of frequent French words, and the passive voice.
Hints only: nothing here blocks a save. Pure functions of the text; the word list is read once.

Numbers, dates, times, e-mail addresses, web addresses and names (a capital letter inside a sentence)
are never flagged; « l'adresse » is the article and « adresse »."""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from pathlib import Path

from django.utils.html import strip_tags

MAX_SENTENCE_WORDS = 15
MAX_TEXT_CHARS = 20_000
WORDS_FILE = Path(__file__).with_name("falc_words.txt")

_URL = r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|gouv\.fr|eu|info)\b(?:/\S*)?"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_NUMBER = r"\d+(?:[.,:/h-]\d+)*(?:er|ère|e|ème|h|€|%)?"
# A word: letters, joined by an apostrophe or a hyphen (« aujourd'hui », « peut-être », « l'adresse »).
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
TOKEN = re.compile(rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<number>{_NUMBER})|(?P<word>{_WORD})", re.UNICODE)
# A sentence ends at . ! ? … or a line break; a dot inside an address or a number does not end one.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
ELIDED = ("l", "d", "j", "m", "t", "s", "n", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")

ETRE = frozenset(
    "être été étant suis es est sommes êtes sont étais était étions étiez étaient serai seras sera serons "
    "serez seront serais serait serions seriez seraient sois soit soyons soyez soient fus fut furent".split()
)
# Words that may come between « être » and its participle: « est souvent envoyé », « n'est pas lu ».
BETWEEN = frozenset("pas plus jamais bien très déjà souvent toujours aussi encore vite mal tout ensuite".split())
REFLEXIVE = frozenset("me m te t se s nous vous".split())
# Verbs whose compound past is made with « être »: « elle est arrivée » is not passive.
ETRE_VERBS = frozenset(
    "allé arrivé parti sorti entré resté tombé né mort venu revenu devenu retourné monté descendu passé "
    "rentré décédé".split()
)
# Adjectives that look like participles and say how someone is: « je suis fatigué ».
STATE_ADJECTIVES = frozenset("fatigué désolé marié pressé âgé situé occupé inquiet prêt gêné".split())
IRREGULAR_PARTICIPLES = frozenset(
    "fait dit écrit inscrit décrit prescrit interdit mis permis remis transmis soumis promis pris compris "
    "appris repris ouvert offert couvert découvert joint éteint peint atteint reçu vu lu connu vendu perdu "
    "rendu attendu entendu répondu tenu obtenu retenu fini choisi rempli saisi puni servi suivi conduit "
    "produit traduit construit détruit".split()
)


@dataclass
class LongSentence:
    text: str
    words: int


@dataclass
class Report:
    long_sentences: list = field(default_factory=list)
    rare_words: list = field(default_factory=list)
    passives: list = field(default_factory=list)


@lru_cache(maxsize=1)
def frequent_words() -> frozenset:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def plain_text(text: str) -> str:
    """The words of a step's text, HTML tags removed (a rich-text field sends HTML), one paragraph a line."""
    text = re.sub(r"(?i)<br\s*/?>|</(?:p|li|h\d|div)>", "\n", text)
    return unescape(strip_tags(text)).replace("\xa0", " ")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(plain_text(text)) if part.strip()]


def tokens(sentence: str) -> list[tuple[str, str]]:
    """(kind, text) of each word, number, address or URL of ``sentence``."""
    return [(match.lastgroup, match.group()) for match in TOKEN.finditer(sentence)]


def _without_elision(word: str) -> list[str]:
    """« l'adresse » → ["l", "adresse"]; « aujourd'hui » stays whole when listed."""
    parts = re.split(r"['’]", word, maxsplit=1)
    if len(parts) == 2 and parts[0].lower() in ELIDED:
        return [parts[0], parts[1]]
    return [word]


def _forms(word: str) -> list[str]:
    """The word and what it may be an inflection of: plural, feminine, a form of an -er verb."""
    candidates = [word]
    for ending, lemma_endings in (
        ("aient", ("er",)), ("erons", ("er",)), ("eront", ("er",)), ("erais", ("er",)), ("erait", ("er",)),
        ("erai", ("er",)), ("eras", ("er",)), ("era", ("er",)), ("erez", ("er",)), ("ions", ("er",)),
        ("iez", ("er",)), ("ées", ("er", "é")), ("ais", ("er",)), ("ait", ("er",)), ("ant", ("er",)),
        ("ons", ("er",)), ("ent", ("er",)), ("és", ("er", "é")), ("ée", ("er", "é")), ("ez", ("er",)),
        ("es", ("er", "e", "")), ("é", ("er",)), ("e", ("er", "")), ("s", ("",)), ("x", ("",)),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            candidates += [stem + lemma for lemma in lemma_endings]
            if stem.endswith(("ge", "ç")):  # mangeons, commençait
                candidates.append(stem.removesuffix("e").replace("ç", "c") + "er")
            if stem.endswith("i") and ending in ("e", "es", "ent"):  # appuies, envoient
                candidates.append(stem[:-1] + "yer")
    return candidates


def is_frequent(word: str, known: frozenset | None = None) -> bool:
    known = frequent_words() if known is None else known
    word = word.lower().replace("’", "'")
    if any(form in known for form in _forms(word)):
        return True
    parts = word.split("-")  # « dis-moi », « pourra-t-il »: each part is a known word
    return len(parts) > 1 and all(part in ("t",) or any(f in known for f in _forms(part)) for part in parts)


def rare_words(sentence: str, known: frozenset | None = None) -> list[str]:
    """Words of ``sentence`` outside the frequent words, in order, each once. A word with a capital
    letter inside the sentence is a name (Amina, Améli, CAF) and is not checked."""
    found = []
    words = [text for kind, text in tokens(sentence) if kind == "word"]
    for position, word in enumerate(words):
        parts = _without_elision(word)
        for part_index, part in enumerate(parts):
            if part_index == 0 and len(parts) == 2:
                continue  # the elided article or pronoun: « l' », « qu' », « c' »
            is_name = part[0].isupper() and (position > 0 or part_index > 0 or part.isupper())
            if is_name or is_frequent(part, known) or part.lower() in found:
                continue
            found.append(part.lower())
    return found


def _masculine_singular(word: str) -> str:
    """« envoyées » → « envoyé », « prises » → « pris », « ouverte » → « ouvert »."""
    for ending in ("es", "e", "s"):
        base = word[: -len(ending)] if word.endswith(ending) else ""
        if base and (base.endswith("é") or base in IRREGULAR_PARTICIPLES or base in STATE_ADJECTIVES
                     or base in ETRE_VERBS):
            return base
    return word


def _is_participle(word: str) -> bool:
    word = _masculine_singular(word.lower())
    if word in STATE_ADJECTIVES or word in ETRE_VERBS or word in ETRE:
        return False
    return word.endswith("é") or word in IRREGULAR_PARTICIPLES


def passives(sentence: str) -> list[str]:
    """« être » (any tense, « a été », « doit être ») followed by a past participle, maybe after « pas »
    or another short adverb: « Le dossier est envoyé par la CAF ». Not « Elle est arrivée » (a verb of
    movement), not « Il s'est inscrit » (reflexive), not « Je suis fatigué » (how someone is)."""
    words = []
    for kind, text in tokens(sentence):
        words += _without_elision(text) if kind == "word" else [text]
    found = []
    for i, word in enumerate(words):
        if word.lower() not in ETRE:
            continue
        if i and words[i - 1].lower() in REFLEXIVE:
            continue
        j = i + 1
        while j < len(words) and words[j].lower() in BETWEEN:
            j += 1
        if j < len(words) and words[j].lower() != "été" and _is_participle(words[j]):
            found.append(" ".join(words[i : j + 1]))
    return found


def analyse(text: str, known: frozenset | None = None) -> Report:
    """Every hint for ``text`` (plain or HTML), in reading order."""
    report = Report()
    for sentence in sentences(text):
        count = len(tokens(sentence))
        if count > MAX_SENTENCE_WORDS:
            report.long_sentences.append(LongSentence(text=sentence, words=count))
        report.rare_words += [w for w in rare_words(sentence, known) if w not in report.rare_words]
        report.passives += passives(sentence)
    return report
