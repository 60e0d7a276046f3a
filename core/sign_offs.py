"""Which competences a learner was seen to show by a référent (a skill sign-off), for apps that may
not import the one that records them: certification asks, community answers. Community registers its
reader when it starts; without it, nobody has any sign-off."""

from collections.abc import Callable, Iterable

_readers: list[Callable] = []


def sign_off_reader_register(reader: Callable) -> None:
    """``reader(learner, competence_ids)`` returns the ids, among ``competence_ids``, signed off for them."""
    if reader not in _readers:
        _readers.append(reader)


def competences_signed_off(*, learner, competence_ids: Iterable[int]) -> set[int]:
    wanted = set(competence_ids)
    found: set[int] = set()
    for reader in _readers:
        found |= set(reader(learner, wanted)) & wanted
    return found
