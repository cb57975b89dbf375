"""Revisions are prepared as drafts: a version gets its publication date and a note of what
changed. Every existing version was public from its creation, so it is dated by its
``created_at`` before the one-draft-a-region constraint is added (a version without a date
that is not current would count as a draft)."""

from django.db import migrations, models
from django.db.models.functions import TruncDate


def date_existing_versions(apps, schema_editor):
    Strategy = apps.get_model("strategy", "Strategy")
    Strategy.objects.filter(published_on__isnull=True).update(
        published_on=TruncDate("created_at")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0004_content_version'),
        ('strategy', '0006_plan_object_lineage'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalstrategy',
            name='change_note',
            field=models.TextField(blank=True, help_text='What changed in this revision.', verbose_name='what changed'),
        ),
        migrations.AddField(
            model_name='historicalstrategy',
            name='published_on',
            field=models.DateField(blank=True, null=True, verbose_name='published on'),
        ),
        migrations.AddField(
            model_name='strategy',
            name='change_note',
            field=models.TextField(blank=True, help_text='What changed in this revision.', verbose_name='what changed'),
        ),
        migrations.AddField(
            model_name='strategy',
            name='published_on',
            field=models.DateField(blank=True, null=True, verbose_name='published on'),
        ),
        migrations.RunPython(date_existing_versions, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='strategy',
            constraint=models.UniqueConstraint(condition=models.Q(('is_current', False), ('published_on__isnull', True)), fields=('region',), name='strategy_one_draft'),
        ),
    ]
