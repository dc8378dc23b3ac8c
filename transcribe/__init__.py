"""Turn interview recordings into timed, speaker-labelled transcripts with openai-whisper, offline."""

__version__ = "0.1.0"
