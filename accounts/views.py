"""A signed-in person's own pages."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView


class DashboardView(LoginRequiredMixin, TemplateView):
    """Where a person lands after signing in: their roles and what they can do."""

    template_name = "accounts/dashboard.html"
