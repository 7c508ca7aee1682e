"""The "curator" group: edits the bank's content and moderates readers' suggestions and reports.

It holds no permission on users or groups: making someone a curator stays with a superuser.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR = "curator"
CONTENT_MODELS = ["question", "sampleanswer", "choice", "topic", "role", "company", "studypath", "studypathstep"]
HISTORY_MODELS = ["historicalquestion", "historicalsampleanswer", "historicalchoice"]
MODERATED_MODELS = ["suggestion", "askedreport"]


def _codenames():
    codenames = {("bank", f"{action}_{model}") for model in CONTENT_MODELS for action in ("add", "change", "delete", "view")}
    codenames |= {("bank", f"view_{model}") for model in HISTORY_MODELS}
    codenames |= {("practice", f"{action}_{model}") for model in MODERATED_MODELS for action in ("change", "view")}
    return codenames


def create_curator_group(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so a fresh database gets the group whole.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=CURATOR)
    wanted = _codenames()
    permissions = [
        permission
        for permission in Permission.objects.select_related("content_type").filter(
            content_type__app_label__in={app for app, _ in wanted}
        )
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in permissions}
    if missing:
        raise RuntimeError(f"Permissions missing for the curator group: {sorted(missing)}")
    group.permissions.set(permissions)


def remove_curator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CURATOR).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("bank", "0005_curation_history_workflow"),
        ("practice", "0004_community"),
    ]

    operations = [migrations.RunPython(create_curator_group, remove_curator_group)]
