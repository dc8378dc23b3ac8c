import json
import os
import time

import pytest

from transcribe.study.manifest import Claims, Manifest, RecordingState, in_shard, parse_shard


def test_one_claim_per_recording(tmp_path):
    first, second = Claims(tmp_path), Claims(tmp_path)
    assert first.acquire("interview-1")
    assert not second.acquire("interview-1")  # held by a live process
    first.release("interview-1")
    assert second.acquire("interview-1")


def test_a_claim_file_appears_whole_so_a_second_run_never_reads_it_half_written(tmp_path, monkeypatch):
    """Two runs at once: the claim is written aside and linked into place, so the other run never finds an
    empty claim file (which it would take for a killed run's and transcribe the recording a second time)."""
    first, second = Claims(tmp_path), Claims(tmp_path)
    seen = []
    real_link = os.link

    def link_and_look(source, target):  # what a second run would read the moment the claim exists
        real_link(source, target)
        seen.append(json.loads(open(target).read())["token"])

    monkeypatch.setattr(os, "link", link_and_look)
    assert first.acquire("interview-1") and not second.acquire("interview-1")
    assert seen == [first.token]
    assert [p.name for p in first.folder.iterdir()] == ["interview-1.claim"]  # nothing left aside


def test_claim_of_a_dead_process_is_taken_over(tmp_path):
    claims = Claims(tmp_path)
    path = claims.folder / "interview-2.claim"
    claims.folder.mkdir(parents=True)
    path.write_text('{"host": "%s", "pid": 999999999, "token": "old"}' % claims.host)
    assert claims.acquire("interview-2")


def test_old_claim_from_another_machine_expires(tmp_path):
    claims = Claims(tmp_path, timeout_s=60)
    claims.folder.mkdir(parents=True)
    path = claims.folder / "interview-3.claim"
    path.write_text('{"host": "node-17", "pid": 1, "token": "old"}')
    assert not claims.acquire("interview-3")
    old = time.time() - 3600
    os.utime(path, (old, old))
    assert claims.acquire("interview-3")


def test_manifest_round_trip(tmp_path):
    manifest = Manifest(tmp_path)
    manifest.save("a", RecordingState("a.m4a", "abc", stage="failed", error="a.m4a: no speech found"))
    assert manifest.all()["a"].error == "a.m4a: no speech found"


def test_stages_of_a_recording(tmp_path):
    manifest = Manifest(tmp_path)
    state = manifest.start("a", tmp_path / "a.m4a", "abc", "tiny.en")
    assert (manifest.load("a").stage, state.attempts, state.pid) == ("running", 1, os.getpid())
    manifest.interrupted("a")  # Ctrl-C
    assert (manifest.load("a").stage, manifest.load("a").error) == ("pending", "interrupted")
    state = manifest.start("a", tmp_path / "a.m4a", "abc", "tiny.en")
    manifest.finish("a", state, "a.m4a: no speech found")
    assert (manifest.load("a").stage, manifest.load("a").attempts) == ("failed", 2)
    manifest.anonymised("a")  # a failed recording is not done
    assert manifest.load("a").stage == "failed"
    manifest.finish("a", manifest.start("a", tmp_path / "a.m4a", "abc", "tiny.en"))
    assert (manifest.load("a").stage, manifest.load("a").error) == ("transcribed", None)
    manifest.anonymised("a")
    assert manifest.load("a").stage == "done"


def test_state_files_of_earlier_versions_are_read(tmp_path):
    manifest = Manifest(tmp_path)
    manifest.folder.mkdir()
    manifest.path("a").write_text(
        json.dumps({"recording": "a.m4a", "checksum": "abc", "stage": "done", "options_hash": None})
    )
    assert manifest.load("a").stage == "done"


@pytest.mark.parametrize(
    "text, env, expected",
    [
        ("1/4", {}, (1, 4)),
        (None, {"SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"}, (3, 4)),
        (None, {"SLURM_ARRAY_TASK_ID": "11", "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_ARRAY_TASK_MIN": "10"}, (1, 2)),
        (None, {}, None),
    ],
)
def test_parse_shard(text, env, expected):
    assert parse_shard(text, env) == expected


def test_bad_shard():
    with pytest.raises(ValueError, match="K/N"):
        parse_shard("first", {})
    with pytest.raises(ValueError, match="between 0 and N-1"):
        parse_shard("4/4", {})


def test_shards_partition_the_recordings():
    names = [f"interview-{i:03d}" for i in range(200)]
    shards = [[n for n in names if in_shard(n, (k, 3))] for k in range(3)]
    assert sorted(sum(shards, [])) == names
    assert all(40 < len(s) < 90 for s in shards)


def test_batch_size_is_not_part_of_a_transcripts_identity(tmp_path):
    """How a run executes (the batch size, sized to free GPU memory by default) must not make a finished
    recording look unfinished; what shapes the output (here the beam) must."""
    from transcribe.asr import AsrOptions
    from transcribe.batch import is_done
    from transcribe.study.transcript import ModelInfo, Source, Transcript, transcript_json
    from transcribe.transcriber import Job, TranscribeOptions

    def record(**asr):  # as it reads back from a transcript's JSON
        return json.loads(json.dumps(TranscribeOptions(asr=AsrOptions(**asr)).as_record()))

    assert record(batch_size=2) == record(batch_size=16) != record(beam_size=1)
    job = Job(tmp_path / "a.wav", "a", "abc")
    older = {**record(), "asr": {**record()["asr"], "batch_size": 24}}  # as transcripts recorded it before
    for written in (record(batch_size=2), older):
        transcript = Transcript(Source("a.wav", "abc", 1.0), ModelInfo("tiny.en", None, "f00"), {}, [])
        transcript.options = {"transcription": written, "device": "cuda"}
        job.json_path(tmp_path).parent.mkdir(exist_ok=True)
        job.json_path(tmp_path).write_text(transcript_json(transcript))
        assert is_done(job, tmp_path, "f00", record(batch_size=8))
        assert not is_done(job, tmp_path, "f00", record(beam_size=1))


def test_many_runs_checking_the_output_folder_at_once_never_remove_each_others_probe(tmp_path):
    """Array tasks start together and each checks that the output folder is writable: each with a probe file
    of its own (one shared name let one task delete another's probe: "not writable (No such file…)")."""
    from concurrent.futures import ThreadPoolExecutor

    from transcribe.study.fileio import unwritable_reason

    folder = tmp_path / "out"
    with ThreadPoolExecutor(8) as pool:
        reasons = list(pool.map(lambda _: unwritable_reason(folder), range(400)))
    assert reasons == [None] * 400
    assert list(folder.iterdir()) == []


def test_a_killed_writers_temporary_file_is_removed_and_live_or_other_hosts_ones_stay(tmp_path):
    """A SIGKILL skips atomic_write's clean-up and leaves `.name.w<pid>@<host>.xxxx.part`; the next run removes
    those of dead processes on this host only (array tasks on other hosts, or still writing here, keep theirs)."""
    import socket
    import subprocess
    import sys

    from transcribe.study.fileio import atomic_write_text, remove_dead_writers_leftovers

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    host = socket.gethostname()
    dead = tmp_path / f".a.json.w{gone.stdout.strip()}@{host}.abc123.part"
    alive = tmp_path / f".b.json.w{os.getpid()}@{host}.abc123.part"
    elsewhere = tmp_path / f".c.json.w{gone.stdout.strip()}@another-node.abc123.part"
    for path in (dead, alive, elsewhere):
        path.write_text("{")
    atomic_write_text(tmp_path / "d.json", "{}")
    assert remove_dead_writers_leftovers([tmp_path]) == 1
    assert not dead.exists() and alive.exists() and elsewhere.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".part")) == ["d.json"]


def test_a_dead_process_claim_is_dropped_but_a_live_one_stays(tmp_path):
    claims, other = Claims(tmp_path), Claims(tmp_path)
    claims.folder.mkdir(parents=True)
    dead = claims.folder / "interview-4.claim"
    dead.write_text('{"host": "%s", "pid": 999999999, "token": "old"}' % claims.host)
    claims.drop_stale("interview-4")
    assert not dead.exists()
    assert other.acquire("interview-5")
    claims.drop_stale("interview-5")
    assert (claims.folder / "interview-5.claim").exists()
