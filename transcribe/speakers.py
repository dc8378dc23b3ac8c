"""Clustering voice windows into speakers, and the map of who sounds like whom along a recording.

The windows' embeddings come from transcribe.encoders (CAM++ by default, or Resemblyzer).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

logger = logging.getLogger(__name__)


def _centroids(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    cents = np.stack([embeddings[labels == k].mean(axis=0) for k in range(labels.max() + 1)])
    return cents / (np.linalg.norm(cents, axis=1, keepdims=True) + 1e-9)


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Number clusters 0, 1, … in order of first appearance."""
    order = {old: new for new, old in enumerate(dict.fromkeys(labels.tolist()))}
    return np.array([order[x] for x in labels.tolist()], dtype=int)


def load_clustering() -> None:
    """Import the clustering library now (about 1.5 s of imports, once per process), e.g. in a worker while
    Whisper decodes, rather than after the last window."""
    import sklearn.cluster  # noqa: F401


def cluster_speakers(
    embeddings: np.ndarray,
    speakers: int | None,
    min_speakers: int,
    max_speakers: int,
    same_speaker_similarity: float,
    min_size: int = 2,
) -> np.ndarray:
    """Cluster labels per embedding, numbered in order of first appearance: exactly `speakers` clusters,
    or estimated within [min, max]: the largest k whose centroids are all less alike than
    `same_speaker_similarity` (cosine) and whose every cluster has at least `min_size` members.

    k-means on normalised embeddings (balanced clusters, unlike average-linkage clustering, which
    tends to split off one odd stretch)."""
    from sklearn.cluster import KMeans

    n = len(embeddings)
    if n == 0:
        return np.zeros(0, dtype=int)
    candidates = [speakers] if speakers else list(range(max_speakers, min_speakers - 1, -1))
    labels = np.zeros(n, dtype=int)
    for k in candidates:
        if k <= 1 or n < k:
            labels = np.zeros(n, dtype=int) if k <= 1 or speakers is None else np.arange(n)
            break
        labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(embeddings)
        cents = _centroids(embeddings, labels)
        sims = cents @ cents.T
        np.fill_diagonal(sims, -1)
        if speakers:
            break
        if sims.max() < same_speaker_similarity and np.bincount(labels).min() >= min_size:
            break
        logger.debug("%d speakers rejected: voices alike at %.2f, or a voice heard too briefly", k, sims.max())
    return _relabel(labels)


def centroids(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Normalised mean embedding of each cluster."""
    return _centroids(embeddings, labels) if len(labels) else np.zeros((0, embeddings.shape[1]))


@dataclass
class VoiceMap:
    """Who sounds like whom along a recording: voice windows and each one's likeness to each speaker."""

    centres: np.ndarray  # (windows,) window centre times in seconds, ascending
    similarities: np.ndarray  # (windows, speakers) cosine similarity of each window to each speaker's voice
    voices: np.ndarray  # (speakers, dim) each speaker's normalised mean embedding

    def scores_at(self, times: np.ndarray, context: float) -> np.ndarray:
        """How much the voice at each time sounds like each speaker, shape (times, speakers): the windows'
        similarities averaged with Gaussian weights (standard deviation `context` seconds) by the distance
        of each window's centre from the time. A time with no window within 3 × context takes its nearest's."""
        scores = np.zeros((len(times), self.similarities.shape[1]))
        if not len(self.centres):
            return scores
        bounds = np.searchsorted(self.centres, np.stack([times - 3 * context, times + 3 * context], axis=1))
        for i, (time, (lo, hi)) in enumerate(zip(times, bounds)):
            if lo == hi:
                scores[i] = self.similarities[int(np.argmin(np.abs(self.centres - time)))]
                continue
            weights = np.exp(-((self.centres[lo:hi] - time) ** 2) / (2 * context**2))
            scores[i] = weights @ self.similarities[lo:hi] / (weights.sum() + 1e-12)
        return scores

    def timeline(self, regions: list, context: float, step: float = 0.1) -> list[tuple[float, float, int]]:
        """Who speaks when over the speech regions, as (start, end, speaker) runs cut every `step` seconds."""
        runs: list[tuple[float, float, int]] = []
        for region in regions:
            starts = np.arange(region.start, region.end, step)
            ends = np.append(starts[1:], region.end)
            speakers = np.argmax(self.scores_at((starts + ends) / 2, context), axis=1)
            for start, end, speaker in zip(starts.tolist(), ends.tolist(), speakers.tolist()):
                if runs and runs[-1][2] == speaker and runs[-1][1] == start:
                    runs[-1] = (runs[-1][0], end, speaker)
                else:
                    runs.append((start, end, speaker))
        return runs
