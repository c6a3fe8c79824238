"""Virtual microphone fixture (filled in by the audio work)."""
