from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from config.backup import BackupError, backup, suffix_for


class Command(BaseCommand):
    help = (
        "Back up the whole database to a file: pg_dump's custom format on PostgreSQL, "
        "a copy made with the SQLite backup API on SQLite. Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Where to write it (default: backups/<database>-<UTC time>.dump or .sqlite3)."
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Which database alias to back up.")

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        try:
            output = options["output"] or self._default_path(connection)
            path = backup(connection, output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up {connection.vendor} database to {path} ({path.stat().st_size:,} bytes)."
        )

    def _default_path(self, connection):
        name = Path(str(connection.settings_dict["NAME"])).stem or "database"
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        return Path(settings.BASE_DIR) / "backups" / f"{name}-{stamp}{suffix_for(connection)}"
