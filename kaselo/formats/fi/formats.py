"""Finnish date formats of the portal: day.month.year without leading zeros (26.5.2021).

The network's own documents write dates so, as Finnish usage recommends. Everything not
set here comes from ``django.conf.locale.fi.formats``.
"""

DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
