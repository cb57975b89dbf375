"""The admin application, with the portal's own site (kaselo/admin_site.py)."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "kaselo.admin_site.PortalAdminSite"
