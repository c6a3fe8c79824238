"""The Textual practice room. The only package that may import textual.

Nothing is imported here so that ``import offguard.ui`` stays cheap; build the app with
:func:`offguard.ui.factory.make_app`.
"""
