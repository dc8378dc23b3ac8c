"""Speaker embeddings (Resemblyzer's encoder, shipped in its wheel) and clustering them into speakers."""

from __future__ import annotations

import logging
from functools import lru_cache

import numpy as np

from transcribe.audio import SAMPLE_RATE

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def voice_encoder():
    """Resemblyzer's encoder, on the GPU when there is one (it is small; the CPU is fine too)."""
    import warnings

    import torch

    with warnings.catch_warnings():  # webrtcvad and resemblyzer use deprecated pkg_resources / scipy names
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        from resemblyzer import VoiceEncoder

    return VoiceEncoder("cuda" if torch.cuda.is_available() else "cpu", verbose=False)


def embed_spans(samples: np.ndarray, spans: list[tuple[float, float]], min_seconds: float = 0.5) -> np.ndarray:
    """One normalised embedding per (start, end) span; spans shorter than min_seconds are widened."""
    encoder = voice_encoder()
    out = []
    for start, end in spans:
        if end - start < min_seconds:
            pad = (min_seconds - (end - start)) / 2
            start, end = max(0.0, start - pad), end + pad
        audio = samples[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)]
        embedding = encoder.embed_utterance(audio) if len(audio) else np.zeros(256, dtype=np.float32)
        out.append(embedding / (np.linalg.norm(embedding) + 1e-9))
    return np.asarray(out, dtype=np.float32).reshape(len(spans), -1)


def embed_voice(samples: np.ndarray) -> np.ndarray:
    """One normalised embedding for a whole enrolment recording."""
    embedding = voice_encoder().embed_utterance(samples)
    return embedding / (np.linalg.norm(embedding) + 1e-9)


def _centroids(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    cents = np.stack([embeddings[labels == k].mean(axis=0) for k in range(labels.max() + 1)])
    return cents / (np.linalg.norm(cents, axis=1, keepdims=True) + 1e-9)


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Number clusters 0, 1, … in order of first appearance."""
    order = {old: new for new, old in enumerate(dict.fromkeys(labels.tolist()))}
    return np.array([order[x] for x in labels.tolist()], dtype=int)


def cluster_speakers(
    embeddings: np.ndarray,
    speakers: int | None,
    min_speakers: int,
    max_speakers: int,
    same_speaker_similarity: float,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """Cluster labels per embedding: exactly `speakers`, or estimated within [min, max] by merging
    clusters whose centroids are more alike than `same_speaker_similarity` (cosine).

    Embeddings with weight below 1 (short stretches, unreliable) do not shape the clusters; they take
    the label of the nearest centroid afterwards.
    """
    reliable = np.ones(len(embeddings), bool) if weights is None else weights >= 1
    if reliable.sum() < max(2, (speakers or max_speakers)) and len(embeddings):
        reliable = np.ones(len(embeddings), bool)
    labels = _cluster(embeddings[reliable], speakers, min_speakers, max_speakers, same_speaker_similarity)
    if reliable.all() or len(labels) == 0:
        return labels
    cents = _centroids(embeddings[reliable], labels)
    full = np.argmax(embeddings @ cents.T, axis=1)
    full[reliable] = labels
    return full


def _cluster(
    embeddings: np.ndarray, speakers: int | None, min_speakers: int, max_speakers: int, same_speaker_similarity: float
) -> np.ndarray:
    """k-means on normalised embeddings (balanced clusters, unlike average-linkage clustering, which
    tends to split off one odd stretch); estimating k: the largest k in range whose centroids are all
    less alike than same_speaker_similarity."""
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
        if sims.max() < same_speaker_similarity and np.bincount(labels).min() >= 2:
            break
        logger.debug("%d speakers rejected: voices alike at %.2f, or a voice heard once", k, sims.max())
    return _relabel(labels)


def centroids(embeddings: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Normalised mean embedding of each cluster."""
    return _centroids(embeddings, labels) if len(labels) else np.zeros((0, embeddings.shape[1]))
