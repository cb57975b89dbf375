"""Address fields of the editors' forms: labelled as the model names them, and an address
typed without its scheme is read as https."""

from django.utils.text import capfirst

from lib.forms import https_url_field
from strategy.models import Project


def test_an_address_without_a_scheme_is_read_as_https():
    field = https_url_field(Project, "website")

    assert field.clean("www.kaselo.fi") == "https://www.kaselo.fi"
    assert field.clean("") == ""
    assert field.label == capfirst(Project._meta.get_field("website").verbose_name)
