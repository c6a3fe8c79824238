"""Audio: devices, the recorder (callback only enqueues, a writer thread appends FLAC), the
player, crash recovery of interrupted takes, and file loading/resampling.

Nothing here imports sounddevice, soundfile or numpy at module level: import the sub-module
you need (``offguard.audio.recorder``, ``offguard.audio.player``, ...).
"""
