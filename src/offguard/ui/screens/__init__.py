"""The screens of the practice room, one module each."""
