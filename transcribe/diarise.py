"""Words → speakers: who spoke each word, turns re-cut at speaker changes, and the speakers' roles.

One function per way of telling speakers apart, each returning one DiariseOutput: by_voices (voice
windows along the speech, clustered), by_pyannote (a local pyannote.audio pipeline's turns), and
by_channels (one microphone per person, each channel transcribed on its own). Three ways to know roles,
best first: enrolment (a voice sample of each interviewer), the channels' roles, and a heuristic (who
asks the questions, who talks less, who speaks first) whose confidence is recorded so a person can check it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np

from transcribe.audio import SAMPLE_RATE
from transcribe.encoders import DEFAULTS, embed_windows, mean_voice, voice_encoder
from transcribe.errors import OptionError
from transcribe.pyannote_backend import pyannote_turns, speakers_of_words
from transcribe.speakers import VoiceMap, centroids, cluster_speakers, load_clustering
from transcribe.study.transcript import Diarisation, Segment, Word
from transcribe.windows import Region

logger = logging.getLogger(__name__)


@dataclass
class DiariseOptions:
    speakers: int | None = None  # exact number of speakers, or None to estimate
    min_speakers: int = 1  # lower bound when estimating
    max_speakers: int = 2  # upper bound when estimating (interviews: 2)
    encoder: str = "campplus"  # voice encoder: "campplus" (CAM++) or "resemblyzer" (see transcribe.encoders)
    same_speaker_similarity: float | None = None  # clusters this alike are one voice; None: the encoder's
    interviewer_label: str = "Interviewer"  # role names used in transcripts
    participant_label: str = "Participant"
    enrolment_similarity: float | None = None  # below this an enrolled voice matches nobody; None: the encoder's
    window_rate: float | None = None  # voice windows (about 1.5 s each) per second of speech; None: the encoder's
    word_context: float = 0.4  # seconds: a window this far from a word's middle counts e^-0.5 as much for it
    min_speaker_seconds: float = 3.0  # when estimating, a voice heard for less than this is nobody's own
    bleed_ratio: float = 0.25  # a channel's word quieter than this share of the loudest channel is an echo
    channels: tuple[str, ...] = ()  # roles per stereo channel ("interviewer", "participant"); empty: cluster
    pyannote: str | None = None  # a local pyannote.audio pipeline (config.yaml or its folder); None: built-in

    def __post_init__(self) -> None:
        if self.encoder not in DEFAULTS:
            raise OptionError("encoder", f"{self.encoder!r} is not one of {', '.join(DEFAULTS)}")
        defaults = DEFAULTS[self.encoder]
        for name in ("window_rate", "same_speaker_similarity", "enrolment_similarity"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(defaults, name))
        if self.speakers is not None and self.speakers < 1:
            raise OptionError("speakers", "must be at least 1")
        if not 1 <= self.min_speakers <= self.max_speakers:
            raise OptionError("min_speakers", "need 1 <= min_speakers <= max_speakers")
        if self.pyannote and self.channels:
            raise OptionError("pyannote", "cannot be combined with channels: the channels already say who speaks")
        for role in self.channels:
            if role not in ("interviewer", "participant"):
                raise OptionError("channels", f"{role!r} is not 'interviewer' or 'participant'")


@dataclass
class RoleDecision:
    roles: dict[int, str]  # cluster -> label
    method: str  # "enrolment", "channels", "heuristic", "single speaker"
    confidence: float  # 0..1, how sure the role assignment is
    details: dict = field(default_factory=dict)


@dataclass
class DiariseOutput:
    """What diarisation gives, whichever way it went."""

    turns: list[Segment]  # the segments re-cut wherever the speaker changes; every word carries its speaker
    diarisation: Diarisation  # how speakers and roles were decided (the transcript keeps it)


VoiceWindows = tuple[np.ndarray, np.ndarray]  # the windows' centre times (s), their normalised embeddings


def voice_windows(samples: np.ndarray, regions: list[Region], options: DiariseOptions, device: str) -> VoiceWindows:
    """The voices of short windows sliding over the speech regions (`options.window_rate` a second); the
    clustering that follows is made ready too (this runs beside decoding where it can)."""
    windows = embed_windows(voice_encoder(options.encoder, device), samples, regions, options.window_rate)
    load_clustering()
    return windows


def map_voices(
    samples: np.ndarray,
    regions: list[Region],
    options: DiariseOptions,
    device: str = "cpu",
    windows: VoiceWindows | None = None,
) -> VoiceMap:
    """Voice windows over the speech regions (`windows` when already embedded), clustered into speakers (a
    given number, or estimated).

    The windows follow the audio, not the transcript, so a speaker change inside a Whisper segment or a
    wrong word timing does not mix two voices in one embedding for longer than a window."""
    centres, embeddings = windows if windows is not None else voice_windows(samples, regions, options, device)
    order = np.argsort(centres, kind="stable")
    centres, embeddings = centres[order], embeddings[order]
    labels = cluster_speakers(
        embeddings,
        options.speakers,
        options.min_speakers,
        options.max_speakers,
        options.same_speaker_similarity,
        min_size=max(2, round(options.min_speaker_seconds * options.window_rate)),
    )
    voices = centroids(embeddings, labels) if len(labels) else np.zeros((1, embeddings.shape[1]), np.float32)
    similarities = embeddings @ voices.T if len(labels) else np.zeros((0, 1))
    return VoiceMap(centres, similarities, voices)


def voices_of_turns(
    samples: np.ndarray, turns: list, labels: list[str], options: DiariseOptions, device: str = "cpu"
) -> np.ndarray:
    """Each speaker's mean voice over their turns (with our encoder), to match enrolment samples against."""
    encoder = voice_encoder(options.encoder, device)
    return np.asarray(
        [
            mean_voice(encoder, samples, [Region(s, e) for s, e, who in turns if who == label], options.window_rate)
            for label in labels
        ]
    )


def split_turns(segments: list[Segment], speakers: list[str]) -> list[Segment]:
    """Re-cut segments wherever the speaker changes between two words; each segment then has one speaker."""
    out: list[Segment] = []
    index = 0
    for segment in segments:
        current: list[Word] = []
        for word in segment.words:
            word.speaker = speakers[index]
            index += 1
            if current and word.speaker != current[-1].speaker:
                out.append(Segment.of_words(current))
                current = []
            current.append(word)
        if current:
            out.append(Segment.of_words(current))
    return out


def role_labels(count: int, interviewers: list[int], options: DiariseOptions) -> dict[int, str]:
    """Interviewer, Interviewer 2…, Participant, Participant 2…"""
    roles, others = {}, [k for k in range(count) if k not in interviewers]
    for n, k in enumerate(interviewers):
        roles[k] = options.interviewer_label if n == 0 else f"{options.interviewer_label} {n + 1}"
    for n, k in enumerate(others):
        roles[k] = options.participant_label if n == 0 else f"{options.participant_label} {n + 1}"
    return roles


def roles_by_enrolment(
    speaker_voices: np.ndarray, enrolled: list[np.ndarray], options: DiariseOptions
) -> RoleDecision | None:
    """Each enrolled interviewer voice claims the most similar speaker, if similar enough."""
    if not enrolled or len(speaker_voices) == 0:
        return None
    sims = np.stack(enrolled) @ speaker_voices.T  # (enrolled voices, speakers)
    interviewers: list[int] = []
    for v in np.argsort(-sims.max(axis=1)):
        k = int(np.argmax(np.where(np.isin(np.arange(len(speaker_voices)), interviewers), -1, sims[v])))
        if sims[v, k] >= options.enrolment_similarity and k not in interviewers:
            interviewers.append(k)
    if not interviewers:
        return None
    best = float(sims.max())
    return RoleDecision(
        role_labels(len(speaker_voices), interviewers, options),
        "enrolment",
        round(min(1.0, best), 3),
        {"similarity": sims.round(3).tolist()},
    )


def roles_by_heuristic(
    segments: list[Segment], word_clusters: list[int], count: int, options: DiariseOptions
) -> RoleDecision:
    """Interviewers ask the questions, talk less and usually speak first."""
    if count == 1:
        return RoleDecision({0: options.participant_label}, "single speaker", 1.0)
    words = np.bincount(word_clusters, minlength=count).astype(float)
    questions = np.zeros(count)
    turns = np.zeros(count)
    position = 0
    first = word_clusters[0] if word_clusters else 0
    for segment in segments:
        spoken = word_clusters[position : position + len(segment.words)]
        position += len(segment.words)
        if not spoken:
            continue
        speaker = max(set(spoken), key=spoken.count)
        turns[speaker] += 1
        questions[speaker] += segment.text.count("?")
    # add-one smoothing: a single question mark (Whisper sometimes hears one in a statement) is weak
    # evidence; dozens of questions are strong
    question_share = (questions + 1) / (questions.sum() + count)
    quiet_share = 1 - words / max(1.0, words.sum())
    score = 0.5 * question_share + 0.35 * quiet_share + 0.15 * (np.arange(count) == first)
    interviewer = int(np.argmax(score))
    ranked = np.sort(score)[::-1]
    confidence = float(min(1.0, (ranked[0] - ranked[1]) * 2))
    return RoleDecision(
        role_labels(count, [interviewer], options),
        "heuristic",
        round(confidence, 3),
        {
            "question_share": question_share.round(3).tolist(),
            "word_share": (words / max(1.0, words.sum())).round(3).tolist(),
            "first_speaker": int(first),
        },
    )


def channel_energies(stereo: np.ndarray, words: list[Word]) -> np.ndarray:
    """Mean power of each channel while each word is spoken: shape (words, channels)."""
    out = np.zeros((len(words), stereo.shape[0]))
    for i, word in enumerate(words):
        lo = int(word.start * SAMPLE_RATE)
        hi = max(int(word.end * SAMPLE_RATE), lo + 160)
        out[i] = (stereo[:, lo:hi].astype(np.float64) ** 2).mean(axis=1)
    return out


def by_channels(per_channel: list[list[Segment]], audio: np.ndarray, options: DiariseOptions) -> DiariseOutput:
    """Recordings with one microphone per person, each channel transcribed on its own: a word is kept
    unless another channel is much louder while it is spoken (then this microphone only picked up an
    echo); kept words get their channel's role and are merged in time order into turns. Both people
    talking at once are both kept."""
    interviewers = [i for i, role in enumerate(options.channels) if role == "interviewer"]
    roles = role_labels(len(options.channels), interviewers, options)
    kept: list[Word] = []
    for channel, segments in enumerate(per_channel):
        words = [w for s in segments for w in s.words]
        if not words:
            continue
        energies = channel_energies(audio, words)
        for word, energy in zip(words, energies):
            if energy[channel] >= options.bleed_ratio * energy.max():  # much quieter: the other mic's echo
                word.speaker = roles[channel]
                kept.append(word)
    kept.sort(key=lambda w: w.start)
    turns: list[Segment] = []
    for word in kept:
        if turns and turns[-1].speaker == word.speaker and word.start - turns[-1].end < 2.0:
            turns[-1].words.append(word)
            turns[-1].end = word.end
            turns[-1].text += word.word
        else:
            turns.append(Segment(word.start, word.end, word.word, word.speaker, [word]))
    return DiariseOutput(turns, Diarisation("channels", "channels", 1.0, sorted(set(roles.values()))))


def by_voices(
    samples: np.ndarray,
    regions: list[Region],
    segments: list[Segment],
    options: DiariseOptions,
    enrolled: list[np.ndarray] = (),
    device: str = "cpu",
    windows: VoiceWindows | None = None,
) -> DiariseOutput:
    """The built-in way: voice windows sliding over the speech regions are clustered into speakers, and each
    word goes to the speaker its surrounding windows sound most like."""
    voice_map = map_voices(samples, regions, options, device, windows)
    middles = np.array([(w.start + w.end) / 2 for s in segments for w in s.words])
    speakers = [int(c) for c in np.argmax(voice_map.scores_at(middles, options.word_context), axis=1)]
    return _with_roles(segments, speakers, voice_map.voices, options.encoder, enrolled, options)


def by_pyannote(
    samples: np.ndarray,
    segments: list[Segment],
    options: DiariseOptions,
    enrolled: list[np.ndarray] = (),
    device: str = "cpu",
) -> DiariseOutput:
    """A local pyannote.audio pipeline decides who speaks when; each word goes to the turn it overlaps most.
    Its speakers' voices are measured with our encoder only to match enrolment samples against."""
    bounds = (options.speakers, options.min_speakers, options.max_speakers)
    turns = pyannote_turns(samples, options.pyannote, *bounds, device=device)
    speakers, labels = speakers_of_words([w for s in segments for w in s.words], turns)
    if len(enrolled):
        voices = voices_of_turns(samples, turns, labels, options, device)
    else:
        voices = np.zeros((len(labels), 1))  # only their number counts
    return _with_roles(segments, speakers, voices, "pyannote", enrolled, options)


def _with_roles(
    segments: list[Segment],
    speakers: list[int],
    speaker_voices: np.ndarray,
    diariser: str,
    enrolled: list[np.ndarray],
    options: DiariseOptions,
) -> DiariseOutput:
    """Roles for the speakers of the words (by enrolment, else the heuristic), and turns re-cut at changes."""
    decision = roles_by_enrolment(speaker_voices, list(enrolled), options) or roles_by_heuristic(
        segments, speakers, len(speaker_voices), options
    )
    names = [decision.roles.get(c, f"{options.participant_label} {c + 1}") for c in speakers]
    logger.info("speakers: %d, roles by %s (confidence %.2f)", len(set(names)), decision.method, decision.confidence)
    record = Diarisation(diariser, decision.method, decision.confidence, sorted(set(names)), decision.details)
    return DiariseOutput(split_turns(segments, names), record)


def diarise(
    samples: np.ndarray,
    regions: list[Region],
    segments: list[Segment],
    options: DiariseOptions,
    enrolled: list[np.ndarray] = (),
    device: str = "cpu",
    windows: VoiceWindows | None = None,
) -> DiariseOutput:
    """Label every word of a (mono) recording with a role and re-cut turns: by a pyannote.audio pipeline when
    the options name one, else by voices. `regions` are the recording's speech, found with the run's VAD
    options; `enrolled` the interviewers' voices; the speaker models run on `device`; `windows` are the voice
    windows when already embedded (beside decoding). Stereo with one microphone per person: by_channels."""
    if not any(s.words for s in segments):
        return DiariseOutput(segments, Diarisation("none", "none", 0.0, []))  # no words to give speakers
    if options.pyannote:
        return by_pyannote(samples, segments, options, enrolled, device)
    return by_voices(samples, regions, segments, options, enrolled, device, windows)


def speaker_timeline(regions: list, segments: list[Segment]) -> list[tuple[float, float, str]]:
    """Who speaks when, over the speech regions (not only where words were recognised): each region is
    cut at the midpoint between consecutive words of different speakers; a region without words goes
    to the speaker of the nearest word. scripts/eval_diarisation.py scores it as `der_words`."""
    words = sorted((w for s in segments for w in s.words if w.speaker), key=lambda w: w.start)
    if not words:
        return []
    timeline: list[tuple[float, float, str]] = []
    for region in regions:
        inside = [w for w in words if w.end > region.start and w.start < region.end]
        if not inside:
            nearest = min(words, key=lambda w: min(abs(w.start - region.end), abs(w.end - region.start)))
            timeline.append((region.start, region.end, nearest.speaker))
            continue
        start = region.start
        for before, after in zip(inside, inside[1:]):
            if after.speaker != before.speaker:
                cut = (before.end + after.start) / 2
                timeline.append((start, cut, before.speaker))
                start = cut
        timeline.append((start, region.end, inside[-1].speaker))
    return timeline
