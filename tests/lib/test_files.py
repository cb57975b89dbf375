"""Stored files are deleted once the change that dropped them commits, and never fail it."""

import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db.models import FileField
from django.db.models.fields.files import FieldFile

from lib.files import delete_after_commit

pytestmark = pytest.mark.django_db


class BrokenStorage(InMemoryStorage):
    def delete(self, name: str) -> None:
        raise PermissionError(f"cannot delete {name}")


def stored(storage: InMemoryStorage, name: str, content: bytes = b"x") -> FieldFile:
    name = storage.save(name, ContentFile(content))
    return FieldFile(None, FileField(storage=storage), name)


def test_the_files_go_only_once_the_transaction_commits(django_capture_on_commit_callbacks):
    storage = InMemoryStorage()
    first, second = stored(storage, "a.txt"), stored(storage, "b.txt")
    empty = FieldFile(None, FileField(storage=storage), "")

    with django_capture_on_commit_callbacks() as callbacks:
        delete_after_commit(first, empty, second)
        assert storage.exists("a.txt")
        assert storage.exists("b.txt")
    for callback in callbacks:
        callback()

    assert not storage.exists("a.txt")
    assert not storage.exists("b.txt")


def test_nothing_to_delete_registers_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        delete_after_commit(FieldFile(None, FileField(storage=InMemoryStorage()), ""))

    assert callbacks == []


def test_a_file_that_cannot_be_deleted_is_logged_not_raised(
    django_capture_on_commit_callbacks, caplog
):
    storage = BrokenStorage()
    file = stored(storage, "lukittu.txt")

    with (
        caplog.at_level(logging.ERROR, logger="lib.files"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        delete_after_commit(file)

    assert "Could not delete the file lukittu.txt" in caplog.text
    assert storage.exists("lukittu.txt")
