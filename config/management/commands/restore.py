from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from config.backup import BackupError, check_backup_file, restore


class Command(BaseCommand):
    help = (
        "Replace everything in the database with a backup made by `manage.py backup`. "
        "Stop the app servers first: they would otherwise hold locks and see tables change under them."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file (.dump for PostgreSQL, .sqlite3 for SQLite).")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Which database alias to restore into."
        )
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        name = connection.settings_dict["NAME"]
        try:
            check_backup_file(connection, options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["interactive"]:
            answer = input(
                f"This replaces everything in the {connection.vendor} database {name} with {options['file']}.\nType 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            restore(connection, options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {options['file']} into the {connection.vendor} database {name}.")
