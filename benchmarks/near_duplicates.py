"""Near-duplicate messages: a character-trigram Jaccard similarity of at least NEAR_DUPLICATE.

It keeps the evaluation and development sets apart from the training data and from each
other (tests/test_nlu_datasets.py, scripts/check_training_examples.py): a held-out line
that is a reworded copy of a training example would flatter every measure made on it.

The sets hold thousands of lines each, so the trigrams are counted as sparse matrices
and every pair is compared at once (shared trigrams = A · Bᵀ); comparing pairs one by one
in Python took minutes of every test run.
"""
import re
from typing import Dict, List, Optional, Sequence, Set, Tuple

import numpy as np
from scipy import sparse

NEAR_DUPLICATE = 0.8  # Jaccard similarity of character trigrams
ROWS_AT_ONCE = 512  # bounds memory: a block of ROWS_AT_ONCE x len(others) similarities


def trigrams(text: str) -> Set[str]:
    text = " ".join(re.findall(r"[a-z0-9']+", text.lower()))
    return {text[i:i + 3] for i in range(max(1, len(text) - 2))}


def first_near_duplicates(texts: Sequence[str], others: Sequence[str]) -> List[Optional[int]]:
    """For each text, the index of the first of the others it is a near-duplicate of, or None."""
    if not texts or not others:
        return [None] * len(texts)
    vocabulary: Dict[str, int] = {}

    def trigram_cells(items: Sequence[str]) -> Tuple[List[int], List[int]]:
        rows, columns = [], []
        for row, item in enumerate(items):
            for gram in trigrams(item):
                rows.append(row)
                columns.append(vocabulary.setdefault(gram, len(vocabulary)))
        return rows, columns

    text_cells, other_cells = trigram_cells(texts), trigram_cells(others)
    width = len(vocabulary)
    text_matrix = sparse.csr_matrix((np.ones(len(text_cells[0]), dtype=np.int32), text_cells),
                                    shape=(len(texts), width))
    other_matrix_t = sparse.csr_matrix((np.ones(len(other_cells[0]), dtype=np.int32), other_cells),
                                       shape=(len(others), width)).T.tocsr()
    text_sizes = np.asarray(text_matrix.sum(axis=1)).ravel()
    other_sizes = np.asarray(other_matrix_t.sum(axis=0)).ravel()
    found: List[Optional[int]] = []
    for start in range(0, len(texts), ROWS_AT_ONCE):
        shared = (text_matrix[start:start + ROWS_AT_ONCE] @ other_matrix_t).toarray()
        union = text_sizes[start:start + ROWS_AT_ONCE, None] + other_sizes[None, :] - shared
        # Every text has at least one trigram (the empty text has ""), so union >= 1.
        similar = shared / union >= NEAR_DUPLICATE
        found += [int(row.argmax()) if row.any() else None for row in similar]
    return found


def near_duplicates(texts: Sequence[str], others: Sequence[str]) -> List[Tuple[str, str]]:
    """(text, other) for each text that is a near-duplicate of one of the others (the first such other)."""
    return [(text, others[index]) for text, index in zip(texts, first_near_duplicates(texts, others))
            if index is not None]
