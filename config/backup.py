"""Back up and restore the whole database, whatever it holds (the bank and every reader's practice).

PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --single-transaction` (the client tools must
be on PATH; their major version at least the server's). SQLite: Python's sqlite3 backup API, which copies
a consistent snapshot even while the site is writing. Used by `manage.py backup` and `manage.py restore`.
"""

import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
SUFFIXES = {"postgresql": ".dump", "sqlite": ".sqlite3"}


class BackupError(Exception):
    """Something the operator can fix: the message says what."""


def suffix_for(connection):
    try:
        return SUFFIXES[connection.vendor]
    except KeyError:
        raise BackupError(f"No backup method for a {connection.vendor} database.") from None


def backup(connection, path):
    """Write a backup of the database behind `connection` to `path` (written whole, then moved in place)."""
    suffix_for(connection)
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    # Readers' data and password hashes: readable by the owner only, from the first byte.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    try:
        if connection.vendor == "postgresql":
            _run(["pg_dump", "--format=custom", "--file", str(partial)], connection.settings_dict)
        else:
            connection.ensure_connection()
            with closing(sqlite3.connect(partial)) as target:
                connection.connection.backup(target)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def check_backup_file(connection, path):
    """Refuse, before anything changes, a missing file or one made for the other kind of database."""
    suffix_for(connection)
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    expected = PG_DUMP_MAGIC if connection.vendor == "postgresql" else SQLITE_MAGIC
    with path.open("rb") as handle:
        if handle.read(len(expected)) != expected:
            kind = (
                "a pg_dump custom-format file" if connection.vendor == "postgresql" else "an SQLite database"
            )
            raise BackupError(f"{path} is not {kind}, so it cannot be restored into {connection.vendor}.")
    return path


def restore(connection, path):
    """Replace everything in the database behind `connection` with the backup at `path`."""
    path = check_backup_file(connection, path)
    if connection.vendor == "postgresql":
        # One transaction: a restore that fails half-way leaves the database as it was.
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction"]
        _run(
            [*command, "--exit-on-error", "--dbname", connection.settings_dict["NAME"], str(path)],
            connection.settings_dict,
        )
        return
    connection.close()
    connection.ensure_connection()
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source:
        if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(f"{path} is a damaged SQLite database; nothing was restored.")
        source.backup(connection.connection)


def _run(command, settings_dict):
    """Run a PostgreSQL client tool against the database in `settings_dict`; libpq reads the PG* variables."""
    environment = dict(os.environ)
    for key, variable in [("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("NAME", "PGDATABASE")]:
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]  # kept out of the process list
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client).") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip() or result.returncode}")
