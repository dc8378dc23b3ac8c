"""The study's files and their format, shared by `transcribe` and `anonymise`: the transcript records,
the text format, the writers for coders, the folder layout with its edit ledger, the manifest, and atomic
file helpers. Nothing here imports model code (torch, whisper), so the anonymiser starts without them.
"""
