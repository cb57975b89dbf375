"""The portal's URLs plus the benchmark's two yardsticks (bench.settings only).

The portal's patterns are spliced in rather than included: ``i18n_patterns`` works only
in the root URLconf.
"""

from django.urls import URLPattern, URLResolver, path

from bench import views
from kaselo.urls import urlpatterns as portal_urlpatterns

urlpatterns: list[URLPattern | URLResolver] = [
    path("_bench/trivial/", views.trivial, name="bench_trivial"),
    path("_bench/reference/", views.reference, name="bench_reference"),
    *portal_urlpatterns,
]
