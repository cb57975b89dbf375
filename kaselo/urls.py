"""The portal's URLs: public pages under i18n patterns (Finnish without a prefix)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("strategy.urls")),
    path("<slug:region>/organisaatiot/", include("network.urls")),
    path("<slug:region>/tapahtumat/", include("events.urls")),
    path("<slug:region>/", include("actions.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
