"""Finland-Swedish date formats: day.month.year, as Swedish is written in Finland (26.5.2021).

Django's Swedish formats are Sweden's (2021-05-26, 26 maj 2021); public-sector Swedish in
Finland writes dates as Finnish does and the time with "kl." (kl. 14.30). Everything not set
here, the month names among it, comes from ``django.conf.locale.sv.formats``.
"""

DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j.n.Y \k\l. G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
# Browsers' date inputs send ISO dates; a person types them the Finnish way.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H.%M.%S",
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y %H:%M",
]
