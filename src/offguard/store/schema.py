"""The database schema as ordered migrations; ``PRAGMA user_version`` records how far it got.

Migration ``n`` (1-based) takes a database at version ``n - 1`` to version ``n``. Never edit a
released migration: add a new one at the end.
"""

from __future__ import annotations

V1 = """
CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    roles TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    probes TEXT NOT NULL DEFAULT '[]',
    tips TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL DEFAULT '',
    off_guard INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE interviews (
    id INTEGER PRIMARY KEY,
    company TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('offer', 'rejection', 'pending', 'withdrawn')),
    feedback TEXT NOT NULL DEFAULT '',
    reflection TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE interview_questions (
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    what_went_wrong TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (interview_id, question_id)
);
CREATE TABLE takes (
    id INTEGER PRIMARY KEY,
    question_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    duration REAL,
    audio_path TEXT NOT NULL,
    device TEXT NOT NULL DEFAULT '',
    samplerate INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'recording'
        CHECK (status IN ('recording', 'saved', 'recovered', 'imported', 'failed')),
    overflows INTEGER NOT NULL DEFAULT 0,
    deleted_at TEXT,
    note TEXT
);
CREATE TABLE transcripts (
    id INTEGER PRIMARY KEY,
    take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    text TEXT NOT NULL,
    words TEXT NOT NULL DEFAULT '[]',
    duration REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE analyses (
    id INTEGER PRIMARY KEY,
    take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    specificity REAL NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE INDEX takes_question_started ON takes(question_id, started_at);
CREATE INDEX takes_status ON takes(status);
CREATE INDEX transcripts_take ON transcripts(take_id);
CREATE INDEX analyses_take ON analyses(take_id);
"""

# Progress features: stories on takes, the trash bookkeeping and the Leitner boxes.
V2 = """
ALTER TABLE takes ADD COLUMN story TEXT;
ALTER TABLE takes ADD COLUMN trashed_from TEXT;
CREATE TABLE leitner (
    question_id TEXT PRIMARY KEY,
    box INTEGER NOT NULL DEFAULT 1,
    due TEXT NOT NULL,
    last_practised TEXT
);
CREATE INDEX takes_story ON takes(story) WHERE story IS NOT NULL;
"""

# Interview log and job ads: the job description of each interview, and the job ad of the
# current practice session (the newest row; an empty text clears it).
V3 = """
ALTER TABLE interviews ADD COLUMN job_description TEXT NOT NULL DEFAULT '';
CREATE TABLE job_ads (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3)
LATEST_VERSION = len(MIGRATIONS)
