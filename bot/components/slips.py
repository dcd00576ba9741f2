"""One typing slip between two words: shared by the crisis phrases and TypoCorrector."""
from typing import Set


def one_slip_apart(a: str, b: str) -> bool:
    """True if one deletion, insertion, substitution or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def deletes(word: str) -> Set[str]:
    """Every way of dropping one letter (for SymSpell-style look-up)."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}
